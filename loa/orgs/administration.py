"""Delegated account administration (cấp tài khoản Admin).

The provincial police issue administrator accounts to the heads of the police units below them;
each unit administrator then creates accounts, assigns roles and disables accounts inside their own
jurisdiction only. Every function here checks that rule, changes the database in one transaction and
writes the audit log; views, admin screens and commands call these and nothing else.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from loa.audit.log import record

from . import access
from .models import Organization, RoleAssignment
from .roles import Role


class OutOfJurisdiction(Exception):
    """The target lies outside the administrator's jurisdiction; views answer 404 for it."""


def _check_grant(admin, organization: Organization, role: Role | str) -> None:
    if not access.covers(admin, organization.unit, Role.UNIT_ADMIN):
        raise OutOfJurisdiction(organization)
    if not access.can_grant(admin, organization, role):
        raise ValidationError(
            {
                "role": _(
                    "You may not grant the role “%(role)s” in %(organization)s: a unit"
                    " administrator grants only roles they hold themselves, and only roles that"
                    " suit the kind of organization."
                )
                % {"role": Role(role).label, "organization": organization.name}
            }
        )


def _check_visible(admin, user) -> None:
    if not access.manageable_users(admin).filter(pk=user.pk).exists():
        raise OutOfJurisdiction(user)


def create_account(
    admin,
    *,
    username: str,
    password: str,
    organization: Organization,
    role: Role | str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    job_title: str = "",
):
    """Create a staff account holding `role` in `organization`."""
    _check_grant(admin, organization, role)
    User = get_user_model()
    user = User(
        username=username.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip(),
        job_title=job_title.strip(),
    )
    if User.objects.filter(username__iexact=user.username).exists():
        raise ValidationError({"username": _("An account with this username already exists.")})
    user.full_clean(exclude=["password"])
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
            assignment = RoleAssignment.objects.create(
                user=user, organization=organization, role=role, granted_by=admin
            )
            record(user, "loa.account.create", actor=admin, organization=organization.code)
            record(assignment, "loa.role.grant", actor=admin, **_describe(assignment))
    except IntegrityError as error:
        raise ValidationError({"username": _("An account with this username already exists.")}) from error
    return user


def grant_role(admin, user, organization: Organization, role: Role | str) -> RoleAssignment:
    _check_visible(admin, user)
    _check_grant(admin, organization, role)
    with transaction.atomic():
        assignment, created = RoleAssignment.objects.get_or_create(
            user=user, organization=organization, role=role, defaults={"granted_by": admin}
        )
        if not created:
            raise ValidationError(_("This account already holds that role in that organization."))
        record(assignment, "loa.role.grant", actor=admin, **_describe(assignment))
    return assignment


def revoke_role(admin, assignment: RoleAssignment) -> None:
    _check_visible(admin, assignment.user)
    _check_grant(admin, assignment.organization, assignment.role)
    with transaction.atomic():
        record(assignment, "loa.role.revoke", actor=admin, **_describe(assignment))
        assignment.delete()


def set_account_active(admin, user, active: bool) -> None:
    _check_visible(admin, user)
    if not access.can_manage_account(admin, user):
        raise ValidationError(
            _(
                "You cannot change this account: it is your own, or it also holds roles outside"
                " your jurisdiction."
            )
        )
    if user.is_active == active:
        return
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        record(user, "loa.account.enable" if active else "loa.account.disable", actor=admin)


def _describe(assignment: RoleAssignment) -> dict[str, str]:
    return {
        "user": assignment.user.username,
        "organization": assignment.organization.code,
        "role": str(assignment.role),
    }
