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
