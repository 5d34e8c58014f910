import pytest

from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def test_staff_admin_is_in_vietnamese(page, site_url, screenshot):
    sign_in(page, site_url, "cat.quantri")
    assert page.url.rstrip("/").endswith("/admin")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert "Trang tổng quan" in page.title()
    screenshot(page, "admin-dashboard-vi")


def test_wrong_password_is_refused_in_vietnamese(page, site_url):
    sign_in(page, site_url, "pc06.thamdinh", password="sai-mat-khau-1")
    assert "/admin/login/" in page.url
    assert page.get_by_text("không đúng", exact=False).count() > 0


def test_home_and_api_docs(page, site_url, screenshot):
    page.goto(site_url + "/")
    assert "Đồng Nai" in page.locator("h1").first.inner_text()
    screenshot(page, "portal-home", full_page=True)
    response = page.goto(site_url + "/api/v1/openapi.json")
    assert response.status == 200 and "/api/v1/units" in response.text()


def test_unit_admin_issues_an_account_to_a_commune_police_officer(page, site_url, screenshot):
    """The seeds' delegation: the commune police head creates an appraiser for their own unit."""
    sign_in(page, site_url, "ca.tranbien.truong")
    page.goto(f"{site_url}/admin/accounts/")
    assert page.get_by_role("link", name="ca.tranbien.thamdinh").count() == 1
    assert page.get_by_role("link", name="pc06.thamdinh").count() == 0  # outside the ward
    page.goto(f"{site_url}/admin/accounts/new/")
    page.fill("input[name=username]", "ca.tranbien.moi")
    page.fill("input[name=last_name]", "Nguyễn Thị")
    page.fill("input[name=first_name]", "Hạnh")
    page.fill("input[name=password]", "Tham-dinh-2026")
    page.fill("input[name=password2]", "Tham-dinh-2026")
    options = page.locator("select[name=organization] option").all_inner_texts()
    assert any("Trấn Biên" in option for option in options)
    assert not any("Long Thành" in option for option in options)
    page.select_option("select[name=organization]", label=next(o for o in options if "Công an" in o))
    page.select_option("select[name=role]", value="police_appraiser")
    screenshot(page, "admin-account-create", full_page=True)
    page.get_by_role("button", name="Tạo tài khoản").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Đã tạo tài khoản").count() > 0
    assert page.get_by_text("Cán bộ thẩm định (Công an)").count() > 0
    screenshot(page, "admin-account-detail", full_page=True)


def test_accounts_list_for_the_provincial_police_admin(page, site_url, screenshot):
    sign_in(page, site_url, "cat.quantri")
    page.goto(f"{site_url}/admin/accounts/")
    assert page.get_by_role("link", name="ca.longthanh.truong").count() == 1
    screenshot(page, "admin-accounts")


def test_working_day_calendar_for_the_system_administrator(page, site_url, screenshot):
    sign_in(page, site_url, "quantri")
    page.goto(f"{site_url}/admin/workdays_calendar/new/")
    assert "Lịch ngày làm việc" in page.content()
    screenshot(page, "admin-workdays")


def test_organization_import_reports_rejected_rows(page, site_url, screenshot, tmp_path):
    sheet = tmp_path / "to-chuc.csv"
    sheet.write_text(
        "Mã;Tên;Loại;Mã đơn vị hành chính;Mã cơ quan cấp trên\n"
        "DNI-SNNMT;Sở Nông nghiệp và Môi trường tỉnh Đồng Nai;department;75;DNI-UBND\n"
        "DNI-XX;Công an xã không có thật;commune_police;99999;DNI-CAT\n",
        encoding="utf-8",
    )
    sign_in(page, site_url, "quantri")
    page.goto(f"{site_url}/admin/organizations/import/")
    page.set_input_files("input[type=file]", str(sheet))
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    content = page.content()
    assert "Tạo mới: 1, cập nhật: 0, từ chối: 1." in content
    assert "99999" in content
    screenshot(page, "admin-organization-import", full_page=True)
