"""The admin screens of proposals and the portal's "news from member units" block."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from loa.orgs.roles import Role
from loa.syndication import workflow
from loa.syndication.models import Proposal, State

from .conftest import publish_article

pytestmark = pytest.mark.django_db


def home(client, site) -> str:
    response = client.get("/", HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return response.content.decode()


def accepted(member, editor, chief, title: str):
    article = publish_article(member, title, lead=f"Tóm tắt: {title}.")
    workflow.accept(chief, workflow.propose(editor, article))
    return article


# The full path, through the admin screens -------------------------------------------------------


def test_propose_accept_and_read_it_on_the_portal(
    client, portal, member, member_editor, portal_editor, article
):
    client.force_login(member_editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    propose_url = reverse("syndication:propose", args=[article.pk])
    assert propose_url in edit

    assert portal.home.title in client.get(propose_url).content.decode()
    response = client.post(propose_url)
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "syndication:detail", args=[proposal.pk]
    )
    assert article.title not in home(client, portal)

    client.force_login(portal_editor)
    assert article.title in client.get(reverse("syndication:index")).content.decode()
    section = portal.section("tin-tuc")
    client.post(reverse("syndication:accept", args=[proposal.pk]), {"section": section.pk})
    proposal.refresh_from_db()
    assert (proposal.state, proposal.section) == (State.ACCEPTED, section)

    client.logout()
    page = home(client, portal)
    assert article.title in page and "Tư vấn miễn phí cho người dân." in page
    assert 'href="http://so.localhost/tin-tuc/tu-van-phap-luat/"' in page
    assert member.member.organization.name in page


def test_refusal_with_its_reason_reaches_the_member_site(
    client, member_editor, portal_editor, article
):
    proposal = workflow.propose(member_editor, article)
    client.force_login(portal_editor)
    refuse_url = reverse("syndication:refuse", args=[proposal.pk])

    response = client.post(refuse_url, {"reason": "  "})
    assert response.status_code == 200 and 'name="reason"' in response.content.decode()
    assert Proposal.objects.get().state == State.PROPOSED

    client.post(refuse_url, {"reason": "Nội dung đã có trên Cổng."})
    assert Proposal.objects.get().state == State.REFUSED

    client.force_login(member_editor)
    detail = client.get(reverse("syndication:detail", args=[proposal.pk])).content.decode()
    assert "Nội dung đã có trên Cổng." in detail
    assert reverse("syndication:accept", args=[proposal.pk]) not in detail


def test_a_member_site_cannot_accept_its_own_proposal(client, member, member_editor, article):
    proposal = workflow.propose(member_editor, article)
    client.force_login(member.staff(Role.EDITOR_IN_CHIEF))
    client.post(reverse("syndication:accept", args=[proposal.pk]), {})
    assert Proposal.objects.get().state == State.PROPOSED


def test_withdrawal_from_the_admin_takes_it_off_the_portal(
    client, portal, member, member_editor, portal_editor
):
    article = accepted(member, member_editor, portal_editor, "Tin sẽ rút")
    assert article.title in home(client, portal)

    client.force_login(member_editor)
    client.post(reverse("syndication:withdraw", args=[Proposal.objects.get().pk]))
    assert Proposal.objects.get().state == State.WITHDRAWN
    assert article.title not in home(client, portal)


def test_unpublished_or_deleted_on_its_site_it_leaves_the_portal(
    client, portal, member, member_editor, portal_editor
):
    unpublished = accepted(member, member_editor, portal_editor, "Tin sẽ gỡ")
    deleted = accepted(member, member_editor, portal_editor, "Tin sẽ xóa")
    page = home(client, portal)
    assert unpublished.title in page and deleted.title in page

    unpublished.unpublish()
    deleted.delete()

    page = home(client, portal)
    assert unpublished.title not in page and deleted.title not in page
    assert Proposal.objects.count() == 1


# Who sees what --------------------------------------------------------------------------------


def test_a_reporter_has_no_propose_button_nor_screen(client, member, article):
    reporter = member.staff(Role.PORTAL_REPORTER)
    client.force_login(reporter)
    propose_url = reverse("syndication:propose", args=[article.pk])
    assert (
        propose_url
        not in client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    )
    assert client.get(propose_url).status_code == 404
    assert client.post(propose_url).status_code == 404
    assert client.get(reverse("syndication:index")).status_code == 404
    assert not Proposal.objects.exists()


def test_another_provinces_editors_get_404(client, portal, elsewhere, member_editor, article):
    proposal = workflow.propose(member_editor, article)
    outsider = elsewhere.portal.staff(Role.EDITOR_IN_CHIEF)
    client.force_login(outsider)

    assert article.title not in client.get(reverse("syndication:index")).content.decode()
    for name in ("detail", "accept", "refuse", "withdraw"):
        method = client.get if name == "detail" else client.post
        assert method(reverse(f"syndication:{name}", args=[proposal.pk])).status_code == 404, name
    assert client.get(reverse("syndication:propose", args=[article.pk])).status_code == 404
    assert Proposal.objects.get().state == State.PROPOSED


def test_another_sites_editor_cannot_propose_this_sites_article(client, commune_site, article):
    client.force_login(commune_site.staff(Role.EDITOR_IN_CHIEF))
    assert client.post(reverse("syndication:propose", args=[article.pk])).status_code == 404
    assert not Proposal.objects.exists()


# Queries ---------------------------------------------------------------------------------------


def test_the_block_runs_the_same_queries_for_any_number_of_articles(
    client, portal, member, member_editor, portal_editor
):
    accepted(member, member_editor, portal_editor, "Tin thứ nhất")
    home(client, portal)  # renditions are made on the first view
    with CaptureQueriesContext(connection) as one:
        home(client, portal)

    for number in range(2, 6):
        accepted(member, member_editor, portal_editor, f"Tin thứ {number}")
    page = home(client, portal)
    with CaptureQueriesContext(connection) as five:
        home(client, portal)

    assert page.count("card--syndicated") == 5
    assert len(five) == len(one)


def test_the_block_itself_takes_three_queries(
    rf, portal, member, member_editor, portal_editor, django_assert_max_num_queries
):
    from django.template import Context, Template

    for number in range(4):
        accepted(member, member_editor, portal_editor, f"Tin {number}")
    template = Template("{% load syndication_tags %}{% unit_news portal %}")
    request = rf.get("/", HTTP_HOST=portal.hostname)
    template.render(Context({"portal": portal.home, "request": request}))  # makes the renditions
    with django_assert_max_num_queries(3):
        html = Template("{% load syndication_tags %}{% unit_news portal %}").render(
            Context({"portal": portal.home, "request": rf.get("/", HTTP_HOST=portal.hostname)})
        )
    assert html.count("card--syndicated") == 4


def test_a_section_lists_what_was_accepted_into_it(
    rf, portal, member, member_editor, portal_editor
):
    from django.template import Context, Template

    news = portal.section("tin-tuc")
    filed = publish_article(member, "Tin vào chuyên mục")
    workflow.accept(portal_editor, workflow.propose(member_editor, filed), news)
    unfiled = accepted(member, member_editor, portal_editor, "Tin không chuyên mục")

    html = Template("{% load syndication_tags %}{% unit_news portal section=section %}").render(
        Context({"portal": portal.home, "section": news, "request": rf.get("/")})
    )
    assert filed.title in html and unfiled.title not in html
