"""Small builders for organizations and staff, on the real administrative units."""

from __future__ import annotations

import itertools

from django.contrib.auth import get_user_model

from loa.orgs.models import Kind, Organization, RoleAssignment
from loa.orgs.roles import Category, Role
from loa.units.models import AdminUnit, Level

_sequence = itertools.count(1)

# The natural kind of organization for each family at each level, for tests that walk roles.
KIND_FOR = {
    (Category.AGENCY, Level.PROVINCE): Kind.DEPARTMENT,
    (Category.AGENCY, Level.COMMUNE): Kind.PEOPLES_COMMITTEE,
    (Category.POLICE, Level.PROVINCE): Kind.PROVINCIAL_POLICE,
    (Category.POLICE, Level.COMMUNE): Kind.COMMUNE_POLICE,
    (Category.POLICE, Level.NATIONAL): Kind.MINISTRY_POLICE,
    (Category.EDITORIAL, Level.PROVINCE): Kind.EDITORIAL_BOARD,
    (Category.EDITORIAL, Level.COMMUNE): Kind.EDITORIAL_BOARD,
}


def make_org(kind: str, unit: AdminUnit, parent: Organization | None = None, **fields) -> Organization:
    number = next(_sequence)
    org = Organization(
        code=fields.pop("code", f"T{number:04d}"),
        name=fields.pop("name", f"{Kind(kind).label} {unit.name} {number}"),
        kind=kind,
        unit=unit,
        parent=parent,
        **fields,
    )
    org.full_clean()
    org.save()
    return org


def make_user(*assignments: tuple[Organization, Role | str], **fields):
    number = next(_sequence)
    user = get_user_model().objects.create_user(
        username=fields.pop("username", f"user{number}"), password="Mat-khau-2026", **fields
    )
    for organization, role in assignments:
        RoleAssignment.objects.create(user=user, organization=organization, role=role)
    return user
