"""The rules of proposing member sites' articles to the province portal, and their audit trail."""

from __future__ import annotations

import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry

from loa.orgs.roles import Role
from loa.syndication import workflow
from loa.syndication.models import Proposal, State
from loa.syndication.workflow import WorkflowError

from .conftest import publish_article

pytestmark = pytest.mark.django_db


def test_an_editor_proposes_to_the_portal_of_the_province(member, portal, member_editor, article):
    proposal = workflow.propose(member_editor, article)

    assert proposal.state == State.PROPOSED
    assert proposal.portal.pk == portal.home.pk
    assert proposal.source == member.member
    assert proposal.proposed_by == member_editor and proposal.proposed_at is not None
    assert list(workflow.proposals_to_decide(portal.staff(Role.PORTAL_EDITOR))) == [proposal]


def test_the_portal_accepts_into_one_of_its_sections(portal, member_editor, portal_editor, article):
    proposal = workflow.propose(member_editor, article)
    section = portal.section("tin-tuc")

    workflow.accept(portal_editor, proposal, section)

    proposal.refresh_from_db()
    assert (proposal.state, proposal.section, proposal.decided_by) == (
        State.ACCEPTED,
        section,
        portal_editor,
    )
    assert list(Proposal.objects.shown_on(portal.home)) == [proposal]


def test_a_section_of_another_site_is_refused(member, member_editor, portal_editor, article):
    proposal = workflow.propose(member_editor, article)
    with pytest.raises(WorkflowError) as error:
        workflow.accept(portal_editor, proposal, member.section("tin-tuc"))
    assert "section" in error.value.error_dict
    assert Proposal.objects.get().state == State.PROPOSED


def test_a_refusal_needs_its_reason(member_editor, portal_editor, article):
    proposal = workflow.propose(member_editor, article)
    with translation.override("en"), pytest.raises(WorkflowError) as error:
        workflow.refuse(portal_editor, proposal, "   ")
    assert error.value.message_dict == {"reason": ["State the reason for refusal."]}
    assert Proposal.objects.get().state == State.PROPOSED

    workflow.refuse(portal_editor, proposal, "Tin đã đăng trên Cổng từ tuần trước.")
    proposal.refresh_from_db()
    assert proposal.state == State.REFUSED
    assert proposal.refusal_reason == "Tin đã đăng trên Cổng từ tuần trước."
    assert proposal.decided_by == portal_editor


def test_the_site_withdraws_and_proposes_again(portal, member_editor, portal_editor, article):
    proposal = workflow.propose(member_editor, article)
    workflow.withdraw(member_editor, proposal)
    assert proposal.state == State.WITHDRAWN and proposal.withdrawn_by == member_editor
    assert not workflow.can_decide(portal_editor, proposal)

    again = workflow.propose(member_editor, article)
    assert again.pk == proposal.pk and again.state == State.PROPOSED
    assert again.withdrawn_at is None

    workflow.accept(portal_editor, again)
    workflow.withdraw(member_editor, again)
    assert not Proposal.objects.shown_on(portal.home).exists()


def test_an_article_is_proposed_once_per_portal(member_editor, article):
    workflow.propose(member_editor, article)
    with pytest.raises(WorkflowError):
        workflow.propose(member_editor, article)
    assert Proposal.objects.count() == 1


def test_only_live_articles_of_the_editors_own_site(commune_site, member, member_editor):
    draft = publish_article(member, "Bản nháp")
    draft.unpublish()
    assert not workflow.can_propose(member_editor, draft)

    commune_article = publish_article(commune_site, "Tin của xã")
    assert not workflow.can_propose(member_editor, commune_article)
    with pytest.raises(WorkflowError):
        workflow.propose(member_editor, commune_article)


def test_a_reporter_cannot_propose(member, article):
    reporter = member.staff(Role.PORTAL_REPORTER)
    assert not workflow.can_propose(reporter, article)
    with pytest.raises(WorkflowError):
        workflow.propose(reporter, article)


def test_the_portals_own_articles_are_not_proposed_to_itself(portal):
    own = publish_article(portal, "Tin của Cổng")
    assert not workflow.can_propose(portal.staff(Role.EDITOR_IN_CHIEF), own)


def test_a_member_site_decides_nothing(member, member_editor, article):
    proposal = workflow.propose(member_editor, article)
    chief = member.staff(Role.EDITOR_IN_CHIEF)
    assert not workflow.can_decide(chief, proposal)
    with pytest.raises(WorkflowError):
        workflow.accept(chief, proposal)


def test_another_province_neither_proposes_here_nor_sees_this_queue(
    portal, elsewhere, member_editor, article
):
    ours = workflow.propose(member_editor, article)
    their_editor = elsewhere.department.staff(Role.PORTAL_EDITOR)
    their_article = publish_article(elsewhere.department, "Tin của tỉnh khác")

    theirs = workflow.propose(their_editor, their_article)

    assert theirs.portal.pk == elsewhere.portal.home.pk
    assert list(workflow.proposals_to_decide(portal.staff(Role.PORTAL_EDITOR))) == [ours]
    their_portal_editor = elsewhere.portal.staff(Role.EDITOR_IN_CHIEF)
    assert list(workflow.visible_proposals(their_portal_editor)) == [theirs]
    assert not workflow.can_decide(their_portal_editor, ours)
    with pytest.raises(WorkflowError):
        workflow.accept(their_portal_editor, ours)


def test_a_province_without_a_portal_has_nowhere_to_propose(other_province):
    from loa.orgs.models import Kind
    from tests.factories import make_org
    from tests.portal.conftest import provision

    lonely = provision(make_org(Kind.DEPARTMENT, other_province), "lonely.localhost")
    article = publish_article(lonely, "Tin không có Cổng")
    assert workflow.portal_for(lonely.member) is None
    assert not workflow.can_propose(lonely.staff(Role.EDITOR_IN_CHIEF), article)


def test_of_two_editors_deciding_at_once_only_the_first_succeeds(
    portal, member_editor, portal_editor, article
):
    workflow.propose(member_editor, article)
    seen_by_first, seen_by_second = Proposal.objects.get(), Proposal.objects.get()
    second_editor = portal.staff(Role.PORTAL_EDITOR)

    workflow.accept(portal_editor, seen_by_first)
    # The second editor's copy still says "proposed": only the conditional update stops them.
    assert seen_by_second.state == State.PROPOSED
    with translation.override("en"):
        with pytest.raises(WorkflowError) as error:
            workflow.refuse(second_editor, seen_by_second, "Trùng lặp.")
        assert "Someone else acted on this proposal" in error.value.messages[0]
    proposal = Proposal.objects.get()
    assert (proposal.state, proposal.decided_by, proposal.refusal_reason) == (
        State.ACCEPTED,
        portal_editor,
        "",
    )


def test_every_step_is_in_the_audit_log(member_editor, portal_editor, article):
    proposal = workflow.propose(member_editor, article)
    workflow.refuse(portal_editor, proposal, "Chưa đủ thông tin.")
    proposal = workflow.propose(member_editor, article)
    workflow.accept(portal_editor, proposal)
    workflow.withdraw(member_editor, proposal)

    entries = ModelLogEntry.objects.filter(object_id=str(proposal.pk)).order_by("timestamp", "pk")
    assert [(entry.action, entry.user) for entry in entries] == [
        ("loa.syndication.propose", member_editor),
        ("loa.syndication.refuse", portal_editor),
        ("loa.syndication.propose", member_editor),
        ("loa.syndication.accept", portal_editor),
        ("loa.syndication.withdraw", member_editor),
    ]
    assert entries[1].data["reason"] == "Chưa đủ thông tin."
