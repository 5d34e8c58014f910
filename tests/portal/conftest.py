"""Portal fixtures: a province's People's Committee, a department and a commune, and their sites."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from loa.orgs.models import Kind, Organization
from loa.orgs.roles import Role
from loa.portal.models import MemberSite
from loa.portal.pages import ArticlePage, PortalHomePage
from loa.portal.provisioning import provision_member_site
from tests.factories import make_org, make_user


@dataclass
class Orgs:
    province: Organization
    department: Organization
    commune: Organization


@pytest.fixture
def orgs(province, commune) -> Orgs:
    committee = make_org(Kind.PEOPLES_COMMITTEE, province, name="Ủy ban nhân dân tỉnh Thử", code="T-UBND")
    return Orgs(
        province=committee,
        department=make_org(Kind.DEPARTMENT, province, parent=committee, name="Sở Thử nghiệm", code="T-SO"),
        commune=make_org(Kind.PEOPLES_COMMITTEE, commune, parent=committee, code="T-XA"),
    )


@dataclass
class SiteUnderTest:
    home: PortalHomePage
    member: MemberSite

    @property
    def board(self) -> Organization:
        return self.member.editorial_board

    @property
    def hostname(self) -> str:
        return self.member.site.hostname

    def section(self, slug: str = "tin-tuc"):
        return self.home.get_children().get(slug=slug).specific

    def staff(self, role: Role, **fields):
        return make_user((self.board, role), **fields)


def provision(organization: Organization, hostname: str, **kwargs) -> SiteUnderTest:
    home = provision_member_site(organization, hostname, **kwargs)
    return SiteUnderTest(home=home, member=MemberSite.objects.get(organization=organization))


@pytest.fixture
def site_a(orgs) -> SiteUnderTest:
    return provision(orgs.department, "so-a.localhost")


@pytest.fixture
def site_b(orgs) -> SiteUnderTest:
    return provision(orgs.commune, "xa-b.localhost")


def make_image(collection, title: str = "Ảnh thử"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (160, 90), (180, 30, 30)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, collection=collection, file=ImageFile(buffer, name="thu.png")
    )


def make_document(collection, title: str = "Tài liệu thử"):
    return get_document_model().objects.create(
        title=title, collection=collection, file=ContentFile(b"Noi dung", name="thu.txt")
    )


def publish_article(site: SiteUnderTest, title: str, *, image=None, section: str = "tin-tuc", **fields):
    page = ArticlePage(
        title=title,
        lead=fields.pop("lead", "Tóm tắt bài viết."),
        image=image or make_image(site.member.collection),
        image_alt=fields.pop("image_alt", "Mô tả ảnh"),
        body=fields.pop("body", [{"type": "paragraph", "value": "<p>Nội dung bài viết.</p>"}]),
        live=False,
        **fields,
    )
    site.section(section).add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
