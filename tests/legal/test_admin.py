"""The admin's legal screens: each site's editors see and change only their own site's records."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from loa.legal.models import ConsultationComment, DocumentType, LegalDocument
from loa.orgs.roles import Role

from .conftest import make_consultation, make_document


def _form(site, **fields) -> dict:
    data = {
        "site": site.member.pk,
        "number": "99/QĐ-UBND",
        "document_type": DocumentType.DECISION,
        "issuer": "Sở Thử nghiệm",
        "signer": "Trần Văn Bình",
        "issued_on": "2026-10-01",
        "effective_on": "",
        "expires_on": "",
        "status_override": "",
        "subject_area": "",
        "summary": "Về việc kiện toàn tổ biên tập.",
    }
    data.update(fields)
    return data


@pytest.fixture
def records(site_a, site_b):
    return {
        "a": make_document(site_a, number="1/QĐ-SOA", summary="Văn bản của sở A"),
        "b": make_document(site_b, number="1/QĐ-XAB", summary="Văn bản của xã B"),
        "a_draft": make_consultation(site_a, title="Dự thảo của sở A"),
        "b_draft": make_consultation(site_b, title="Dự thảo của xã B"),
    }


def test_an_editor_lists_only_their_own_sites_documents(client, editor_a, records):
    client.force_login(editor_a)
    html = client.get(reverse("legal_documents:index")).content.decode()
    assert "1/QĐ-SOA" in html
    assert "1/QĐ-XAB" not in html
    drafts = client.get(reverse("consultations:index")).content.decode()
    assert "Dự thảo của sở A" in drafts and "Dự thảo của xã B" not in drafts


def test_another_sites_records_answer_404_by_id(client, editor_a, records):
    client.force_login(editor_a)
    assert client.get(reverse("legal_documents:edit", args=[records["a"].pk])).status_code == 200
    for name in ("edit", "delete", "history"):
        assert (
            client.get(reverse(f"legal_documents:{name}", args=[records["b"].pk])).status_code
            == 404
        )
    assert client.post(reverse("legal_documents:delete", args=[records["b"].pk])).status_code == 404
    assert (
        client.get(reverse("consultations:edit", args=[records["b_draft"].pk])).status_code == 404
    )
    assert LegalDocument.objects.filter(pk=records["b"].pk).exists()


def test_the_site_filter_offers_only_own_sites(client, editor_a, site_b, records):
    client.force_login(editor_a)
    html = client.get(reverse("legal_documents:index")).content.decode()
    assert site_b.member.site.site_name not in html


def test_a_reporter_or_an_outsider_has_no_screen(client, site_a, records):
    for user in (site_a.staff(Role.PORTAL_REPORTER),):
        client.force_login(user)
        assert client.get(reverse("legal_documents:index")).status_code in (302, 403)


def test_an_editor_creates_a_document_for_their_site_with_a_pdf(client, editor_a, site_a):
    client.force_login(editor_a)
    upload = SimpleUploadedFile(
        "quyet-dinh.pdf", b"%PDF-1.4\n%%EOF", content_type="application/pdf"
    )
    response = client.post(reverse("legal_documents:add"), _form(site_a, new_files=[upload]))
    assert response.status_code == 302, response.content.decode()[:2000]
    document = LegalDocument.objects.get(number="99/QĐ-UBND")
    assert document.site == site_a.member
    assert document.effective_on == document.issued_on
    [file] = document.files.all()
    assert file.collection == site_a.member.collection
    entry = ModelLogEntry.objects.get(action="wagtail.create", object_id=str(document.pk))
    assert entry.user == editor_a and "ip" in entry.data


def test_an_editor_cannot_create_for_another_site(client, editor_a, site_b):
    client.force_login(editor_a)
    response = client.post(reverse("legal_documents:add"), _form(site_b))
    assert response.status_code == 200
    assert not LegalDocument.objects.exists()


def test_a_pdf_that_is_not_a_pdf_is_refused_and_nothing_is_saved(client, editor_a, site_a):
    # The admin speaks the user's preferred language; this test reads the English message.
    profile = UserProfile.get_for_user(editor_a)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor_a)
    fake = SimpleUploadedFile(
        "quyet-dinh.pdf", b"<script>alert(1)</script>", content_type="application/pdf"
    )
    response = client.post(reverse("legal_documents:add"), _form(site_a, new_files=[fake]))
    assert response.status_code == 200
    assert "is not a real .pdf file" in response.content.decode()
    assert not LegalDocument.objects.exists()
    assert not get_document_model().objects.exists()


def test_changes_and_deletions_are_audited(client, editor_a, site_a, records):
    client.force_login(editor_a)
    document = records["a"]
    url = reverse("legal_documents:edit", args=[document.pk])
    data = _form(site_a, number=document.number, summary="Trích yếu mới")
    assert client.post(url, data).status_code == 302
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(document.pk)).exists()
    assert client.post(reverse("legal_documents:delete", args=[document.pk])).status_code == 302
    assert ModelLogEntry.objects.filter(
        action="wagtail.delete", object_id=str(document.pk)
    ).exists()
    assert not LegalDocument.objects.filter(pk=document.pk).exists()


def test_comments_are_shown_only_to_the_drafting_sites_editors(client, editor_a, editor_b, records):
    mine = ConsultationComment.objects.create(
        consultation=records["a_draft"],
        name="Người góp ý A",
        email="a@example.vn",
        content="Góp ý cho sở A",
    )
    theirs = ConsultationComment.objects.create(
        consultation=records["b_draft"],
        name="Người góp ý B",
        email="b@example.vn",
        content="Góp ý cho xã B",
    )
    client.force_login(editor_a)
    html = client.get(reverse("consultation_comments:index")).content.decode()
    assert "Người góp ý A" in html and "Người góp ý B" not in html
    assert client.get(reverse("consultation_comments:inspect", args=[mine.pk])).status_code == 200
    assert client.get(reverse("consultation_comments:inspect", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("consultation_comments:delete", args=[theirs.pk])).status_code == 404
    drafts = client.get(reverse("consultations:index")).content.decode()
    assert "Dự thảo của sở A" in drafts
    export = client.get(reverse("consultation_comments:index"), {"export": "xlsx"})
    assert export.status_code == 200
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    client.force_login(editor_b)
    assert (
        "Người góp ý A" not in client.get(reverse("consultation_comments:index")).content.decode()
    )
