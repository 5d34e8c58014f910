"""Browser tests: Debian's Chromium, driven by Playwright, against the real production server.

The site runs as `make run` runs it (gunicorn, DEBUG off, WhiteNoise) on a throwaway SQLite database
with the real units and the demo data, so these tests see what a user would see.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("LOA_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI needs Chromium at {CHROMIUM}: apt-get install chromium")
    skip = pytest.mark.skip(reason="Chromium not found: apt-get install chromium (Debian)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_url(tmp_path_factory) -> str:
    """Start the production server on a fresh demo database; yield its base URL."""
    var_dir = tmp_path_factory.mktemp("site-var")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "loa.settings",
        "LOA_VAR_DIR": str(var_dir),
        "DEBUG": "0",
    }
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_units"], ["load_demo"], ["collectstatic", "--noinput"]):
        subprocess.run(manage + command + ["-v0"], env=env, check=True, cwd=ROOT)
    port = _free_port()
    log = var_dir / "server.log"
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "loa.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log.open("w"),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/api/v1/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"The server did not start:\n{log.read_text()}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(tmp_path):
    """Save a screenshot; into docs/screenshots when LOA_SCREENSHOT_DIR asks for it."""
    target = Path(os.environ.get("LOA_SCREENSHOT_DIR", tmp_path))
    target.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, full_page: bool = False) -> Path:
        path = target / f"{name}.png"
        if full_page:
            # Images below the fold load lazily, when scrolled to: a whole-page shot must load
            # them first, or it shows empty cards where a reader sees pictures.
            page.evaluate(
                "document.querySelectorAll('img[loading=lazy]')"
                ".forEach(image => { image.loading = 'eager'; })"
            )
            page.wait_for_function("Array.from(document.images).every(image => image.complete)")
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


def sign_in(page, site_url: str, username: str, password: str | None = None) -> None:
    from loa.demo.data import DEMO_PASSWORD

    page.goto(f"{site_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password or DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


