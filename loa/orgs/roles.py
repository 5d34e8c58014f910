"""The roles a staff member can hold in an organization, and what each implies.

A role only makes sense in some kinds of organization (a police appraiser works in a police unit),
and a higher role carries the lower one of its line (a police leader may also appraise). These
tables are the single statement of both rules.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    AGENCY_AUTHOR = "agency_author", _("Agency author")
    AGENCY_HEAD = "agency_head", _("Agency head")
    POLICE_APPRAISER = "police_appraiser", _("Police appraiser")
    POLICE_LEADER = "police_leader", _("Police leader")
    PORTAL_REPORTER = "portal_reporter", _("Portal reporter")
    PORTAL_EDITOR = "portal_editor", _("Portal editor")
    EDITOR_IN_CHIEF = "editor_in_chief", _("Editor-in-chief")
    UNIT_ADMIN = "unit_admin", _("Unit administrator")
    SYSTEM_ADMIN = "system_admin", _("System administrator")


class Category(models.TextChoices):
    """The broad family an organization belongs to."""

    AGENCY = "agency", _("Agency")
    POLICE = "police", _("Police")
    EDITORIAL = "editorial", _("Editorial board")


# Which roles each family of organization can hold; None means any family.
ROLE_CATEGORY: dict[Role, Category | None] = {
    Role.AGENCY_AUTHOR: Category.AGENCY,
    Role.AGENCY_HEAD: Category.AGENCY,
    Role.POLICE_APPRAISER: Category.POLICE,
    Role.POLICE_LEADER: Category.POLICE,
    Role.PORTAL_REPORTER: Category.EDITORIAL,
    Role.PORTAL_EDITOR: Category.EDITORIAL,
    Role.EDITOR_IN_CHIEF: Category.EDITORIAL,
    Role.UNIT_ADMIN: None,
    Role.SYSTEM_ADMIN: None,
}

_DIRECTLY_IMPLIED: dict[Role, set[Role]] = {
    Role.AGENCY_HEAD: {Role.AGENCY_AUTHOR},
    Role.POLICE_LEADER: {Role.POLICE_APPRAISER},
    Role.EDITOR_IN_CHIEF: {Role.PORTAL_EDITOR},
    Role.PORTAL_EDITOR: {Role.PORTAL_REPORTER},
    Role.SYSTEM_ADMIN: set(Role) - {Role.SYSTEM_ADMIN},
}


def implied_roles(role: Role | str) -> frozenset[Role]:
    """The role itself and every role it carries, transitively."""
    seen: set[Role] = set()
    pending = [Role(role)]
    while pending:
        current = pending.pop()
        if current not in seen:
            seen.add(current)
            pending.extend(_DIRECTLY_IMPLIED.get(current, ()))
    return frozenset(seen)


def roles_implying(role: Role | str) -> frozenset[Role]:
    """Every role that carries `role`, itself included."""
    return frozenset(r for r in Role if Role(role) in implied_roles(r))


def role_fits(role: Role | str, category: Category | str) -> bool:
    required = ROLE_CATEGORY[Role(role)]
    return required is None or required == category
