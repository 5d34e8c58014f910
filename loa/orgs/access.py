"""Who may see and act on what: the jurisdiction rules of DESIGN.md, in one place.

A user acts for an organization in a role; the organization sits at an administrative unit; the
user's jurisdiction for that role is that unit and everything inside it. A superuser's jurisdiction
is the whole country. Everything here answers with querysets or Q objects, so callers filter in the
database instead of looping in Python.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet

from loa.units.models import NATIONAL_CODE, AdminUnit, Level, within_q

from .models import Organization, RoleAssignment
from .roles import Role, role_fits, roles_implying


def acting_units(user, role: Role | str) -> list[AdminUnit]:
    """The units at which `user` holds `role`, directly or through a role that carries it."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return list(AdminUnit.objects.filter(code=NATIONAL_CODE))
    return list(
        AdminUnit.objects.filter(
            organizations__is_active=True,
            organizations__role_assignments__user=user,
            organizations__role_assignments__role__in=roles_implying(role),
        ).distinct()
    )


def jurisdiction_q(user, role: Role | str, field: str) -> Q | None:
    """A filter for rows whose unit (through `field`) lies in `user`'s jurisdiction for `role`.

    None when the user holds the role nowhere, so callers can return an empty queryset.
    """
    units = acting_units(user, role)
    if not units:
        return None
    if any(unit.level == Level.NATIONAL for unit in units):
        return Q()  # the whole country; OR-ing an empty Q into others would drop it
    condition = Q(pk__in=[])
    for unit in units:
        condition |= within_q(unit, field)
    return condition


def _filter(queryset: QuerySet, condition: Q | None) -> QuerySet:
    return queryset.none() if condition is None else queryset.filter(condition)


def covers(user, unit: AdminUnit, role: Role | str) -> bool:
    """Whether `unit` lies in `user`'s jurisdiction for `role`."""
    return any(acting.contains(unit) for acting in acting_units(user, role))


def organizations_within(user, role: Role | str) -> QuerySet[Organization]:
    return _filter(Organization.objects.all(), jurisdiction_q(user, role, "unit"))


def manageable_users(admin) -> QuerySet:
    """Accounts a unit administrator may see: those with a role somewhere in their jurisdiction."""
    condition = jurisdiction_q(admin, Role.UNIT_ADMIN, "organization__unit")
    User = get_user_model()
    if condition is None:
        return User.objects.none()
    if admin.is_superuser:
        return User.objects.all()
    inside = RoleAssignment.objects.filter(condition, user=OuterRef("pk"))
    return User.objects.filter(Exists(inside), is_superuser=False)


def can_manage_account(admin, user) -> bool:
    """Whether `admin` may disable or enable `user`'s account.

    Every role the account holds must lie inside the administrator's jurisdiction: an account shared
    with another province is not one province's to switch off.
    """
    if admin.is_superuser:
        return admin.pk != user.pk
    if user.is_superuser or admin.pk == user.pk:
        return False
    condition = jurisdiction_q(admin, Role.UNIT_ADMIN, "organization__unit")
    if condition is None:
        return False
    assignments = RoleAssignment.objects.filter(user=user)
    return assignments.exists() and not assignments.exclude(condition).exists()


def can_grant(admin, organization: Organization, role: Role | str) -> bool:
    """Whether `admin` may give `role` in `organization` to someone.

    The administrator needs the unit-administrator role over the organization's unit and must hold
    `role` itself (or a role that carries it) over that unit: nobody hands out more than they have.
    """
    if not role_fits(role, organization.category):
        return False
    if admin.is_superuser:
        return True
    if Role(role) == Role.SYSTEM_ADMIN:
        return False
    return covers(admin, organization.unit, Role.UNIT_ADMIN) and covers(
        admin, organization.unit, role
    )


def grantable_roles(admin, organization: Organization) -> list[Role]:
    return [role for role in Role if can_grant(admin, organization, role)]


def holds(user, organization: Organization, role: Role | str) -> bool:
    """Whether `user` holds `role` (or a role carrying it) in `organization` itself."""
    return RoleAssignment.objects.filter(
        user=user, organization=organization, role__in=roles_implying(role)
    ).exists()

