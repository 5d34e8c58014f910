"""The page cache: stored copies for anonymous readers, cleared by anything that changes a page."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from loa.portal.memory import PAGES_GENERATION
from loa.reading.counting import flush_page_views
from loa.reading.models import DailyPageViews
from tests.factories import make_user

from .conftest import publish_article

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130 Safari/537.36"


@pytest.fixture(autouse=True)
def page_cache():
    caches["pages"].clear()
    with override_settings(WAGTAIL_CACHE=True):
        yield
    caches["pages"].clear()


def read(client, site, path, **headers):
    return client.get(path, HTTP_HOST=site.hostname, HTTP_USER_AGENT=BROWSER, **headers)


def test_a_second_reader_gets_the_stored_copy_without_a_query(client, site_a, django_assert_num_queries):
    article = publish_article(site_a, "Hội nghị tổng kết công tác tư pháp")
    first = read(client, site_a, article.url)
    assert first.status_code == 200 and first["X-Loa-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = read(client, site_a, article.url)
    assert second["X-Loa-Cache"] == "hit"
    assert "Hội nghị tổng kết" in second.content.decode()


def test_each_site_has_its_own_copies(client, site_a, site_b):
    publish_article(site_a, "Tin của sở")
    publish_article(site_b, "Tin của xã")
    assert "Tin của sở" in read(client, site_a, "/").content.decode()
    home_b = read(client, site_b, "/").content.decode()
    assert "Tin của xã" in home_b and "Tin của sở" not in home_b


def test_publishing_clears_the_cache(client, site_a):
    publish_article(site_a, "Bài thứ nhất")
    assert "Bài thứ nhất" in read(client, site_a, "/").content.decode()
    assert read(client, site_a, "/")["X-Loa-Cache"] == "hit"
    publish_article(site_a, "Bài thứ hai")
    fresh = read(client, site_a, "/")
    assert fresh["X-Loa-Cache"] == "miss" and "Bài thứ hai" in fresh.content.decode()


def test_unpublishing_clears_the_cache(client, site_a):
    article = publish_article(site_a, "Bài sẽ gỡ")
    assert read(client, site_a, article.url).status_code == 200
    article.unpublish()
    assert read(client, site_a, article.url).status_code == 404


def test_a_view_restriction_takes_the_stored_copy_away(client, site_a):
    article = publish_article(site_a, "Tin sắp thành nội bộ")
    assert read(client, site_a, article.url)["X-Loa-Cache"] == "miss"
    assert read(client, site_a, article.url)["X-Loa-Cache"] == "hit"
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    assert "Tin sắp thành nội bộ" not in read(client, site_a, article.url).content.decode()


def test_clearing_the_cache_by_hand_also_empties_what_processes_keep(client, site_a):
    article = publish_article(site_a, "Tin trước khi xoá bộ nhớ đệm")
    read(client, site_a, article.url)
    kept = PAGES_GENERATION.current()
    call_command("clear_wagtail_cache")  # as the admin's Cache screen does
    assert PAGES_GENERATION.current() != kept


def test_signed_in_users_are_never_served_a_stored_copy(client, site_a):
    article = publish_article(site_a, "Bài cho biên tập viên")
    read(client, site_a, article.url)
    client.force_login(make_user())
    response = read(client, site_a, article.url)
    assert response["X-Loa-Cache"] == "skip"


def test_views_are_counted_for_stored_copies_too(client, site_a):
    article = publish_article(site_a, "Bài được đọc nhiều")
    for _ in range(3):
        read(client, site_a, article.url)
    flush_page_views()
    assert DailyPageViews.objects.get(page=article, day=timezone.localdate()).views == 3


def test_the_citizen_api_is_never_cached(client):
    response = client.get("/api/v1/ping")
    assert "X-Loa-Cache" not in response


def test_what_a_reader_stored_before_a_change_commits_goes_when_it_does(
    site_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publish_article(site_a, "Tin mới")
        # Another process serves a reader now: it still sees the page as before, and stores it.
        caches["pages"].set("stored-by-a-reader", "the page as it was before the publishing")
    assert caches["pages"].get("stored-by-a-reader") is None
