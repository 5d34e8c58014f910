"""Role assignments at an editorial board decide membership of its sites' editorial groups."""

import pytest
from django.contrib.auth.models import Group

from loa.orgs import administration
from loa.orgs.models import Kind, RoleAssignment
from loa.orgs.roles import Role
from loa.portal.membership import sites_edited_by
from tests.factories import make_org, make_user

from .conftest import provision

pytestmark = pytest.mark.django_db


def groups_of(user) -> set[Group]:
    return set(user.groups.all())


def test_granting_and_revoking_a_role_joins_and_leaves_the_group(site_a):
    member = site_a.member
    user = make_user()
    assignment = RoleAssignment.objects.create(user=user, organization=site_a.board, role=Role.PORTAL_REPORTER)
    assert groups_of(user) == {member.reporters}
    RoleAssignment.objects.create(user=user, organization=site_a.board, role=Role.EDITOR_IN_CHIEF)
    assert groups_of(user) == {member.reporters, member.chiefs}
    assignment.delete()
    assert groups_of(user) == {member.chiefs}


@pytest.mark.parametrize(
    "role, group", [(Role.PORTAL_REPORTER, "reporters"), (Role.PORTAL_EDITOR, "editors"),
                    (Role.EDITOR_IN_CHIEF, "chiefs")]
)
def test_each_role_has_its_group(site_a, role, group):
    assert groups_of(site_a.staff(role)) == {getattr(site_a.member, group)}


def test_through_delegated_administration(site_a):
    admin = make_user(is_superuser=True)
    user = make_user()
    assignment = administration.grant_role(admin, user, site_a.board, Role.PORTAL_EDITOR)
    assert groups_of(user) == {site_a.member.editors}
    administration.revoke_role(admin, assignment)
    assert groups_of(user) == set()


def test_members_of_an_existing_board_join_when_the_site_is_made(orgs):
    board = make_org(Kind.EDITORIAL_BOARD, orgs.province.unit, parent=orgs.province)
    reporter = make_user((board, Role.PORTAL_REPORTER))
    chief = make_user((board, Role.EDITOR_IN_CHIEF))
    assert groups_of(reporter) == set()
    member = provision(orgs.province, "tinh.localhost").member
    assert groups_of(reporter) == {member.reporters}
    assert groups_of(chief) == {member.chiefs}


def test_changing_the_role_of_an_assignment_moves_the_user(site_a, site_b):
    user = site_a.staff(Role.PORTAL_REPORTER)
    assignment = user.role_assignments.get()
    assignment.role = Role.PORTAL_EDITOR
    assignment.save()
    assert groups_of(user) == {site_a.member.editors}
    assignment.organization = site_b.board
    assignment.save()
    assert groups_of(user) == {site_b.member.editors}


def test_a_board_switched_off_takes_its_members_out(site_a):
    user = site_a.staff(Role.PORTAL_EDITOR)
    board = site_a.board
    board.is_active = False
    board.save()
    assert groups_of(user) == set()
    board.is_active = True
    board.save()
    assert groups_of(user) == {site_a.member.editors}


def test_other_roles_and_other_groups_are_left_alone(site_a, orgs):
    own_group = Group.objects.create(name="Nhóm riêng")
    user = make_user((orgs.department, Role.AGENCY_AUTHOR))
    user.groups.add(own_group)
    RoleAssignment.objects.create(user=user, organization=site_a.board, role=Role.PORTAL_REPORTER)
    RoleAssignment.objects.create(user=user, organization=orgs.department, role=Role.AGENCY_HEAD)
    assert groups_of(user) == {own_group, site_a.member.reporters}
    user.role_assignments.filter(role=Role.PORTAL_REPORTER).delete()
    assert groups_of(user) == {own_group}


def test_a_role_at_a_board_without_a_site_gives_no_group(orgs):
    board = make_org(Kind.EDITORIAL_BOARD, orgs.commune.unit, parent=orgs.commune)
    assert groups_of(make_user((board, Role.EDITOR_IN_CHIEF))) == set()


def test_deleting_the_user_is_clean(site_a):
    user = site_a.staff(Role.PORTAL_EDITOR)
    user.delete()
    assert not site_a.member.editors.user_set.exists()


def test_sites_edited_by_lists_only_the_users_own_sites(site_a, site_b):
    reporter = site_a.staff(Role.PORTAL_REPORTER)
    chief = site_b.staff(Role.EDITOR_IN_CHIEF)
    assert list(sites_edited_by(reporter)) == [site_a.member]
    assert list(sites_edited_by(chief)) == [site_b.member]
    assert not sites_edited_by(reporter, roles=[Role.EDITOR_IN_CHIEF]).exists()
    assert not sites_edited_by(make_user()).exists()
