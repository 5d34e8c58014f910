from loa.orgs.roles import Category, Role, implied_roles, role_fits, roles_implying


def test_higher_roles_carry_the_lower_one_of_their_line():
    assert Role.POLICE_APPRAISER in implied_roles(Role.POLICE_LEADER)
    assert Role.AGENCY_AUTHOR in implied_roles(Role.AGENCY_HEAD)
    assert Role.PORTAL_REPORTER in implied_roles(Role.EDITOR_IN_CHIEF)
    assert Role.POLICE_LEADER not in implied_roles(Role.POLICE_APPRAISER)
    assert implied_roles(Role.SYSTEM_ADMIN) == frozenset(Role)


def test_roles_implying_is_the_inverse():
    for role in Role:
        for other in Role:
            assert (other in roles_implying(role)) == (role in implied_roles(other))


def test_roles_fit_their_family():
    assert role_fits(Role.POLICE_APPRAISER, Category.POLICE)
    assert not role_fits(Role.POLICE_APPRAISER, Category.AGENCY)
    assert not role_fits(Role.AGENCY_HEAD, Category.EDITORIAL)
    assert all(role_fits(Role.UNIT_ADMIN, category) for category in Category)
