"""Questions in the admin: each site's editors answer only their own site's questions."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import ModelLogEntry

from loa.orgs.roles import Role
from loa.portal.blocks import RICH_TEXT_FEATURES
from loa.questions.models import Question

from .builders import make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_a(client, site_a):
    user = site_a.staff(Role.PORTAL_EDITOR)
    client.force_login(user)
    return user


def as_editor_input(html: str) -> str:
    """Rich text as the admin's editor (Draftail) posts it."""
    return ContentstateConverter(RICH_TEXT_FEATURES).from_database_format(html)


def edit_data(question: Question, **changes) -> dict:
    data = {
        "asker_name": question.asker_name, "email": question.email, "phone": question.phone,
        "address": question.address, "title": question.title, "content": question.content,
        "field": question.field, "answerer": question.answerer,
    }
    data.update(changes)
    data["answer"] = as_editor_input(changes.get("answer", question.answer))
    return data


def test_the_listing_and_its_search_show_only_the_editors_own_site(client, site_a, site_b, editor_a):
    mine = make_question(site_a.member, "Đăng ký hộ tịch", published=False)
    make_question(site_b.member, "Đăng ký hộ tịch ở nơi khác")
    response = client.get(reverse("questions:index"))
    assert list(response.context["object_list"]) == [mine]
    searched = client.get(reverse("questions:index"), {"q": "ho tich"})
    assert list(searched.context["object_list"]) == [mine]


def test_another_sites_question_is_not_found(client, site_a, site_b, editor_a):
    other = make_question(site_b.member, published=False)
    for name in ("edit", "delete", "history", "usage", "publish", "hide"):
        assert client.get(reverse(f"questions:{name}", args=[other.pk])).status_code == 404, name
    assert client.post(reverse("questions:publish", args=[other.pk])).status_code == 404
    assert client.post(reverse("questions:edit", args=[other.pk]), edit_data(other, title="Đổi")).status_code == 404
    other.refresh_from_db()
    assert other.state == Question.State.RECEIVED and other.title != "Đổi"


def test_an_editor_answers_and_publishes_and_the_asker_is_told(client, site_a, editor_a):
    question = make_question(site_a.member, answer="", published=False)
    early = client.get(reverse("questions:publish", args=[question.pk]))
    assert early.status_code == 302  # nothing to publish yet: back to the edit screen

    answer = "<p>Ông bà nộp hồ sơ tại phường.</p>"
    saved = client.post(reverse("questions:edit", args=[question.pk]), edit_data(question, answer=answer))
    assert saved.status_code == 302
    edit = client.get(reverse("questions:edit", args=[question.pk])).content.decode()
    assert reverse("questions:publish", args=[question.pk]) in edit
    assert client.get(reverse("questions:publish", args=[question.pk])).status_code == 200
    assert client.post(reverse("questions:publish", args=[question.pk])).status_code == 302
    question.refresh_from_db()
    assert question.is_published and question.answered_by == editor_a
    assert ModelLogEntry.objects.filter(action="loa.question.publish", user=editor_a).count() == 1
    assert ModelLogEntry.objects.filter(action="loa.question.change").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [question.email]
    assert f"/hoi-dap/{question.pk}/" in mail.outbox[0].body


def test_hiding_needs_a_reason_and_is_logged(client, site_a, editor_a):
    question = make_question(site_a.member)
    assert client.post(reverse("questions:hide", args=[question.pk]), {"reason": ""}).status_code == 200
    question.refresh_from_db()
    assert question.is_published
    assert client.post(reverse("questions:hide", args=[question.pk]), {"reason": "Không thuộc thẩm quyền"}).status_code == 302
    question.refresh_from_db()
    assert question.state == Question.State.HIDDEN
    entry = ModelLogEntry.objects.get(action="loa.question.hide")
    assert entry.data["reason"] == "Không thuộc thẩm quyền"


def test_a_reporter_cannot_publish(client, site_a):
    client.force_login(site_a.staff(Role.PORTAL_REPORTER))
    question = make_question(site_a.member, published=False)
    assert client.get(reverse("questions:edit", args=[question.pk])).status_code == 200
    refused = client.post(reverse("questions:publish", args=[question.pk]))
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    question.refresh_from_db()
    assert not question.is_published
