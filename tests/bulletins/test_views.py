"""The Loa channel's admin screens, driven with the test client as each demo user in turn.

Tests look at status codes, the database and marked elements (data-loa-* attributes, form
errors by field), never at wording: the interface is translated.
"""

from __future__ import annotations

import io
import json
import uuid
from datetime import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from loa.bulletins import letters, views, workflow
from loa.bulletins.models import (
    Attachment,
    AudienceTarget,
    Conclusion,
    PublicationRequest,
    RejectionNotice,
    ScopeLevel,
    State,
)
from loa.bulletins.workflow import WorkflowError
from tests.bulletins.conftest import TRAN_BIEN, VN, make_request

pytestmark = pytest.mark.django_db

Image = get_image_model()
ALL_PASS = {
    "lawful": True,
    "no_state_secrets": True,
    "copyright_respected": True,
    "decent": True,
    "presentable": True,
}
HAS_PDF = hasattr(letters, "render_pdf")


def png(width: int = 1200, height: int = 675, name: str = "anh-dai-dien.png", fmt: str = "PNG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (30, 90, 160)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name: str = "cong-van-de-nghi.pdf", size: int | None = None):
    content = b"%PDF-1.4 Loa test letter\n%%EOF\n"
    if size is not None:
        content = content + b"0" * (size - len(content))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def contentstate(*paragraphs: str) -> str:
    """What Draftail posts for a body of plain paragraphs."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": f"k{i}",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                    "data": {},
                }
                for i, text in enumerate(paragraphs)
            ],
            "entityMap": {},
        }
    )


def request_data(demo, **overrides) -> dict:
    data = {
        "sender": demo.orgs[f"UBND-{TRAN_BIEN}"].pk,
        "title": "Cảnh giác lừa đảo qua mạng",
        "summary": "Công an phường khuyến cáo người dân không cung cấp mã OTP.",
        "body": contentstate("Thời gian gần đây xuất hiện nhiều thủ đoạn lừa đảo."),
        "image_file": png(),
        "image_alt": "Cán bộ công an tuyên truyền",
        "author_name": "Tạ Minh Châu",
        "source": "Công an phường Trấn Biên",
        "age_min": 16,
        "age_max": 80,
        "genders": [],
        "scope_level": ScopeLevel.COMMUNE,
        "scope_units": [demo.units[TRAN_BIEN].pk],
        "national_justification": "",
        "starts_at": "2026-03-02 08:00",
        "ends_at": "2026-04-01 08:00",
        "notes": "",
        "letter_number": "12/UBND-VHXH",
        "letter_date": "2026-02-20",
        "letter_signer": "Dương Văn Phúc",
        "comments_need_approval": "on",
        "new_attachments": [pdf()],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def login(client, demo, username: str):
    client.force_login(demo.users[username])
    return client


def url(name: str, *args) -> str:
    return reverse(f"loa_bulletins:{name}", args=args)


def ward_request(demo, **fields) -> PublicationRequest:
    return make_request(
        demo.orgs[f"UBND-{TRAN_BIEN}"],
        scope_units=[demo.units[TRAN_BIEN]],
        user=demo.users["ubnd.tranbien.tacgia"],
        **fields,
    )


# The whole way through the screens ---------------------------------------------------------------


def test_a_request_walks_through_the_screens(client, demo):
    users = demo.users
    images_before = Image.objects.count()

    # The commune's author prepares the request, with its image and signed letter.
    login(client, demo, "ubnd.tranbien.tacgia")
    page = client.get(url("create"))
    assert page.status_code == 200
    assert b"data-draftail-input" in page.content or b"draftail" in page.content.lower()
    response = client.post(url("create"), request_data(demo))
    assert response.status_code == 302, response.context["form"].errors
    request = PublicationRequest.objects.get()
    assert response["Location"] == url("detail", request.pk)
    assert request.state == State.DRAFT
    assert request.sender.code == f"UBND-{TRAN_BIEN}"
    assert request.created_by == users["ubnd.tranbien.tacgia"]
    assert Image.objects.count() == images_before + 1
    assert (request.image.width, request.image.height) == (1200, 675)
    assert [unit.code for unit in request.scope_units.all()] == [TRAN_BIEN]
    assert "Thời gian gần đây" in request.body
    attachment = request.attachments.get()
    assert attachment.name == "cong-van-de-nghi.pdf"
    assert attachment.file.read().startswith(b"%PDF")
    assert request.latest_revision is not None
    detail = client.get(url("detail", request.pk))
    assert detail.status_code == 200
    assert b'data-loa-action="submit"' not in detail.content  # an author cannot submit
    assert client.get(url("attachment", attachment.pk)).status_code == 200

    # The head of the committee submits it: it goes to the ward's police.
    login(client, demo, "ubnd.tranbien.chutich")
    detail = client.get(url("detail", request.pk))
    assert b'data-loa-action="submit"' in detail.content
    assert client.get(url("submit", request.pk)).status_code == 405  # GET changes nothing
    response = client.post(url("submit", request.pk))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == State.UNDER_APPRAISAL
    assert request.handler.code == f"CA-{TRAN_BIEN}"

    # The ward police's appraiser finds it in the queue and recommends refusal.
    login(client, demo, "ca.tranbien.thamdinh")
    queue = client.get(url("queue"))
    assert queue.status_code == 200
    assert [item.request.pk for item in queue.context["items"]] == [request.pk]
    assert b"data-days-left" in queue.content
    detail = client.get(url("detail", request.pk))
    assert b'data-loa-action="appraise"' in detail.content
    assert b'data-loa-action="approve"' not in detail.content
    response = client.post(
        url("appraise", request.pk),
        {
            "lawful": "on",
            "no_state_secrets": "on",
            "copyright_respected": "on",
            "decent": "on",
            "conclusion": Conclusion.RECOMMEND_REFUSAL,
            "remarks": "Ảnh đại diện chưa ghi nguồn.",
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == State.AWAITING_APPROVAL
    appraisal = request.current_round.appraisal
    assert appraisal.presentable is False and appraisal.lawful is True

    # Its head refuses; the notice can be downloaded in both formats.
    login(client, demo, "ca.tranbien.truong")
    detail = client.get(url("detail", request.pk))
    refusal_form = detail.context["refusal_form"]
    assert refusal_form.initial["notice_number"].startswith("1/TB-")
    assert refusal_form.initial["signer_name"] == users["ca.tranbien.truong"].get_full_name()
    assert refusal_form.initial["recipients"] == request.sender.name
    assert (
        refusal_form.initial["reasons"] == "Ảnh đại diện chưa ghi nguồn."
    )  # the appraiser's remarks
    response = client.post(
        url("refuse", request.pk),
        {
            "reasons": "Ảnh đại diện chưa ghi nguồn.",
            "requested_changes": "Ghi nguồn ảnh.",
            "notice_number": refusal_form.initial["notice_number"],
            "signer_name": "Trịnh Công Sơn",
            "signer_title": "Trưởng Công an phường",
            "recipients": "",
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == State.RETURNED
    notice = RejectionNotice.objects.get()
    detail = client.get(url("detail", request.pk))
    assert b'data-loa-notice="docx"' in detail.content
    docx = client.get(url("notice_docx", notice.pk))
    assert docx.status_code == 200
    assert docx["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert docx["Content-Disposition"].startswith("attachment;")
    assert letters.notice_filename(notice, "docx") in docx["Content-Disposition"]
    assert docx.content.startswith(b"PK")
    if HAS_PDF:
        pdf_response = client.get(url("notice_pdf", notice.pk))
        assert pdf_response.status_code == 200
        assert pdf_response["Content-Type"] == "application/pdf"
        assert pdf_response.content.startswith(b"%PDF")

    # The author revises: a new title and a new image.
    login(client, demo, "ubnd.tranbien.tacgia")
    assert client.get(url("edit", request.pk)).status_code == 200
    data = request_data(
        demo,
        title="Cảnh giác lừa đảo qua mạng xã hội",
        image_file=png(1600, 900, "anh-moi.png"),
        new_attachments=None,
        source="Ảnh: Công an phường Trấn Biên",
    )
    del data["sender"]
    response = client.post(url("edit", request.pk), data)
    assert response.status_code == 302, response.context["form"].errors
    request.refresh_from_db()
    assert request.state == State.RETURNED
    assert request.title == "Cảnh giác lừa đảo qua mạng xã hội"
    assert request.image.width == 1600
    assert request.attachments.count() == 1  # kept
    detail = client.get(url("detail", request.pk))
    fields = {change.field for change in detail.context["unsubmitted_changes"]}
    assert {"title", "image", "source"} <= fields

    # The head resubmits; the second round shows what changed since the first.
    login(client, demo, "ubnd.tranbien.chutich")
    assert client.post(url("submit", request.pk)).status_code == 302
    request.refresh_from_db()
    assert request.state == State.UNDER_APPRAISAL
    assert request.rounds.count() == 2

    login(client, demo, "ca.tranbien.thamdinh")
    detail = client.get(url("detail", request.pk))
    latest = detail.context["rounds"][0]
    assert latest.round.number == 2
    assert {"title", "image", "source"} <= {change.field for change in latest.changes}
    assert b"data-loa-changes" in detail.content
    assert b'data-field="title"' in detail.content
    response = client.post(
        url("appraise", request.pk),
        {
            **{name: "on" for name in ALL_PASS},
            "conclusion": Conclusion.RECOMMEND_APPROVAL,
            "remarks": "",
        },
    )
    assert response.status_code == 302

    login(client, demo, "ca.tranbien.truong")
    assert client.post(url("approve", request.pk)).status_code == 302
    request.refresh_from_db()
    assert request.state == State.APPROVED
    assert list(
        AudienceTarget.objects.filter(request=request).values_list("unit__code", flat=True)
    ) == [TRAN_BIEN]
    detail = client.get(url("detail", request.pk))
    assert b'data-loa-action="withdraw"' in detail.content
    assert b'data-loa-action="approve"' not in detail.content

    # And, when needed, takes the bulletin down with a reason.
    response = client.post(url("withdraw", request.pk), {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["withdrawal_form"].errors
    assert (
        client.post(url("withdraw", request.pk), {"reason": "Thông tin đã cũ."}).status_code == 302
    )
    request.refresh_from_db()
    assert request.state == State.WITHDRAWN
    assert not AudienceTarget.objects.filter(request=request).exists()


# Isolation ---------------------------------------------------------------------------------------


@pytest.fixture
def refused_ward_request(demo):
    request = ward_request(demo)
    request.attachments = [Attachment(file=pdf(), name="cong-van.pdf", size=30)]
    workflow.save_draft(demo.users["ubnd.tranbien.tacgia"], request)
    workflow.submit(demo.users["ubnd.tranbien.chutich"], request)
    workflow.appraise(
        demo.users["ca.tranbien.thamdinh"], request, ALL_PASS, Conclusion.RECOMMEND_APPROVAL
    )
    workflow.refuse(
        demo.users["ca.tranbien.truong"],
        request,
        reasons="Chưa đạt.",
        requested_changes="",
        notice_number="1/TB-CAP",
        signer_name="Trịnh Công Sơn",
        signer_title="Trưởng Công an phường",
    )
    return request


def test_another_communes_police_gets_404_for_everything(client, demo, refused_ward_request):
    request = refused_ward_request
    notice = RejectionNotice.objects.get()
    attachment = request.attachments.get()
    login(client, demo, "ca.longthanh.thamdinh")
    for name in ("detail", "edit"):
        assert client.get(url(name, request.pk)).status_code == 404, name
    for name in ("edit", "submit", "appraise", "approve", "refuse", "withdraw"):
        assert client.post(url(name, request.pk), {"reason": "x"}).status_code == 404, name
    assert client.get(url("notice_docx", notice.pk)).status_code == 404
    assert client.get(url("notice_pdf", notice.pk)).status_code == 404
    assert client.get(url("attachment", attachment.pk)).status_code == 404
    listed = client.get(url("index")).context["object_list"]
    assert request not in listed
    assert client.get(url("queue")).context["items"] == []
    # A made-up id answers the same.
    assert client.get(url("detail", request.pk + 1000)).status_code == 404


def test_users_without_a_channel_role_are_kept_out(client, demo):
    login(client, demo, "bbt.phongvien")  # a portal reporter
    assert client.get(url("index")).status_code == 404
    assert client.get(url("create")).status_code == 404
    assert client.get(url("queue")).status_code == 404
    client.logout()
    response = client.get(url("index"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_authors_cannot_open_the_queue_and_police_cannot_write(client, demo):
    login(client, demo, "stp.tacgia")
    assert client.get(url("index")).status_code == 200
    assert client.get(url("queue")).status_code == 404
    login(client, demo, "pc06.thamdinh")
    assert client.get(url("create")).status_code == 404
    assert client.get(url("queue")).status_code == 200


def test_posts_need_the_csrf_token(demo):
    request = ward_request(demo)
    client = Client(enforce_csrf_checks=True)
    client.force_login(demo.users["ubnd.tranbien.chutich"])
    assert client.post(url("submit", request.pk)).status_code == 403
    request.refresh_from_db()
    assert request.state == State.DRAFT


@pytest.mark.parametrize("name", ["submit", "appraise", "approve", "refuse", "withdraw"])
def test_action_urls_answer_get_with_405_and_change_nothing(client, demo, name):
    request = ward_request(demo)
    login(client, demo, "ubnd.tranbien.chutich")
    assert client.get(url(name, request.pk)).status_code == 405
    request.refresh_from_db()
    assert (request.state, request.version) == (State.DRAFT, 0)


def test_the_menu_offers_each_user_their_screens(client, demo):
    def menu_names(username):
        login(client, demo, username)
        content = client.get(reverse("wagtailadmin_home")).content.decode()
        return {
            name
            for name in ("loa-channel", "loa-requests", "loa-new-request", "loa-queue")
            if f'"{name}"' in content
        }

    assert menu_names("ubnd.tranbien.tacgia") == {"loa-channel", "loa-requests", "loa-new-request"}
    assert menu_names("pc06.thamdinh") == {"loa-channel", "loa-requests", "loa-queue"}
    assert menu_names("bbt.phongvien") == set()


def test_actions_the_user_may_not_take_change_nothing(client, demo):
    request = ward_request(demo)
    login(client, demo, "ubnd.tranbien.tacgia")  # an author, not the head
    response = client.post(url("submit", request.pk))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == State.DRAFT
    login(client, demo, "ca.tranbien.thamdinh")  # the request is not routed to them yet
    assert client.post(url("appraise", request.pk), {"conclusion": "approve"}).status_code == 404


def test_a_refusal_missing_its_details_shows_the_errors_on_the_form(client, demo):
    request = ward_request(demo)
    workflow.submit(demo.users["ubnd.tranbien.chutich"], request)
    workflow.appraise(
        demo.users["ca.tranbien.thamdinh"], request, ALL_PASS, Conclusion.RECOMMEND_APPROVAL
    )
    login(client, demo, "ca.tranbien.truong")
    response = client.post(
        url("refuse", request.pk),
        {
            "reasons": "",
            "requested_changes": "",
            "notice_number": "",
            "signer_name": "",
            "signer_title": "",
            "recipients": "",
        },
    )
    assert response.status_code == 200
    errors = response.context["refusal_form"].errors
    assert {"reasons", "notice_number", "signer_name"} <= set(errors)
    request.refresh_from_db()
    assert request.state == State.AWAITING_APPROVAL


def test_an_appraisal_that_recommends_approval_must_pass_every_check(client, demo):
    request = ward_request(demo)
    workflow.submit(demo.users["ubnd.tranbien.chutich"], request)
    login(client, demo, "ca.tranbien.thamdinh")
    response = client.post(
        url("appraise", request.pk),
        {
            "lawful": "on",
            "conclusion": Conclusion.RECOMMEND_APPROVAL,
            "remarks": "",
        },
    )
    assert response.status_code == 200
    assert "conclusion" in response.context["appraisal_form"].errors
    request.refresh_from_db()
    assert request.state == State.UNDER_APPRAISAL


def test_submitting_without_an_image_says_why(client, demo):
    request = ward_request(demo, image=None)
    login(client, demo, "ubnd.tranbien.chutich")
    response = client.post(url("submit", request.pk), follow=True)
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.state == State.DRAFT
    assert any(message.level_tag == "error" for message in response.context["messages"])


def test_the_suggested_notice_number_counts_this_years_notices(demo, refused_ward_request):
    from loa.bulletins.forms import notice_symbol, suggested_notice_number

    police = demo.orgs[f"CA-{TRAN_BIEN}"]
    assert suggested_notice_number(police) == f"2/TB-{notice_symbol(police)}"
    assert notice_symbol(demo.orgs["DNI-PC06"]) == "PC06"
    assert notice_symbol(demo.orgs["BCA-C06"]) == "C06"
    assert notice_symbol(police).isascii() and notice_symbol(police).isupper()


# Bad input ---------------------------------------------------------------------------------------


def text_as_png():
    return SimpleUploadedFile("anh.png", b"This is not a picture at all.", content_type="image/png")


def png_named_jpg():
    upload = png()
    upload.name = "anh.jpg"
    return upload


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"image_file": png(400, 300)}, "image_file"),
        ({"image_file": text_as_png()}, "image_file"),
        ({"image_file": png_named_jpg()}, "image_file"),
        ({"new_attachments": [pdf(size=10 * 1024 * 1024 + 1)]}, "new_attachments"),
        ({"new_attachments": [SimpleUploadedFile("x.pdf", b"hello")]}, "new_attachments"),
        ({"new_attachments": [SimpleUploadedFile("x.exe", b"MZ")]}, "new_attachments"),
        ({"starts_at": "2026-04-01 08:00", "ends_at": "2026-03-01 08:00"}, "ends_at"),
        (
            {"scope_level": ScopeLevel.NATIONAL, "national_justification": ""},
            "national_justification",
        ),
        ({"age_min": 60, "age_max": 18}, "age_max"),
        ({"scope_level": ScopeLevel.COMMUNE, "scope_units": []}, "scope_units"),
        ({"body": contentstate("", "   ")}, "body"),
    ],
    ids=[
        "image-too-small",
        "not-an-image",
        "wrong-extension",
        "attachment-too-big",
        "fake-pdf",
        "attachment-type",
        "window-reversed",
        "national-unjustified",
        "ages-reversed",
        "no-area",
        "empty-body",
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(client, demo, overrides, field):
    # Uploaded files are read once; build fresh ones per test run.
    overrides = {key: value for key, value in overrides.items()}
    images_before = Image.objects.count()
    login(client, demo, "ubnd.tranbien.tacgia")
    response = client.post(url("create"), request_data(demo, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors, response.context["form"].errors
    assert not PublicationRequest.objects.exists()
    assert Image.objects.count() == images_before
    assert not Attachment.objects.exists()


def test_a_refusal_by_the_workflow_leaves_no_image_behind(client, demo, monkeypatch):
    def refuse(user, request):
        raise WorkflowError({"title": "Không được."})

    def stored(stem: str) -> list[str]:
        # The test media folder is shared with other test runs: look for this upload's name only.
        if not default_storage.exists("original_images"):
            return []
        return [
            name for name in default_storage.listdir("original_images")[1] if name.startswith(stem)
        ]

    monkeypatch.setattr(views.workflow, "save_draft", refuse)
    stem = f"bi-tu-choi-{uuid.uuid4().hex[:8]}"
    images_before = Image.objects.count()
    login(client, demo, "ubnd.tranbien.tacgia")
    response = client.post(url("create"), request_data(demo, image_file=png(name=f"{stem}.png")))
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert Image.objects.count() == images_before
    assert not PublicationRequest.objects.exists()
    assert stored(stem) == []


def test_a_failed_edit_keeps_the_old_image(client, demo, monkeypatch):
    request = ward_request(demo)
    old_image = request.image

    def refuse(user, request):
        raise WorkflowError("Ai đó vừa thay đổi yêu cầu này.")

    monkeypatch.setattr(views.workflow, "save_draft", refuse)
    images_before = Image.objects.count()
    login(client, demo, "ubnd.tranbien.tacgia")
    data = request_data(demo, image_file=png(1600, 900, "anh-moi.png"))
    del data["sender"]
    response = client.post(url("edit", request.pk), data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert response.context["form"].current_image == old_image
    assert Image.objects.count() == images_before
    request.refresh_from_db()
    assert request.image == old_image


def test_a_province_scope_covers_the_senders_province(client, demo):
    login(client, demo, "stp.tacgia")
    data = request_data(
        demo, sender=demo.orgs["DNI-STP"].pk, scope_level=ScopeLevel.PROVINCE, scope_units=[]
    )
    response = client.post(url("create"), data)
    assert response.status_code == 302, response.context["form"].errors
    request = PublicationRequest.objects.get()
    assert [unit.code for unit in request.scope_units.all()] == ["75"]


def test_an_author_cannot_send_for_an_organization_they_do_not_write_for(client, demo):
    login(client, demo, "stp.tacgia")
    response = client.post(url("create"), request_data(demo))  # the ward's committee
    assert response.status_code == 200
    assert "sender" in response.context["form"].errors
    assert not PublicationRequest.objects.exists()


def test_edit_removes_an_attachment_and_adds_another(client, demo, refused_ward_request):
    request = refused_ward_request
    old = request.attachments.get()
    login(client, demo, "ubnd.tranbien.tacgia")
    data = request_data(
        demo, image_file=None, remove_attachments=[old.pk], new_attachments=[pdf("bo-sung.pdf")]
    )
    del data["sender"]
    response = client.post(url("edit", request.pk), data)
    assert response.status_code == 302, response.context["form"].errors
    assert [a.name for a in request.attachments.all()] == ["bo-sung.pdf"]


def test_a_request_that_cannot_be_edited_sends_back_to_its_page(client, demo):
    request = ward_request(demo)
    workflow.submit(demo.users["ubnd.tranbien.chutich"], request)
    login(client, demo, "ubnd.tranbien.tacgia")
    response = client.get(url("edit", request.pk))
    assert response.status_code == 302
    assert response["Location"] == url("detail", request.pk)
    response = client.post(url("edit", request.pk), request_data(demo))
    assert response.status_code == 302
    assert Image.objects.count() == 1  # only the one make_request created


# The list ----------------------------------------------------------------------------------------


def test_the_list_filters_by_state_and_searches_titles(client, demo):
    draft = ward_request(demo, title="Tuyên truyền phòng cháy chữa cháy")
    sent = ward_request(demo, title="Cảnh giác lừa đảo")
    workflow.submit(demo.users["ubnd.tranbien.chutich"], sent)
    login(client, demo, "ubnd.tranbien.tacgia")
    listed = client.get(url("index")).context["object_list"]
    assert {r.pk for r in listed} == {draft.pk, sent.pk}
    listed = client.get(url("index"), {"state": State.DRAFT}).context["object_list"]
    assert [r.pk for r in listed] == [draft.pk]
    listed = client.get(url("index_results"), {"q": "lừa đảo"}).context["object_list"]
    assert [r.pk for r in listed] == [sent.pk]
    row = next(r for r in client.get(url("index")).context["object_list"] if r.pk == sent.pk)
    assert row.current_deadline is not None and row.days_left is not None


def test_the_list_query_count_does_not_grow_with_requests(
    client, demo, django_assert_max_num_queries
):
    def add(count: int) -> None:
        for number in range(count):
            request = ward_request(demo, title=f"Bài {number}")
            if number % 2:
                workflow.submit(demo.users["ubnd.tranbien.chutich"], request)

    add(3)
    login(client, demo, "ubnd.tranbien.tacgia")
    client.get(url("index"))  # warm per-process caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(url("index")).status_code == 200
    add(12)
    with django_assert_max_num_queries(len(few)):
        response = client.get(url("index"))
    assert len(response.context["object_list"]) == 15


def test_the_queue_marks_overdue_requests(client, demo):
    request = ward_request(demo)
    workflow.submit(
        demo.users["ubnd.tranbien.chutich"], request, now=datetime(2026, 1, 5, 9, tzinfo=VN)
    )
    login(client, demo, "ca.tranbien.thamdinh")
    response = client.get(url("queue"))
    (item,) = response.context["items"]
    assert item.overdue
    assert b"loa-badge--overdue" in response.content
