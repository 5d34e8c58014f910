"""Who may handle the records a member site owns outside its page tree (work schedules, questions).

Wagtail's page permissions do not reach these records, so their admin screens ask this policy
instead of Django's model permissions: anyone holding a portal role at a site's editorial board
may view, add, change and delete the site's records; making one public ("publish") takes an editor
or the editor-in-chief, as publishing a page does. Another site's record answers 404, never 403.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Model, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from loa.orgs.roles import Role
from loa.portal.membership import sites_edited_by
from loa.portal.models import ROLE_GROUPS, MemberSite

PUBLISHING_ROLES = (Role.PORTAL_EDITOR, Role.EDITOR_IN_CHIEF)
PUBLISH = "publish"


def sites_for(user, actions: Iterable[str]) -> QuerySet[MemberSite]:
    """The sites on whose records `user` may perform one of `actions`."""
    actions = set(actions)
    if not getattr(user, "is_active", False):
        return MemberSite.objects.none()
    roles = PUBLISHING_ROLES if actions == {PUBLISH} else tuple(ROLE_GROUPS)
    return sites_edited_by(user, roles)


class SiteRecordPolicy(BasePermissionPolicy):
    """The permission policy of a model with a `site` foreign key to `MemberSite`."""

    def user_has_permission(self, user, action: str) -> bool:
        return sites_for(user, [action]).exists()

    def user_has_any_permission(self, user, actions: Iterable[str]) -> bool:
        return sites_for(user, actions).exists()

    def user_has_permission_for_instance(self, user, action: str, instance: Model) -> bool:
        return sites_for(user, [action]).filter(pk=instance.site_id).exists()

    def user_has_any_permission_for_instance(
        self, user, actions: Iterable[str], instance: Model
    ) -> bool:
        return sites_for(user, actions).filter(pk=instance.site_id).exists()

    def instances_user_has_any_permission_for(self, user, actions: Iterable[str]) -> QuerySet:
        return self.model._default_manager.filter(site__in=sites_for(user, actions))


class OwnSiteIndexMixin:
    """A listing of site records narrowed to the user's own sites."""

    def get_base_queryset(self):
        return super().get_base_queryset().filter(site__in=sites_edited_by(self.request.user))


def own_records(model, user) -> QuerySet:
    return model._default_manager.filter(site__in=sites_edited_by(user))


class OwnSiteObjectMixin:
    """A view of one site record (edit, delete): another site's record, asked for by its id, is not
    found (404)."""

    def get_queryset(self):
        return own_records(self.model, self.request.user)


class OwnSiteHistoryMixin:
    """The same for the views that list things about one record (history, usage)."""

    def get_base_object_queryset(self):
        return own_records(self.model, self.request.user)
