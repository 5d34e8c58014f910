"""Who keeps a site's procedure catalogue: its editors and editors-in-chief.

A procedure goes public the moment it is saved, with no editorial workflow behind it, so it is kept
by those who may publish the site's pages directly; reporters, whose articles wait for approval,
do not keep it. Superusers keep every site's. Another site's procedure is out of reach: the admin
answers 404 for it, as for anything outside a user's jurisdiction.
"""

from __future__ import annotations

from django.db.models import QuerySet

from loa.orgs.roles import Role
from loa.portal.models import MemberSite
from loa.portal.site_records import SiteRecordPolicy

from .models import AdministrativeProcedure

KEEPER_ROLES = (Role.PORTAL_EDITOR, Role.EDITOR_IN_CHIEF)
POLICY = SiteRecordPolicy(AdministrativeProcedure, roles=KEEPER_ROLES)


def sites_managed_by(user) -> QuerySet[MemberSite]:
    """The member sites whose procedure catalogue `user` keeps."""
    return POLICY.sites_for(user)
