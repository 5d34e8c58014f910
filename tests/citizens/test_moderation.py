"""Moderating comments: the sending agency's authors and heads only, every decision in the log."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from loa.citizens.models import BulletinStats, Comment, CommentStatus
from loa.citizens.moderation import HIDE_ACTION, PUBLISH_ACTION, hide_comment, publish_comment
from loa.orgs.models import Kind
from loa.orgs.roles import Role
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def audit_actions():
    """The actions are registered with the others in loa.audit; until then, here."""
    for action, label in ((PUBLISH_ACTION, "Publish comment"), (HIDE_ACTION, "Hide comment")):
        if not registry.action_exists(action):
            registry.register_action(action, label, label)


@pytest.fixture
def comment(bulletin) -> Comment:
    return Comment.objects.create(
        request=bulletin, citizen="c" * 64, body="Xin hỏi thêm", age_band="25-34", gender="female"
    )


def log_actions(comment) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(comment.pk))
        .order_by("timestamp")
        .values_list("action", flat=True)
    )


def test_an_author_of_the_sender_publishes(comment, sender):
    author = make_user((sender, Role.AGENCY_AUTHOR))
    publish_comment(author, comment)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.moderated_by == author and comment.moderated_at is not None
    assert log_actions(comment) == [PUBLISH_ACTION]
    assert BulletinStats.objects.get(pk=comment.request_id).comments == 1


def test_a_head_of_the_sender_hides_with_a_reason(comment, sender):
    head = make_user((sender, Role.AGENCY_HEAD))
    publish_comment(head, comment)
    hide_comment(head, comment, "  Thông tin sai sự thật  ")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    assert comment.hidden_reason == "Thông tin sai sự thật"
    assert log_actions(comment) == [PUBLISH_ACTION, HIDE_ACTION]
    entry = ModelLogEntry.objects.get(object_id=str(comment.pk), action=HIDE_ACTION)
    assert entry.user == head and entry.data["reason"] == "Thông tin sai sự thật"
    assert BulletinStats.objects.get(pk=comment.request_id).comments == 0


def test_publishing_again_clears_the_reason(comment, sender):
    author = make_user((sender, Role.AGENCY_AUTHOR))
    hide_comment(author, comment, "Lạc đề")
    publish_comment(author, comment)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED and comment.hidden_reason == ""


@pytest.mark.parametrize("reason", ["", "   "])
def test_hiding_needs_a_reason(comment, sender, reason):
    author = make_user((sender, Role.AGENCY_AUTHOR))
    with pytest.raises(ValidationError):
        hide_comment(author, comment, reason)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING and not log_actions(comment)


def test_others_may_not_moderate(comment, sender, province, commune):
    other_agency = make_org(Kind.DEPARTMENT, province)
    police = make_org(Kind.PROVINCIAL_POLICE, province)
    outsiders = [
        make_user((other_agency, Role.AGENCY_HEAD)),
        make_user((police, Role.POLICE_LEADER)),
        make_user((sender, Role.UNIT_ADMIN)),
        make_user((sender, Role.AGENCY_AUTHOR), is_active=False),
    ]
    for user in outsiders:
        with pytest.raises(PermissionDenied):
            publish_comment(user, comment)
        with pytest.raises(PermissionDenied):
            hide_comment(user, comment, "Không phù hợp")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING and not log_actions(comment)
