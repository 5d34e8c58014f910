"""Syndication fixtures: a province portal, its member sites, and a site of another province."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from loa.orgs.models import Kind
from loa.orgs.roles import Role
from tests.factories import make_org
from tests.portal.conftest import SiteUnderTest, orgs, provision, publish_article  # noqa: F401


@dataclass
class Province:
    portal: SiteUnderTest
    department: SiteUnderTest


@pytest.fixture
def portal(orgs) -> SiteUnderTest:  # noqa: F811
    """The province's portal: the site of its People's Committee."""
    return provision(orgs.province, "tinh.localhost")


@pytest.fixture
def member(orgs, portal) -> SiteUnderTest:  # noqa: F811
    """A department's member site."""
    return provision(orgs.department, "so.localhost")


@pytest.fixture
def commune_site(orgs, portal) -> SiteUnderTest:  # noqa: F811
    return provision(orgs.commune, "xa.localhost")


@pytest.fixture
def elsewhere(other_province) -> Province:
    """Hà Nội's portal and one of its departments' sites."""
    committee = make_org(
        Kind.PEOPLES_COMMITTEE, other_province, name="Ủy ban nhân dân thành phố Khác"
    )
    department = make_org(Kind.DEPARTMENT, other_province, parent=committee, name="Sở Khác")
    return Province(
        portal=provision(committee, "khac.localhost"),
        department=provision(department, "so-khac.localhost"),
    )


@pytest.fixture
def member_editor(member):
    return member.staff(Role.PORTAL_EDITOR, first_name="Lan", last_name="Bùi")


@pytest.fixture
def portal_editor(portal):
    return portal.staff(Role.EDITOR_IN_CHIEF, first_name="Bảo", last_name="Đặng")


@pytest.fixture
def article(member):
    return publish_article(
        member,
        "Sở tổ chức ngày hội tư vấn pháp luật",
        lead="Tư vấn miễn phí cho người dân.",
        slug="tu-van-phap-luat",
    )
