"""The editorial workflow through the admin: the reporter writes, the editor reviews, the editor-in-
chief approves and publishes; a refusal keeps its reasons; scheduled publishing waits its hour."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from loa.orgs.roles import Role
from loa.portal.pages import ArticlePage

from .conftest import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(site_a):
    return {
        "reporter": site_a.staff(Role.PORTAL_REPORTER),
        "editor": site_a.staff(Role.PORTAL_EDITOR),
        "chief": site_a.staff(Role.EDITOR_IN_CHIEF),
    }


def article_form(image, **overrides) -> dict:
    fields = {
        "title": "Phường ra quân dọn vệ sinh",
        "slug": "phuong-ra-quan-don-ve-sinh",
        "lead": "Người dân cùng làm sạch kênh rạch.",
        "image": image.pk,
        "image_alt": "Người dân vớt rác dọc bờ kênh",
        "image_caption": "",
        "body": streamfield([("paragraph", rich_text("<p>Sáng Chủ nhật, hơn 300 người tham gia.</p>"))]),
        "author": "Minh Châu",
        "source": "",
        "source_url": "",
        "tags": '"Môi trường", "Vệ sinh"',  # the tag widget quotes multi-word tags
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        **overrides,
    }
    return nested_form_data(fields)


def submit_new_article(client, site, reporter, **overrides):
    client.force_login(reporter)
    url = reverse("wagtailadmin_pages:add", args=["portal", "articlepage", site.section().pk])
    data = article_form(make_image(site.member.collection), **overrides)
    data["action-submit"] = "Submit"
    return client.post(url, data)


def act(client, user, page, action: str, comment: str = ""):
    client.force_login(user)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def test_reporter_submits_editor_reviews_chief_publishes(client, site_a, newsroom):
    response = submit_new_article(client, site_a, newsroom["reporter"])
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ArticlePage.objects.get(slug="phuong-ra-quan-don-ve-sinh")
    assert not page.live and page.workflow_in_progress
    assert page.current_workflow_state.workflow == site_a.member.workflow
    assert page.owner == newsroom["reporter"]
    assert set(page.tags.names()) == {"Môi trường", "Vệ sinh"}

    # The reporter cannot approve their own article; the editor-in-chief's step is not the editor's.
    review = page.current_workflow_task_state
    act(client, newsroom["reporter"], page, "approve")
    assert TaskState.objects.get(pk=review.pk).status == TaskState.STATUS_IN_PROGRESS
    assert act(client, newsroom["editor"], page, "approve").status_code == 302
    assert TaskState.objects.get(pk=review.pk).status == TaskState.STATUS_APPROVED
    page = ArticlePage.objects.get(pk=page.pk)
    assert not page.live
    approval = page.current_workflow_task_state
    assert approval.task.specific.groups.get() == site_a.member.chiefs
    act(client, newsroom["editor"], page, "approve")
    assert TaskState.objects.get(pk=approval.pk).status == TaskState.STATUS_IN_PROGRESS

    assert act(client, newsroom["chief"], page, "approve", comment="Đồng ý xuất bản").status_code == 302
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live and not page.workflow_in_progress
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    assert [task.status for task in state.task_states.order_by("started_at")] == ["approved", "approved"]
    assert client.get(page.url, HTTP_HOST=site_a.hostname).status_code == 200


def test_a_refusal_keeps_its_reasons(client, site_a, newsroom):
    submit_new_article(client, site_a, newsroom["reporter"])
    page = ArticlePage.objects.get(slug="phuong-ra-quan-don-ve-sinh")
    reason = "Ảnh đại diện chưa rõ nguồn; đề nghị bổ sung tên tác giả ảnh."
    assert act(client, newsroom["editor"], page, "reject", comment=reason).status_code == 302
    page = ArticlePage.objects.get(pk=page.pk)
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    refusal = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_REJECTED)
    assert refusal.comment == reason and refusal.finished_by == newsroom["editor"]

    client.force_login(newsroom["reporter"])
    history = client.get(reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk]))
    assert history.status_code == 200 and reason in history.content.decode()


def test_an_article_needs_the_alternative_text_of_its_image(client, site_a, newsroom):
    response = submit_new_article(client, site_a, newsroom["reporter"], image_alt="")
    assert response.status_code == 200
    assert "image_alt" in response.context["form"].errors
    assert not ArticlePage.objects.exists()


def test_the_chief_may_publish_directly_the_editor_may_not(client, site_a, newsroom):
    home = site_a.home
    section = site_a.section()
    assert section.permissions_for_user(newsroom["chief"]).can_publish()
    assert not section.permissions_for_user(newsroom["editor"]).can_publish()
    assert not section.permissions_for_user(newsroom["reporter"]).can_publish()
    assert home.permissions_for_user(newsroom["reporter"]).can_add_subpage()


def test_scheduled_publishing_waits_for_its_time(client, site_a, newsroom):
    go_live = (timezone.localtime() + timedelta(hours=2)).replace(microsecond=0)
    submit_new_article(client, site_a, newsroom["reporter"],
                       go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    page = ArticlePage.objects.get(slug="phuong-ra-quan-don-ve-sinh")
    assert page.go_live_at is not None
    act(client, newsroom["editor"], page, "approve")
    page = ArticlePage.objects.get(pk=page.pk)
    act(client, newsroom["chief"], page, "approve")
    page = ArticlePage.objects.get(pk=page.pk)
    assert not page.live
    revision = Revision.page_revisions.get(object_id=str(page.pk), approved_go_live_at__isnull=False)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    # Two hours later (the revision's times moved back rather than the clock forward):
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_revisions_can_be_compared(client, site_a, newsroom):
    submit_new_article(client, site_a, newsroom["reporter"])
    page = ArticlePage.objects.get(slug="phuong-ra-quan-don-ve-sinh")
    first = page.latest_revision
    page.lead = "Tóm tắt đã sửa."
    second = page.save_revision(user=newsroom["editor"])
    client.force_login(newsroom["chief"])
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    response = client.get(url)
    assert response.status_code == 200 and "Tóm tắt đã sửa." in response.content.decode()
    preview = client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, second.pk]))
    assert preview.status_code == 200
