import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from loa.orgs.roles import Role
from loa.procedures.access import POLICY as PROCEDURES
from loa.procedures.models import AdministrativeProcedure
from loa.schedules.views import POLICY as SCHEDULES
from tests.factories import make_user

from .conftest import make_procedure, sheet

pytestmark = pytest.mark.django_db

FORM = {
    "code": "1.000894", "name": "Đăng ký kết hôn", "field": "Hộ tịch", "level": "commune",
    "agency": "", "processing_time": "", "fees": "", "papers": "Tờ khai", "result": "",
    "legal_basis": "", "online_service": "none", "online_service_url": "",
}


@pytest.fixture
def procedure_b(site_b):
    return make_procedure(site_b, "1.001193", "Đăng ký khai sinh của xã B")


@pytest.fixture
def editor_a(client, site_a):
    user = site_a.staff(Role.PORTAL_EDITOR)
    # The admin speaks its user's chosen language: English, for the messages asserted here.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


def test_an_editor_lists_only_their_own_sites_procedures(client, site_a, procedure_b, editor_a):
    make_procedure(site_a, "1.009999", "Thủ tục của sở A")
    html = client.get(reverse("procedures:index")).content.decode()
    assert "Thủ tục của sở A" in html
    assert "xã B" not in html
    make_procedure(site_a, "1.001193", "Đăng ký khai sinh của sở A")
    html = client.get(reverse("procedures:index"), {"q": "dang ky khai sinh"}).content.decode()
    assert "Đăng ký khai sinh của sở A" in html
    assert "Thủ tục của sở A" not in html and "xã B" not in html


def test_another_sites_procedure_by_id_is_404(client, procedure_b, editor_a):
    for name in ("edit", "delete", "history", "usage"):
        assert client.get(reverse(f"procedures:{name}", args=[procedure_b.pk])).status_code == 404, name
    assert client.post(reverse("procedures:edit", args=[procedure_b.pk]), FORM).status_code == 404
    assert client.post(reverse("procedures:delete", args=[procedure_b.pk])).status_code == 404
    procedure_b.refresh_from_db()
    assert procedure_b.name == "Đăng ký khai sinh của xã B"


def test_an_editor_creates_for_their_own_site_only(client, site_a, site_b, editor_a):
    response = client.post(reverse("procedures:add"), {**FORM, "site": site_b.member.pk})
    assert response.status_code == 200  # the form again, with the site refused
    assert not AdministrativeProcedure.objects.exists()
    response = client.post(reverse("procedures:add"), {**FORM, "site": site_a.member.pk})
    assert response.status_code == 302
    procedure = AdministrativeProcedure.objects.get()
    assert procedure.site == site_a.member
    assert ModelLogEntry.objects.get(action="loa.procedure.create").user == editor_a


def test_changes_and_deletions_are_audited(client, site_a, editor_a):
    procedure = make_procedure(site_a, "1.000894", "Đăng ký kết hôn", papers="Tờ khai")
    edit = reverse("procedures:edit", args=[procedure.pk])
    response = client.post(edit, {**FORM, "site": site_a.member.pk, "name": "Đăng ký kết hôn (mới)"})
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(action="loa.procedure.change")
    assert entry.data["fields"] == ["name"]
    assert client.post(reverse("procedures:delete", args=[procedure.pk])).status_code == 302
    assert not AdministrativeProcedure.objects.exists()
    assert ModelLogEntry.objects.get(action="loa.procedure.delete").data["code"] == "1.000894"


def test_the_form_refuses_a_bad_link(client, site_a, editor_a):
    response = client.post(reverse("procedures:add"), {
        **FORM, "site": site_a.member.pk, "online_service": "full",
        "online_service_url": "javascript:alert(1)",
    })
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    assert not AdministrativeProcedure.objects.exists()


def test_reporters_and_strangers_do_not_keep_the_catalogue(client, site_a):
    client.force_login(site_a.staff(Role.PORTAL_REPORTER))
    assert client.get(reverse("procedures:index")).status_code in (302, 403)
    assert client.get(reverse("procedures_import:index")).status_code == 404
    client.force_login(make_user())
    assert client.get(reverse("procedures_import:index")).status_code in (302, 404)


def test_the_menu_offers_the_catalogue_to_editors(client, editor_a):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("procedures:index") in html and reverse("procedures_import:index") in html


def upload(content, name="thu-tuc.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_the_import_screen_imports_into_the_chosen_own_site(client, site_a, site_b, editor_a):
    url = reverse("procedures_import:index")
    page = client.get(url).content.decode()
    assert site_a.member.site.site_name in page and site_b.member.site.site_name not in page
    rows = sheet(["1.001193", "Đăng ký khai sinh", "Hộ tịch", "Cấp xã", "", "", ""],
                 ["", "Không mã", "Hộ tịch", "Cấp xã", "", "", ""]).getvalue()
    response = client.post(url, {"site": site_b.member.pk, "file": upload(rows)})
    assert response.status_code == 200 and not AdministrativeProcedure.objects.exists()
    response = client.post(url, {"site": site_a.member.pk, "file": upload(rows)})
    html = response.content.decode()
    assert "Created: 1, updated: 0, unchanged: 0, rejected: 1." in html
    assert "“Mã thủ tục” is required." in html
    assert AdministrativeProcedure.objects.get().site == site_a.member


def test_the_import_screen_refuses_a_file_that_is_not_a_sheet(client, site_a, editor_a):
    response = client.post(reverse("procedures_import:index"), {
        "site": site_a.member.pk, "file": upload(b"%PDF-1.7 \x00\x01", name="thu-tuc.csv"),
    })
    assert response.status_code == 200
    assert "neither an Excel workbook" in response.content.decode()
    assert not AdministrativeProcedure.objects.exists()


def test_the_sample_file_is_offered_to_keepers_only(client, site_a, editor_a):
    response = client.get(reverse("procedures_import:sample"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode("utf-8").startswith("STT,Mã thủ tục")
    client.force_login(site_a.staff(Role.PORTAL_REPORTER))
    assert client.get(reverse("procedures_import:sample")).status_code == 404


def test_the_policy_names_the_keepers_of_the_catalogue_only(site_a):
    reporter = site_a.staff(Role.PORTAL_REPORTER)
    editor = site_a.staff(Role.PORTAL_EDITOR)
    keepers = set(PROCEDURES.users_with_any_permission(["change"]))
    assert editor in keepers and reporter not in keepers
    # Schedules are handled by every role at the board; publishing one takes an editor.
    assert reporter in set(SCHEDULES.users_with_any_permission(["change"]))
    assert reporter not in set(SCHEDULES.users_with_any_permission(["publish"]))
