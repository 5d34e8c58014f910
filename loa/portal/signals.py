"""Keep editorial group membership in step with role assignments and editorial boards."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from loa.orgs.models import Kind, Organization, RoleAssignment

from . import membership
from .models import ROLE_GROUPS


@receiver(post_save, sender=RoleAssignment, dispatch_uid="portal_role_saved")
@receiver(post_delete, sender=RoleAssignment, dispatch_uid="portal_role_deleted")
def role_assignment_changed(sender, instance: RoleAssignment, **kwargs) -> None:
    # A saved assignment may have changed role or organization: recompute rather than patch.
    if instance.role in ROLE_GROUPS or not kwargs.get("created", True):
        membership.sync_user(instance.user_id)


@receiver(post_save, sender=Organization, dispatch_uid="portal_board_saved")
def board_changed(sender, instance: Organization, created: bool, **kwargs) -> None:
    """A board switched off takes its members out of its sites' groups; switched on, back in."""
    if not created and instance.kind == Kind.EDITORIAL_BOARD:
        membership.sync_board(instance.pk)
