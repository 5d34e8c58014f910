"""The public portal as a reader meets it, checked by axe-core for WCAG 2.1 AA.

axe-core (bundled by `axe-playwright-python`) runs inside the page in Chromium; a serious or
critical violation fails the test and names the rule and the elements.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_accessible(page) -> None:
    results = Axe().run(page, options=WCAG_AA).response
    serious = [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


def test_home_page(page, site_url, screenshot):
    page.goto(site_url)
    assert page.locator("h1, .masthead__title").first.is_visible()
    assert page.locator("a.skip-link").get_attribute("href") == "#main"
    assert_accessible(page)
    screenshot(page, "portal-home", full_page=True)


def test_home_page_on_a_phone(browser, site_url, screenshot):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    phone = context.new_page()
    phone.goto(site_url)
    # Nothing is wider than the screen: no sideways scrolling on a phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(phone)
    screenshot(phone, "portal-home-phone", full_page=True)
    context.close()


def test_an_article(page, site_url, screenshot):
    page.goto(site_url)
    page.locator("main article a, main .card a").first.click()
    page.wait_for_load_state("domcontentloaded")
    assert page.locator("main h1").count() == 1
    assert page.locator("main img").first.get_attribute("alt")
    assert_accessible(page)
    screenshot(page, "portal-article", full_page=True)


def test_the_check_catches_a_missing_alt_text(page):
    # Guards the guard: axe must really run and report, or the tests above prove nothing.
    page.set_content('<html lang="vi"><title>x</title><main><img src="data:,"></main></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)


def test_a_legal_document_search(page, site_url, screenshot):
    page.goto(f"{site_url}/van-ban/")
    page.fill("main form input[name=q]", "nghi dinh")
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_load_state("domcontentloaded")
    # Typed without diacritics, the search still finds the decrees.
    assert page.get_by_text("Nghị định").count() >= 1
    assert_accessible(page)
    screenshot(page, "portal-legal-documents", full_page=True)
    page.locator("main table a, main li a").filter(has_text="/").first.click()
    page.wait_for_load_state("domcontentloaded")
    assert page.locator("main dl").count() >= 1
    assert_accessible(page)


def test_the_english_switch(page, site_url, screenshot):
    page.goto(site_url)
    page.locator(".language-switch a[hreflang=en]").click()
    page.wait_for_load_state("domcontentloaded")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "/en/" in page.url
    assert_accessible(page)
    screenshot(page, "portal-english", full_page=True)
    page.locator(".language-switch a[hreflang=vi]").click()
    page.wait_for_load_state("domcontentloaded")
    assert page.locator("html").get_attribute("lang") == "vi"


@pytest.mark.parametrize(
    "path, name",
    [
        ("/tim-kiem/?q=phuong+tran+bien&pham-vi=tat-ca", "portal-search"),
        ("/lich-cong-tac/", "portal-schedule"),
    ],
)
def test_other_public_pages(page, site_url, screenshot, path, name):
    response = page.goto(f"{site_url}{path}")
    assert response.status == 200
    assert_accessible(page)
    screenshot(page, name, full_page=True)


@pytest.mark.parametrize(
    "path, name",
    [("/thu-tuc-hanh-chinh/?q=khai+sinh", "portal-procedures"), ("/hoi-dap/", "portal-questions")],
)
def test_a_member_sites_pages(browser, site_url, screenshot, path, name):
    # The ward's site answers on its own host name; Chromium resolves *.localhost to this machine.
    port = site_url.rsplit(":", 1)[1]
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    member = context.new_page()
    response = member.goto(f"http://tranbien.localhost:{port}{path}")
    assert response.status == 200
    assert "Trấn Biên" in member.content()
    assert_accessible(member)
    screenshot(member, name, full_page=True)
    context.close()
