"""A site's frame (menu, footer, latest articles) is built once and kept until the site changes,
whether or not whole pages are cached (the test settings do not cache them)."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loa.portal.caching import clear_pages
from loa.portal.pages import SectionPage, SiteFrame

from .conftest import publish_article

pytestmark = pytest.mark.django_db


def read(client, site, path="/"):
    response = client.get(path, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return response.content.decode()


def queries(client, site, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        read(client, site, path)
    return len(captured)


def test_a_page_after_the_first_does_not_build_the_frame_again(client, site_a):
    first, second = publish_article(site_a, "Tin thứ nhất"), publish_article(site_a, "Tin thứ hai")
    read(client, site_a, first.url)  # renditions are made on the first view
    read(client, site_a, second.url)
    clear_pages()
    cold = queries(client, site_a, first.url)
    warm = queries(client, site_a, second.url)
    assert warm <= cold - 6, (cold, warm)


def test_each_site_has_its_own_frame(client, site_a, site_b):
    publish_article(site_a, "Tin của sở")
    article_b = publish_article(site_b, "Tin của xã")
    read(client, site_a)
    frame_b = SiteFrame.for_page(article_b)
    assert frame_b.home.pk == site_b.home.pk
    assert [article.title for article in frame_b.latest] == ["Tin của xã"]
    page_b = read(client, site_b, article_b.url)
    assert "Tin của sở" not in page_b and site_b.home.title in page_b


def test_publishing_changes_the_menu_and_the_latest_articles_at_once(client, site_a):
    article = publish_article(site_a, "Tin cũ")
    assert "Chuyên mục mới" not in read(client, site_a, article.url)
    section = SectionPage(title="Chuyên mục mới", slug="chuyen-muc-moi", show_in_menus=True, live=False)
    site_a.home.add_child(instance=section)
    section.save_revision().publish()
    publish_article(site_a, "Tin mới nhất")
    page = read(client, site_a, article.url)
    assert "Chuyên mục mới" in page and "Tin mới nhất" in page


def test_unpublishing_takes_an_article_out_of_the_latest(client, site_a):
    kept, withdrawn = publish_article(site_a, "Tin giữ lại"), publish_article(site_a, "Tin rút xuống")
    assert "Tin rút xuống" in read(client, site_a, kept.url)
    withdrawn.unpublish()
    assert "Tin rút xuống" not in read(client, site_a, kept.url)


def test_renaming_the_organization_shows_at_once(client, orgs, site_a):
    assert "Sở Thử nghiệm" in read(client, site_a)
    orgs.department.name = "Sở Thử nghiệm và Đổi mới"
    orgs.department.save()
    assert "Sở Thử nghiệm và Đổi mới" in read(client, site_a, site_a.section().url)


def test_migrate_empties_what_an_older_release_kept(site_a):
    caches["pages"].set("loa:frame:older", "kept by an older release")
    call_command("migrate", verbosity=0)
    assert caches["pages"].get("loa:frame:older") is None


def test_a_preview_of_the_home_page_never_reaches_the_readers(client, site_a):
    article = publish_article(site_a, "Tin đã đăng")
    draft = site_a.home.specific
    draft.title = "Tên trang chưa duyệt"
    assert "Tên trang chưa duyệt" in draft.make_preview_request().content.decode()
    assert "Tên trang chưa duyệt" not in read(client, site_a, article.url)
