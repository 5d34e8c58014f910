"""Who keeps a site's procedure catalogue: its editors and editors-in-chief.

A procedure goes public the moment it is saved, with no editorial workflow behind it, so it is kept
by those who may publish the site's pages directly; reporters, whose articles wait for approval,
do not keep it. Superusers keep every site's. Another site's procedure is out of reach: the admin
answers 404 for it, as for anything outside a user's jurisdiction.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from loa.orgs.roles import Role
from loa.portal.membership import sites_edited_by
from loa.portal.models import MemberSite

KEEPER_ROLES = (Role.PORTAL_EDITOR, Role.EDITOR_IN_CHIEF)


def sites_managed_by(user) -> QuerySet[MemberSite]:
    """The member sites whose procedure catalogue `user` keeps."""
    if user is None or not user.is_active:
        return MemberSite.objects.none()
    return sites_edited_by(user, KEEPER_ROLES)


def procedures_managed_by(user) -> QuerySet:
    from .models import AdministrativeProcedure

    return AdministrativeProcedure.objects.filter(site__in=sites_managed_by(user))


class ProcedurePermissionPolicy(BasePermissionPolicy):
    """Every action on procedures, for the keepers of at least one site, on their sites' records."""

    def user_has_permission(self, user, action) -> bool:
        return sites_managed_by(user).exists()

    def user_has_any_permission(self, user, actions) -> bool:
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions) -> QuerySet:
        keepers = (
            Q(is_superuser=True)
            | Q(groups__site_as_editors__isnull=False)
            | Q(groups__site_as_chiefs__isnull=False)
        )
        return get_user_model().objects.filter(keepers, is_active=True).distinct()

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return sites_managed_by(user).filter(pk=instance.site_id).exists()

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        return procedures_managed_by(user)
