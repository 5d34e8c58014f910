"""Every role, held inside one province, against records inside and outside its jurisdiction."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loa.orgs import access
from loa.orgs.models import Kind
from loa.orgs.roles import ROLE_CATEGORY, Category, Role, implied_roles
from loa.units.models import AdminUnit, Level
from tests.factories import KIND_FOR, make_org, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(province, other_province, commune, other_commune):
    """Two provinces, each with organizations of every family at province and commune level."""
    orgs = {}
    for name, unit, communes in (
        ("dn", province, (commune, other_commune)),
        ("hn", other_province, (AdminUnit.objects.communes_of(other_province).first(),)),
    ):
        for category in Category:
            orgs[name, category, Level.PROVINCE] = make_org(KIND_FOR[category, Level.PROVINCE], unit)
            for index, commune_unit in enumerate(communes):
                orgs[name, category, Level.COMMUNE, index] = make_org(
                    KIND_FOR[category, Level.COMMUNE], commune_unit
                )
    return orgs


def family(role):
    return ROLE_CATEGORY[role] or Category.AGENCY


@pytest.mark.parametrize("role", list(Role))
def test_province_level_role_covers_its_province_only(world, role, province, other_province, commune):
    user = make_user((world["dn", family(role), Level.PROVINCE], role))
    assert access.covers(user, province, role)
    assert access.covers(user, commune, role)
    assert not access.covers(user, other_province, role)
    visible = set(access.organizations_within(user, role))
    assert world["dn", Category.POLICE, Level.COMMUNE, 0] in visible
    assert world["dn", Category.AGENCY, Level.PROVINCE] in visible
    assert not any(org.unit.province_id == other_province.pk for org in visible)


@pytest.mark.parametrize("role", list(Role))
def test_commune_level_role_covers_its_commune_only(world, role, province, commune, other_commune):
    user = make_user((world["dn", family(role), Level.COMMUNE, 0], role))
    assert access.covers(user, commune, role)
    assert not access.covers(user, other_commune, role)
    assert not access.covers(user, province, role)
    assert {org.unit for org in access.organizations_within(user, role)} == {commune}


@pytest.mark.parametrize("role", list(Role))
def test_a_role_grants_nothing_for_other_roles_of_another_line(world, role, commune):
    user = make_user((world["dn", family(role), Level.PROVINCE], role))
    for other in Role:
        held = other in implied_roles(role)
        assert access.covers(user, commune, other) == held


def test_disabled_users_and_inactive_organizations_cover_nothing(world, commune):
    org = world["dn", Category.POLICE, Level.PROVINCE]
    user = make_user((org, Role.POLICE_APPRAISER))
    user.is_active = False
    assert not access.covers(user, commune, Role.POLICE_APPRAISER)
    user.is_active = True
    org.is_active = False
    org.save()
    assert not access.covers(user, commune, Role.POLICE_APPRAISER)


def test_superuser_covers_the_nation(world, other_province):
    root = make_user(is_superuser=True)
    assert access.covers(root, other_province, Role.POLICE_LEADER)
    assert access.organizations_within(root, Role.UNIT_ADMIN).count() == len(world)


def test_manageable_users_stay_inside_the_jurisdiction(world):
    dn_police = world["dn", Category.POLICE, Level.PROVINCE]
    admin = make_user((dn_police, Role.UNIT_ADMIN), (dn_police, Role.POLICE_LEADER))
    inside = make_user((world["dn", Category.POLICE, Level.COMMUNE, 0], Role.POLICE_APPRAISER))
    outside = make_user((world["hn", Category.POLICE, Level.COMMUNE, 0], Role.POLICE_APPRAISER))
    leader_only = make_user((dn_police, Role.POLICE_LEADER))
    assert set(access.manageable_users(admin)) == {admin, inside, leader_only}
    assert outside not in access.manageable_users(admin)
    assert not access.manageable_users(leader_only).exists()


def test_manageable_users_is_one_query(world):
    dn_police = world["dn", Category.POLICE, Level.PROVINCE]
    admin = make_user((dn_police, Role.UNIT_ADMIN))
    for _ in range(5):
        make_user((world["dn", Category.POLICE, Level.COMMUNE, 0], Role.POLICE_APPRAISER))
    with CaptureQueriesContext(connection) as queries:
        assert len(list(access.manageable_users(admin))) == 6
    assert len(queries) == 2  # the admin's units, then the accounts


def test_commune_admin_cannot_manage_a_shared_account(world):
    commune_police = world["dn", Category.POLICE, Level.COMMUNE, 0]
    admin = make_user((commune_police, Role.UNIT_ADMIN), (commune_police, Role.POLICE_LEADER))
    local = make_user((commune_police, Role.POLICE_APPRAISER))
    shared = make_user(
        (commune_police, Role.POLICE_APPRAISER),
        (world["dn", Category.POLICE, Level.COMMUNE, 1], Role.POLICE_APPRAISER),
    )
    assert access.can_manage_account(admin, local)
    assert not access.can_manage_account(admin, shared)
    assert not access.can_manage_account(admin, admin)


def test_grants_need_the_role_and_the_jurisdiction(world):
    dn_police = world["dn", Category.POLICE, Level.PROVINCE]
    admin = make_user((dn_police, Role.UNIT_ADMIN), (dn_police, Role.POLICE_LEADER))
    commune_police = world["dn", Category.POLICE, Level.COMMUNE, 0]
    assert access.can_grant(admin, commune_police, Role.POLICE_APPRAISER)
    assert access.can_grant(admin, commune_police, Role.POLICE_LEADER)
    assert access.can_grant(admin, commune_police, Role.UNIT_ADMIN)
    assert not access.can_grant(admin, world["hn", Category.POLICE, Level.COMMUNE, 0], Role.POLICE_APPRAISER)
    assert not access.can_grant(admin, world["dn", Category.AGENCY, Level.PROVINCE], Role.AGENCY_AUTHOR)
    assert not access.can_grant(admin, commune_police, Role.AGENCY_AUTHOR)  # wrong family
    assert not access.can_grant(admin, commune_police, Role.SYSTEM_ADMIN)
    assert access.grantable_roles(admin, commune_police) == [
        Role.POLICE_APPRAISER,
        Role.POLICE_LEADER,
        Role.UNIT_ADMIN,
    ]


def test_ministry_c06_covers_the_nation(other_province):
    c06 = make_org(Kind.MINISTRY_POLICE, AdminUnit.objects.get(code="VN"))
    leader = make_user((c06, Role.POLICE_LEADER))
    assert access.covers(leader, other_province, Role.POLICE_LEADER)
