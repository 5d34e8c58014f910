"""Who may handle the records a member site owns outside its page tree (work schedules, questions,
procedures).

Wagtail's page permissions do not reach these records, so their admin screens ask this policy
instead of Django's model permissions: anyone holding a portal role at a site's editorial board
may view, add, change and delete the site's records; making one public ("publish") takes an editor
or the editor-in-chief, as publishing a page does. A model's policy may narrow every action to some
roles. Another site's record answers 404, never 403.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Model, Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from loa.orgs.roles import Role
from loa.portal.membership import sites_edited_by
from loa.portal.models import ROLE_GROUPS, MemberSite

PUBLISHING_ROLES = (Role.PORTAL_EDITOR, Role.EDITOR_IN_CHIEF)
PUBLISH = "publish"


def _acting_roles(actions: Iterable[str], roles: Iterable[str] | None) -> tuple[str, ...]:
    if roles is not None:
        return tuple(roles)
    return PUBLISHING_ROLES if set(actions) == {PUBLISH} else tuple(ROLE_GROUPS)


class SiteRecordPolicy(BasePermissionPolicy):
    """The permission policy of a model with a `site` foreign key to `MemberSite`.

    `roles` narrows every action to those roles, for records that go public as soon as they are
    saved and so are kept by those who may publish (`loa.procedures`).
    """

    def __init__(self, model: type[Model], *, roles: Iterable[str] | None = None) -> None:
        super().__init__(model)
        self.roles = tuple(roles) if roles is not None else None

    def sites_for(self, user, actions: Iterable[str] = ("view",)) -> QuerySet[MemberSite]:
        """The sites on whose records `user` may perform one of `actions`."""
        if not getattr(user, "is_active", False):
            return MemberSite.objects.none()
        return sites_edited_by(user, _acting_roles(actions, self.roles))

    def records_for(self, user) -> QuerySet:
        """The records of the sites whose records `user` may see: any other is not found."""
        return self.model._default_manager.filter(site__in=self.sites_for(user))

    def user_has_permission(self, user, action: str) -> bool:
        return self.sites_for(user, [action]).exists()

    def user_has_any_permission(self, user, actions: Iterable[str]) -> bool:
        return self.sites_for(user, actions).exists()

    def user_has_permission_for_instance(self, user, action: str, instance: Model) -> bool:
        return self.sites_for(user, [action]).filter(pk=instance.site_id).exists()

    def user_has_any_permission_for_instance(
        self, user, actions: Iterable[str], instance: Model
    ) -> bool:
        return self.sites_for(user, actions).filter(pk=instance.site_id).exists()

    def instances_user_has_any_permission_for(self, user, actions: Iterable[str]) -> QuerySet:
        return self.model._default_manager.filter(site__in=self.sites_for(user, actions))

    def users_with_any_permission(self, actions: Iterable[str]) -> QuerySet:
        members = Q(is_superuser=True)
        for role in _acting_roles(actions, self.roles):
            members |= Q(**{f"groups__site_as_{ROLE_GROUPS[role]}__isnull": False})
        return get_user_model().objects.filter(members, is_active=True).distinct()


class OwnSiteIndexMixin:
    """A listing of site records narrowed to the sites of the view's permission policy."""

    def get_base_queryset(self):
        sites = self.permission_policy.sites_for(self.request.user)
        return super().get_base_queryset().filter(site__in=sites)


class OwnSiteObjectMixin:
    """A view of one site record (edit, delete): another site's record, asked for by its id, is not
    found (404)."""

    def get_queryset(self):
        return self.permission_policy.records_for(self.request.user)


class OwnSiteHistoryMixin:
    """The same for the views that list things about one record (history, usage)."""

    def get_base_object_queryset(self):
        return self.permission_policy.records_for(self.request.user)
