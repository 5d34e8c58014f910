"""Delegated account administration: the rules, the refusals, and the audit trail."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from loa.orgs import administration
from loa.orgs.administration import OutOfJurisdiction
from loa.orgs.models import Kind, RoleAssignment
from loa.orgs.roles import Role
from loa.units.models import AdminUnit
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def dongnai(province, commune):
    police = make_org(Kind.PROVINCIAL_POLICE, province)
    return {
        "police": police,
        "commune_police": make_org(Kind.COMMUNE_POLICE, commune, parent=police),
        "department": make_org(Kind.DEPARTMENT, province),
    }


@pytest.fixture
def hanoi(other_province):
    police = make_org(Kind.PROVINCIAL_POLICE, other_province)
    commune = AdminUnit.objects.communes_of(other_province).first()
    return {"police": police, "commune_police": make_org(Kind.COMMUNE_POLICE, commune, parent=police)}


@pytest.fixture
def admin(dongnai):
    return make_user((dongnai["police"], Role.UNIT_ADMIN), (dongnai["police"], Role.POLICE_LEADER))


def create(admin, organization, role, **fields):
    values = {"username": "canbo.moi", "password": "Thu-nghiem-2026", "first_name": "An"}
    values.update(fields)
    return administration.create_account(admin, organization=organization, role=role, **values)


def test_create_account_inside_jurisdiction_is_logged(admin, dongnai):
    user = create(admin, dongnai["commune_police"], Role.UNIT_ADMIN)
    assert user.check_password("Thu-nghiem-2026")
    assignment = RoleAssignment.objects.get(user=user)
    assert (assignment.organization, assignment.role, assignment.granted_by) == (
        dongnai["commune_police"], Role.UNIT_ADMIN, admin,
    )
    actions = set(ModelLogEntry.objects.filter(user=admin).values_list("action", flat=True))
    assert {"loa.account.create", "loa.role.grant"} <= actions


def test_delegated_admin_can_create_below_but_not_beside(admin, dongnai, province):
    """Province police → commune police head (admin) → commune appraisers, and no further."""
    head = create(admin, dongnai["commune_police"], Role.UNIT_ADMIN, username="truong.ca")
    administration.grant_role(admin, head, dongnai["commune_police"], Role.POLICE_LEADER)
    appraiser = create(head, dongnai["commune_police"], Role.POLICE_APPRAISER, username="tham.dinh")
    assert appraiser.role_assignments.get().role == Role.POLICE_APPRAISER
    with pytest.raises(OutOfJurisdiction):
        create(head, dongnai["police"], Role.POLICE_APPRAISER, username="khac")
    assert not User.objects.filter(username="khac").exists()


def test_role_not_held_is_refused_and_nothing_is_written(admin, dongnai):
    with pytest.raises(ValidationError) as error:
        create(admin, dongnai["department"], Role.AGENCY_AUTHOR)
    assert "role" in error.value.message_dict
    assert not User.objects.filter(username="canbo.moi").exists()


def test_role_outside_jurisdiction_is_out_of_reach(admin, hanoi):
    with pytest.raises(OutOfJurisdiction):
        create(admin, hanoi["commune_police"], Role.POLICE_APPRAISER)
    assert not User.objects.filter(username="canbo.moi").exists()


@pytest.mark.parametrize("password", ["ngan-1", "chicochuthoi", "12345678901", "canbo.moi.2026"])
def test_weak_passwords_are_refused(admin, dongnai, password):
    with pytest.raises(ValidationError) as error:
        create(admin, dongnai["commune_police"], Role.POLICE_APPRAISER, password=password)
    assert "password" in error.value.message_dict
    assert not User.objects.filter(username="canbo.moi").exists()


def test_duplicate_username_is_refused(admin, dongnai):
    create(admin, dongnai["commune_police"], Role.POLICE_APPRAISER)
    with pytest.raises(ValidationError) as error:
        create(admin, dongnai["commune_police"], Role.POLICE_APPRAISER, username="CANBO.MOI")
    assert "username" in error.value.message_dict


def test_accounts_of_another_province_cannot_be_touched(admin, hanoi):
    stranger = make_user((hanoi["commune_police"], Role.POLICE_APPRAISER))
    assignment = stranger.role_assignments.get()
    with pytest.raises(OutOfJurisdiction):
        administration.set_account_active(admin, stranger, False)
    with pytest.raises(OutOfJurisdiction):
        administration.revoke_role(admin, assignment)
    with pytest.raises(OutOfJurisdiction):
        administration.grant_role(admin, stranger, hanoi["commune_police"], Role.POLICE_LEADER)
    stranger.refresh_from_db()
    assert stranger.is_active and stranger.role_assignments.count() == 1


def test_disable_enable_and_revoke(admin, dongnai):
    user = create(admin, dongnai["commune_police"], Role.POLICE_APPRAISER)
    administration.set_account_active(admin, user, False)
    user.refresh_from_db()
    assert not user.is_active
    administration.set_account_active(admin, user, True)
    administration.revoke_role(admin, user.role_assignments.get())
    assert not user.role_assignments.exists()
    actions = list(ModelLogEntry.objects.filter(user=admin).values_list("action", flat=True))
    assert {"loa.account.disable", "loa.account.enable", "loa.role.revoke"} <= set(actions)


def test_admin_cannot_disable_themselves(admin):
    with pytest.raises(ValidationError):
        administration.set_account_active(admin, admin, False)
    admin.refresh_from_db()
    assert admin.is_active


def test_granting_twice_is_refused(admin, dongnai):
    user = create(admin, dongnai["commune_police"], Role.POLICE_APPRAISER)
    with pytest.raises(ValidationError):
        administration.grant_role(admin, user, dongnai["commune_police"], Role.POLICE_APPRAISER)
