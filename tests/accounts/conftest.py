"""Two provinces, each with a provincial police whose head administers accounts below it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from loa.orgs.models import Kind
from loa.orgs.roles import Role
from tests.factories import make_org, make_user

PASSWORD = "Mat-khau-2026"  # what tests.factories.make_user gives everyone


@pytest.fixture
def orgs(province, other_province, commune) -> SimpleNamespace:
    dong_nai_police = make_org(Kind.PROVINCIAL_POLICE, province)
    return SimpleNamespace(
        dong_nai_police=dong_nai_police,
        ha_noi_police=make_org(Kind.PROVINCIAL_POLICE, other_province),
        commune_police=make_org(Kind.COMMUNE_POLICE, commune, parent=dong_nai_police),
        department=make_org(Kind.DEPARTMENT, province),
    )


@pytest.fixture
def admin_a(orgs):
    """Head of Đồng Nai provincial police: unit administrator and police leader there."""
    return make_user(
        (orgs.dong_nai_police, Role.UNIT_ADMIN),
        (orgs.dong_nai_police, Role.POLICE_LEADER),
        username="admin_a",
    )


@pytest.fixture
def admin_b(orgs):
    """Head of Hà Nội provincial police, the same roles in another province."""
    return make_user(
        (orgs.ha_noi_police, Role.UNIT_ADMIN),
        (orgs.ha_noi_police, Role.POLICE_LEADER),
        username="admin_b",
    )


@pytest.fixture
def commune_officer(orgs):
    return make_user((orgs.commune_police, Role.POLICE_APPRAISER), username="commune_officer")


@pytest.fixture
def ha_noi_officer(orgs):
    return make_user((orgs.ha_noi_police, Role.POLICE_APPRAISER), username="ha_noi_officer")


@pytest.fixture
def client_a(client, admin_a):
    client.force_login(admin_a)
    return client
