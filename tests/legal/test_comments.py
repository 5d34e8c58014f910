"""Comments on drafts: received while open, refused after closing, robots and floods turned away."""

from datetime import timedelta

from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from loa.legal.comments import COMMENTS_PER_WINDOW
from loa.legal.models import ConsultationComment

from .conftest import index_url, make_consultation

COMMENT = {
    "name": "Nguyễn Văn An",
    "email": "an@example.vn",
    "organization": "",
    "content": "Đề nghị làm rõ thời hạn giải quyết.",
    "website": "",
}


def _post(client, site, draft, **fields):
    return client.post(
        f"{index_url(site)}du-thao/{draft.pk}/",
        {**COMMENT, **fields},
        HTTP_HOST=site.hostname,
        follow=True,
    )


def _vietnamese(message: str) -> str:
    """The message as the reader of the public (Vietnamese) pages sees it."""
    with translation.override("vi"):
        return gettext(message)


def test_a_valid_comment_is_stored_audited_and_not_published(client, site_a):
    draft = make_consultation(site_a)
    response = _post(client, site_a, draft)
    thanks = _vietnamese("Thank you: your comment has been sent to the drafting agency.")
    assert thanks in response.content.decode()
    comment = ConsultationComment.objects.get()
    assert comment.consultation == draft and comment.name == "Nguyễn Văn An"
    assert ModelLogEntry.objects.filter(
        action="loa.legal.comment.receive", object_id=str(comment.pk)
    ).exists()
    page = client.get(
        f"{index_url(site_a)}du-thao/{draft.pk}/", HTTP_HOST=site_a.hostname
    ).content.decode()
    assert "Đề nghị làm rõ" not in page


def test_required_fields_are_required(client, site_a):
    draft = make_consultation(site_a)
    response = _post(client, site_a, draft, name="  ", email="khong-phai-email", content="<p></p>")
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"name", "email", "content"}
    assert not ConsultationComment.objects.exists()


def test_html_is_stripped_to_plain_text(client, site_a):
    draft = make_consultation(site_a)
    _post(
        client,
        site_a,
        draft,
        content="<script>alert(1)</script><b>Góp ý</b> rõ ràng",
        name="<i>An</i>",
    )
    comment = ConsultationComment.objects.get()
    assert "<" not in comment.content and "Góp ý rõ ràng" in comment.content
    assert comment.name == "An"


def test_over_long_text_is_refused(client, site_a):
    draft = make_consultation(site_a)
    response = _post(client, site_a, draft, content="x" * 5001)
    assert "content" in response.context["form"].errors
    assert not ConsultationComment.objects.exists()


def test_the_honeypot_keeps_nothing(client, site_a):
    draft = make_consultation(site_a)
    response = _post(client, site_a, draft, website="http://spam.example")
    assert response.status_code == 200
    assert not ConsultationComment.objects.exists()


def test_a_closed_draft_refuses_comments_clearly(client, site_a):
    draft = make_consultation(site_a, open_now=False)
    response = _post(client, site_a, draft)
    closed_on = timezone.localtime(draft.closes_at).strftime("%d/%m/%Y %H:%M")
    message = _vietnamese("Comments on this draft closed on %(date)s.") % {"date": closed_on}
    assert message in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_a_draft_not_yet_open_is_not_shown(client, site_a):
    draft = make_consultation(site_a, opens_at=timezone.now() + timedelta(days=1))
    assert (
        client.get(f"{index_url(site_a)}du-thao/{draft.pk}/", HTTP_HOST=site_a.hostname).status_code
        == 404
    )


def test_one_address_can_send_only_a_few_comments(client, site_a):
    draft = make_consultation(site_a)
    for _ in range(COMMENTS_PER_WINDOW):
        _post(client, site_a, draft)
    response = _post(client, site_a, draft)
    assert response.status_code == 429
    refusal = _vietnamese(
        "Too many comments have been sent from your connection. Please try again later."
    )
    assert refusal in response.content.decode()
    assert ConsultationComment.objects.count() == COMMENTS_PER_WINDOW


def test_a_draft_of_another_site_is_not_found(client, site_a, site_b):
    draft = make_consultation(site_b)
    assert _post(client, site_a, draft).status_code == 404
