"""Provisioning a member site: everything in one step, or nothing at all."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    Site,
    Workflow,
)
from wagtail.users.models import UserProfile

from loa.orgs.models import Kind, Organization
from loa.portal.models import MemberSite, PageKind, StandardSection
from loa.portal.pages import ContactPage, OrganizationPage, PortalHomePage, SectionPage
from loa.portal.provisioning import provision_member_site
from tests.factories import make_org, make_user

from .conftest import provision

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """These tests read the refusals' wording; they are written against the English source."""
    with translation.override("en"):
        yield

PEOPLES_COMMITTEE_ONLY = {
    "ban-do-dia-gioi-hanh-chinh",
    "dieu-kien-tu-nhien",
    "van-hoa",
    "danh-lam-thang-canh",
}


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Page, Site, Group, Collection, Organization, Workflow, MemberSite,
                      GroupPagePermission, GroupCollectionPermission)
    }


def test_provisioning_makes_the_whole_site(orgs):
    site = provision(orgs.department, "so-a.localhost")
    home, member = site.home, site.member

    assert isinstance(home, PortalHomePage) and home.live
    assert home.organization == orgs.department
    assert home.title == "Trang thông tin điện tử Sở Thử nghiệm"
    assert home.get_parent().is_root()

    wagtail_site = member.site
    assert (wagtail_site.hostname, wagtail_site.port) == ("so-a.localhost", 80)
    assert wagtail_site.root_page_id == home.pk and not wagtail_site.is_default_site
    assert wagtail_site.site_name == home.title

    children = list(home.get_children().specific())
    assert [page.slug for page in children] == [
        section.slug for section in StandardSection.objects.all() if not section.for_kinds
    ]
    assert all(page.live for page in children)
    assert isinstance(children[0], OrganizationPage) and isinstance(children[-1], ContactPage)

    board = member.editorial_board
    assert board.kind == Kind.EDITORIAL_BOARD and board.parent == orgs.department
    assert board.code == "BBT-T-SO" and board.unit == orgs.department.unit

    assert member.collection.get_parent().is_root() and member.collection.name == "Sở Thử nghiệm"

    def page_perms(group):
        return set(GroupPagePermission.objects.filter(group=group, page=home)
                   .values_list("permission__codename", flat=True))

    assert page_perms(member.reporters) == {"add_page", "change_page"}
    assert page_perms(member.editors) == {"add_page", "change_page", "lock_page"}
    assert page_perms(member.chiefs) == {
        "add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"
    }
    assert "publish_page" not in page_perms(member.editors)
    for group in member.groups:
        assert group.permissions.filter(codename="access_admin").exists()
        media = set(GroupCollectionPermission.objects.filter(group=group, collection=member.collection)
                    .values_list("permission__codename", flat=True))
        assert {"add_image", "change_image", "choose_image", "add_document", "choose_document"} <= media

    tasks = [task.specific for task in member.workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert len(tasks) == 2
    assert set(tasks[0].groups.all()) == {member.editors, member.chiefs}
    assert set(tasks[1].groups.all()) == {member.chiefs}
    assert home.get_workflow() == member.workflow
    assert site.section("tin-tuc").get_workflow() == member.workflow

    entry = PageLogEntry.objects.get(page=home, action="loa.portal.provision")
    assert entry.data["hostname"] == "so-a.localhost" and entry.data["editorial_board"] == "BBT-T-SO"


def test_a_peoples_committee_gets_the_locality_sections(orgs):
    commune_slugs = {page.slug for page in provision(orgs.commune, "xa.localhost").home.get_children()}
    department_slugs = {page.slug for page in provision(orgs.department, "so.localhost").home.get_children()}
    assert PEOPLES_COMMITTEE_ONLY <= commune_slugs
    assert not PEOPLES_COMMITTEE_ONLY & department_slugs
    assert commune_slugs - department_slugs == PEOPLES_COMMITTEE_ONLY


def test_the_sections_follow_the_data(orgs):
    StandardSection.objects.filter(slug="hoi-dap").delete()
    StandardSection.objects.create(title="Dự thảo lấy ý kiến", slug="du-thao", page_kind=PageKind.SECTION)
    StandardSection.objects.create(
        title="Thông tin ngành", slug="thong-tin-nganh", for_kinds=[Kind.DEPARTMENT], show_in_menus=False
    )
    department = provision(orgs.department, "so.localhost").home
    commune = provision(orgs.commune, "xa.localhost").home

    slugs = [page.slug for page in department.get_children()]
    assert "hoi-dap" not in slugs
    assert slugs[-2:] == ["du-thao", "thong-tin-nganh"]  # new sections come last
    extra = department.get_children().get(slug="thong-tin-nganh")
    assert isinstance(extra.specific, SectionPage) and not extra.show_in_menus
    assert "thong-tin-nganh" not in {page.slug for page in commune.get_children()}


def test_an_existing_editorial_board_is_reused(orgs):
    board = make_org(Kind.EDITORIAL_BOARD, orgs.province.unit, parent=orgs.province, code="T-BBT")
    member = provision(orgs.province, "tinh.localhost").member
    assert member.editorial_board == board
    assert not Organization.objects.filter(code="BBT-T-UBND").exists()


@pytest.mark.parametrize(
    "hostname", ["", "Xa_B.localhost", "xã.localhost", "-xa.localhost", "xa..localhost", "xa b", "a" * 64 + ".vn"]
)
def test_a_bad_hostname_is_refused_and_leaves_nothing(orgs, hostname):
    before = counts()
    with pytest.raises(ValidationError) as error:
        provision_member_site(orgs.department, hostname)
    assert "hostname" in error.value.message_dict
    assert counts() == before


def test_uppercase_is_taken_as_lowercase(orgs):
    assert provision(orgs.department, "  So-A.LocalHost ").hostname == "so-a.localhost"


def test_a_taken_hostname_is_refused_and_leaves_nothing(orgs, site_a):
    before = counts()
    with pytest.raises(ValidationError, match="already answers"):
        provision_member_site(orgs.commune, site_a.hostname)
    assert counts() == before


def test_a_failure_late_in_the_process_leaves_nothing(orgs):
    Group.objects.create(name="Sở Thử nghiệm (T-SO) – Tổng biên tập")
    before = counts()
    with pytest.raises(ValidationError, match="already exists"):
        provision_member_site(orgs.department, "so.localhost")
    assert counts() == before
    assert not Organization.objects.filter(code="BBT-T-SO").exists()


def test_one_site_per_organization(orgs, site_a):
    with pytest.raises(ValidationError, match="already has a site"):
        provision_member_site(orgs.department, "khac.localhost")


def test_an_editorial_board_owns_no_site(orgs):
    board = make_org(Kind.EDITORIAL_BOARD, orgs.province.unit, parent=orgs.province)
    with pytest.raises(ValidationError, match="runs a site"):
        provision_member_site(board, "bbt.localhost")


def test_the_provincial_portal_takes_the_place_of_wagtails_starter_site(orgs):
    starter = Site.objects.get(hostname="localhost")
    welcome = starter.root_page
    home = provision(orgs.province, "localhost", default=True).home
    site = Site.objects.get(pk=starter.pk)
    assert site.root_page_id == home.pk and site.is_default_site
    assert site.site_name == "Cổng thông tin điện tử tỉnh Đồng Nai"
    assert not Page.objects.filter(pk=welcome.pk).exists()
    assert Site.objects.filter(is_default_site=True).count() == 1


def test_a_real_site_at_the_address_is_not_taken_over(orgs):
    provision(orgs.province, "localhost", default=True)
    with pytest.raises(ValidationError, match="already answers"):
        provision_member_site(orgs.department, "localhost")


def test_default_moves_to_the_new_site(orgs):
    site = provision(orgs.department, "so.localhost", default=True).member.site
    assert list(Site.objects.filter(is_default_site=True)) == [site]


def test_create_site_command(orgs):
    call_command("create_site", "T-SO", "so.localhost")
    assert MemberSite.objects.get(organization=orgs.department).site.hostname == "so.localhost"
    with pytest.raises(CommandError, match="already has a site"):
        call_command("create_site", "T-SO", "khac.localhost")
    with pytest.raises(CommandError, match="No organization"):
        call_command("create_site", "KHONG-CO", "x.localhost")
    with pytest.raises(CommandError, match="not a valid host name"):
        call_command("create_site", "T-XA", "xa_b")


def test_admin_screen_is_for_superusers_only(client, orgs):
    staff = make_user((orgs.department, "agency_head"))
    client.force_login(staff)
    assert client.get("/admin/portal/sites/new/").status_code == 404
    assert client.post("/admin/portal/sites/new/", {"organization": orgs.department.pk,
                                                      "hostname": "so.localhost"}).status_code == 404
    assert not MemberSite.objects.exists()


def test_admin_screen_provisions_a_site(client, orgs, site_b):
    admin = make_user(is_superuser=True, is_staff=True)
    # The admin speaks its user's chosen language (a request's own is its URL's: Vietnamese here).
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin)
    page = client.get("/admin/portal/sites/new/")
    assert page.status_code == 200
    options = page.context["form"].fields["organization"].queryset
    assert orgs.department in options and orgs.commune not in options  # the commune has its site
    assert site_b.hostname in page.content.decode()

    refused = client.post("/admin/portal/sites/new/", {"organization": orgs.department.pk,
                                                        "hostname": site_b.hostname})
    assert refused.status_code == 200 and "already answers" in refused.content.decode()

    response = client.post("/admin/portal/sites/new/", {"organization": orgs.department.pk,
                                                         "hostname": "so.localhost"})
    member = MemberSite.objects.get(organization=orgs.department)
    assert response.status_code == 302 and response["Location"].endswith(f"/pages/{member.site.root_page_id}/")
    entry = PageLogEntry.objects.get(page=member.site.root_page, action="loa.portal.provision")
    assert entry.user == admin


def test_standard_sections_admin_is_for_superusers(client, orgs):
    client.force_login(make_user((orgs.department, "agency_head")))
    assert client.get("/admin/standard_sections/").status_code in (302, 403, 404)
    client.force_login(make_user(is_superuser=True))
    listing = client.get("/admin/standard_sections/")
    assert listing.status_code == 200 and "Danh lam thắng cảnh" in listing.content.decode()
    created = client.post("/admin/standard_sections/new/", {
        "title": "Dự thảo", "slug": "du-thao", "page_kind": "section",
        "for_kinds": ["department", "peoples_committee"], "show_in_menus": "on", "required_by": "",
    })
    assert created.status_code == 302
    section = StandardSection.objects.get(slug="du-thao")
    assert section.for_kinds == ["department", "peoples_committee"]
    assert section.sort_order > StandardSection.objects.exclude(pk=section.pk).order_by("-sort_order")[0].sort_order
