"""Moderating citizens' comments: the publishing agency answers for what appears under its bulletin.

Only the authors and heads of the bulletin's sending organization may publish or hide a comment;
every decision goes to the audit log. These two functions are the only writers of a comment's status
after it was submitted.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loa.audit.log import record
from loa.orgs.access import holds
from loa.orgs.roles import Role

from .counters import recount_interactions
from .models import Comment, CommentStatus

PUBLISH_ACTION = "loa.comment.publish"
HIDE_ACTION = "loa.comment.hide"


def may_moderate(user, comment: Comment) -> bool:
    """Whether `user` writes for the organization that sent the comment's bulletin."""
    return (
        user.is_authenticated
        and user.is_active
        and holds(user, comment.request.sender, Role.AGENCY_AUTHOR)
    )


def publish_comment(user, comment: Comment) -> Comment:
    """Show a pending, held or hidden comment under the bulletin."""
    return _moderate(user, comment, CommentStatus.PUBLISHED, PUBLISH_ACTION, reason="")


def hide_comment(user, comment: Comment, reason: str) -> Comment:
    """Take a comment out of public view, saying why."""
    if not reason or not reason.strip():
        raise ValidationError({"hidden_reason": _("Give the reason for hiding the comment.")})
    return _moderate(user, comment, CommentStatus.HIDDEN, HIDE_ACTION, reason=reason.strip())


def _moderate(user, comment: Comment, status: str, action: str, *, reason: str) -> Comment:
    if not may_moderate(user, comment):
        raise PermissionDenied
    previous = comment.status
    with transaction.atomic():
        comment.status = status
        comment.hidden_reason = reason
        comment.moderated_by = user
        comment.moderated_at = timezone.now()
        comment.save(update_fields=["status", "hidden_reason", "moderated_by", "moderated_at"])
        record(
            comment,
            action,
            actor=user,
            request=comment.request_id,
            previous_status=previous,
            reason=reason,
        )
        # A staff action, rare beside citizens' own: the count is set at once, not buffered.
        recount_interactions([comment.request_id])
    return comment
