"""Editorial group membership, derived from role assignments at editorial boards.

Wagtail grants page and collection permissions to groups; Loa records who does what as role
assignments (user, organization, role). A reporter, editor or editor-in-chief at an editorial board
belongs to the matching group of every site that board runs, and to no other portal group. This
module recomputes that membership for a user; `signals` calls it whenever an assignment or a board
changes, and provisioning calls it for the board's members when a site is made.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from loa.orgs.models import RoleAssignment

from .models import ROLE_GROUPS, MemberSite

UserGroup = get_user_model().groups.through

_PORTAL_GROUP = (
    Q(group__site_as_reporters__isnull=False)
    | Q(group__site_as_editors__isnull=False)
    | Q(group__site_as_chiefs__isnull=False)
)


def wanted_groups(user_id: int) -> set[int]:
    """The portal groups the user's role assignments call for."""
    roles_by_board: dict[int, set[str]] = {}
    assignments = RoleAssignment.objects.filter(
        user_id=user_id, role__in=list(ROLE_GROUPS), organization__is_active=True
    ).values_list("organization_id", "role")
    for board_id, role in assignments:
        roles_by_board.setdefault(board_id, set()).add(role)
    if not roles_by_board:
        return set()
    wanted = set()
    for site in MemberSite.objects.filter(editorial_board_id__in=roles_by_board).only(
        "editorial_board_id", "reporters_id", "editors_id", "chiefs_id"
    ):
        for role in roles_by_board[site.editorial_board_id]:
            wanted.add(getattr(site, f"{ROLE_GROUPS[role]}_id"))
    return wanted


def sync_user(user_id: int) -> None:
    """Make the user's portal group memberships match their role assignments."""
    wanted = wanted_groups(user_id)
    held = set(
        UserGroup.objects.filter(_PORTAL_GROUP, user_id=user_id).values_list("group_id", flat=True)
    )
    if held - wanted:
        UserGroup.objects.filter(user_id=user_id, group_id__in=held - wanted).delete()
    if wanted - held:
        UserGroup.objects.bulk_create(
            [UserGroup(user_id=user_id, group_id=group_id) for group_id in wanted - held],
            ignore_conflicts=True,
        )


def sync_users(user_ids: Iterable[int]) -> None:
    for user_id in set(user_ids):
        sync_user(user_id)


def sync_board(board_id: int) -> None:
    """Resynchronise everyone holding a portal role at a board (after it is provisioned or changed)."""
    sync_users(
        RoleAssignment.objects.filter(organization_id=board_id, role__in=list(ROLE_GROUPS))
        .values_list("user_id", flat=True)
    )


def sites_edited_by(user, roles: Iterable[str] = tuple(ROLE_GROUPS)) -> QuerySet[MemberSite]:
    """The member sites where `user` works as one of `roles` (all sites for a superuser).

    The records a site owns outside its page tree (legal documents, procedures, schedules,
    questions) are narrowed to these, so one site's editors never see another's.
    """
    if user.is_superuser:
        return MemberSite.objects.all()
    if not user.is_authenticated:
        return MemberSite.objects.none()
    groups = Q()
    for role in roles:
        groups |= Q(**{f"{ROLE_GROUPS[role]}__user": user})
    return MemberSite.objects.filter(groups).distinct()
