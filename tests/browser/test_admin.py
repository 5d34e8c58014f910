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
    assert page.locator("h1").inner_text().startswith("Loa")
    screenshot(page, "home")
    response = page.goto(site_url + "/api/v1/openapi.json")
    assert response.status == 200 and "/api/v1/units" in response.text()
