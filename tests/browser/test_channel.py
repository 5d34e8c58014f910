"""A publication request walks from an agency through appraisal and approval into a citizen's feed.

Every step is done as its user would do it, in Chromium, on the production server.
"""

import io
from datetime import datetime, timedelta

import pytest
from PIL import Image

from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

TITLE = "Ngày hội đọc sách phường Trấn Biên"


@pytest.fixture
def as_user(browser, site_url):
    contexts = []

    def open_as(username):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        sign_in(page, site_url, username)
        return page

    yield open_as
    for context in contexts:
        context.close()


def representative_image(tmp_path):
    path = tmp_path / "anh-dai-dien.png"
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 675), (30, 110, 90)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_request_to_feed(as_user, site_url, screenshot, tmp_path):
    # The Department of Justice's author prepares the request.
    author = as_user("stp.tacgia")
    author.goto(f"{site_url}/admin/loa/requests/new/")
    author.fill("input[name=title]", TITLE)
    author.fill("textarea[name=summary]", "Sở Tư pháp phối hợp tổ chức ngày hội đọc sách pháp luật.")
    author.locator(".public-DraftEditor-content").first.click()
    author.keyboard.type("Ngày hội giới thiệu sách pháp luật cho thiếu nhi và người cao tuổi.")
    # Draftail writes its content to the hidden field a moment after the last keystroke.
    author.wait_for_function(
        "document.querySelector('input[name=body]').value.includes('người cao tuổi')"
    )
    author.set_input_files("input[name=image_file]", str(representative_image(tmp_path)))
    author.fill("input[name=image_alt]", "Thiếu nhi đọc sách")
    author.fill("input[name=author_name]", "Bùi Ngọc Lan")
    author.check("input[name=scope_level][value=province]")
    now = datetime.now()
    author.fill("input[name=starts_at]", (now - timedelta(days=1)).strftime("%Y-%m-%d %H:%M"))
    author.fill("input[name=ends_at]", (now + timedelta(days=20)).strftime("%Y-%m-%d %H:%M"))
    screenshot(author, "channel-1-author-form", full_page=True)
    author.locator("form button[type=submit]").last.click()
    author.wait_for_load_state("networkidle")
    assert "/admin/loa/requests/" in author.url and author.url.rstrip("/").split("/")[-1].isdigit(), author.url
    detail = author.url

    # The head of the department submits it; routing sends it to PC06 with a deadline.
    head = as_user("stp.lanhdao")
    head.goto(detail)
    head.locator("form[action$='/submit/'] button").click()
    head.wait_for_load_state("networkidle")
    assert "PC06" in head.content()

    # The PC06 appraiser ticks the checklist and recommends approval.
    appraiser = as_user("pc06.thamdinh")
    appraiser.goto(f"{site_url}/admin/loa/queue/")
    assert appraiser.get_by_text(TITLE).count() == 1
    screenshot(appraiser, "channel-2-appraisal-queue")
    appraiser.goto(detail)
    form = appraiser.locator("form[action$='/appraise/']")
    for box in form.locator("input[type=checkbox]").all():
        box.check()
    form.locator("input[name=conclusion][value=approve]").check()
    screenshot(appraiser, "channel-3-appraisal", full_page=True)
    form.locator("button[type=submit]").click()
    appraiser.wait_for_load_state("networkidle")

    # A ward's police cannot even see it.
    outsider = as_user("ca.longthanh.thamdinh")
    assert outsider.goto(detail).status == 404

    # The leader approves; the bulletin is live in its window.
    leader = as_user("pc06.lanhdao")
    leader.goto(detail)
    leader.locator("form[action$='/approve/'] button").click()
    leader.wait_for_load_state("networkidle")
    screenshot(leader, "channel-4-approved", full_page=True)

    # A citizen of Long Thành, anywhere in the province, now finds it in the feed.
    citizen = as_user("stp.tacgia")
    citizen.set_viewport_size({"width": 420, "height": 900})
    citizen.goto(f"{site_url}/loa/?commune=26368&age=30&gender=male")
    assert citizen.get_by_text(TITLE).count() >= 1
    screenshot(citizen, "channel-5-citizen-feed", full_page=True)
    citizen.get_by_role("link", name=TITLE).click()
    assert "Ngày hội giới thiệu sách pháp luật" in citizen.content()
