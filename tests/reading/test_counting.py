"""Views are counted in the cache and written in batches, and only readers' views count."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from loa.orgs.roles import Role
from loa.reading.counting import FLUSH_THROTTLE, count_view, flush_page_views
from loa.reading.models import DailyPageViews
from loa.reading.popularity import total_views
from loa.reading.tasks import flush_page_views_task

from .conftest import BROWSER, GOOGLEBOT, publish_article

pytestmark = pytest.mark.django_db


def hold_opportunistic_flush():
    """Keep readers' requests from flushing, as if one had just done it."""
    cache.set(FLUSH_THROTTLE, 1, timeout=60)


def test_views_write_nothing_until_the_flush_adds_them_up(site_a):
    article = publish_article(site_a, "Khai trương bến xe mới")
    with CaptureQueriesContext(connection) as captured:
        for _ in range(25):
            count_view(article.pk)
    assert len(captured) == 0
    assert not DailyPageViews.objects.exists()

    assert flush_page_views() == 1
    row = DailyPageViews.objects.get()
    assert (row.page_id, row.day, row.views) == (article.pk, timezone.localdate(), 25)
    assert flush_page_views() == 0  # nothing new: nothing written

    for _ in range(5):
        count_view(article.pk)
    flush_page_views()
    assert DailyPageViews.objects.get().views == 30  # the same day's row, added to


def test_each_day_has_its_own_row(site_a):
    article = publish_article(site_a, "Lịch tiếp công dân")
    today = timezone.localdate()
    count_view(article.pk, today - timedelta(days=1))
    count_view(article.pk, today)
    count_view(article.pk, today)
    assert flush_page_views() == 2
    assert dict(DailyPageViews.objects.values_list("day", "views")) == {
        today - timedelta(days=1): 1,
        today: 2,
    }
    assert total_views(article) == 3


def test_a_page_counted_often_stays_journalled_and_is_never_lost(site_a):
    article = publish_article(site_a, "Tuyển dụng công chức")
    for _round in range(3):
        for _ in range(70):  # past the re-journalling mark, so the journal holds it twice
            count_view(article.pk)
        flush_page_views()
    assert total_views(article) == 210


def test_views_of_a_deleted_page_are_dropped(site_a):
    kept = publish_article(site_a, "Bài giữ lại")
    deleted = publish_article(site_a, "Bài bị xóa")
    count_view(kept.pk)
    count_view(deleted.pk)
    deleted.delete()
    assert flush_page_views() == 1
    assert DailyPageViews.objects.get().page_id == kept.pk


def test_readers_views_are_counted_through_serving(site_a, read):
    article = publish_article(site_a, "Hội nghị tổng kết năm")
    hold_opportunistic_flush()
    for _ in range(3):
        assert read(site_a, article).status_code == 200
    assert not DailyPageViews.objects.exists()
    flush_page_views()
    assert total_views(article) == 3


def test_a_reader_flushes_at_most_every_few_seconds(site_a, read):
    article = publish_article(site_a, "Thông báo nghỉ lễ")
    read(site_a, article)  # the first counted view flushes, itself included
    assert total_views(article) == 1
    read(site_a, article)
    assert total_views(article) == 1  # buffered until the next flush


def test_robots_heads_previews_and_editors_are_not_readers(client, site_a):
    article = publish_article(site_a, "Bài kiểm tra lượt xem")
    url, host = article.url, site_a.hostname
    client.get(url, HTTP_HOST=host, HTTP_USER_AGENT=GOOGLEBOT)
    client.get(url, HTTP_HOST=host, HTTP_USER_AGENT="facebookexternalhit/1.1")
    client.get(url, HTTP_HOST=host, HTTP_USER_AGENT="curl/8.5.0")
    client.get(url, HTTP_HOST=host)  # no User-Agent at all
    client.head(url, HTTP_HOST=host, HTTP_USER_AGENT=BROWSER)
    editor = site_a.staff(Role.PORTAL_EDITOR)
    client.force_login(editor)
    assert client.get(url, HTTP_HOST=host, HTTP_USER_AGENT=BROWSER).status_code == 200
    preview = client.get(
        reverse("wagtailadmin_pages:view_draft", args=[article.pk]), HTTP_USER_AGENT=BROWSER
    )
    assert preview.status_code == 200
    assert flush_page_views() == 0
    assert total_views(article) == 0


def test_serving_an_article_costs_the_same_queries_counted_or_not(client, site_a, read):
    articles = [publish_article(site_a, f"Bài số {number}") for number in range(3)]
    article = articles[0]
    read(site_a, article)  # renditions are made, and the most-read list cached, on the first view
    hold_opportunistic_flush()

    def queries(**headers) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.url, HTTP_HOST=site_a.hostname, **headers).status_code == 200
        return len(captured)

    as_robot = queries(HTTP_USER_AGENT=GOOGLEBOT)
    as_reader = queries(HTTP_USER_AGENT=BROWSER)
    assert as_reader == as_robot  # counting touches only the cache
    for number in range(3, 15):
        count_view(publish_article(site_a, f"Bài số {number}").pk)
    flush_page_views()
    queries(HTTP_USER_AGENT=GOOGLEBOT)  # the new articles' card renditions are made
    assert (
        queries(HTTP_USER_AGENT=BROWSER) == as_reader
    )  # more articles and more views: no more queries


def test_a_flush_costs_the_same_queries_for_few_pages_or_many(site_a):
    articles = [publish_article(site_a, f"Bài số {number}") for number in range(30)]

    def flush_queries(pages) -> int:
        for page in pages:
            count_view(page.pk)
        with CaptureQueriesContext(connection) as captured:
            assert flush_page_views() == len(pages)
        return len(captured)

    assert flush_queries(articles[:2]) == flush_queries(articles)


def test_the_command_and_the_task_flush(site_a):
    article = publish_article(site_a, "Bài thử lệnh")
    count_view(article.pk)
    call_command("flush_page_views")
    count_view(article.pk)
    flush_page_views_task.enqueue()
    assert total_views(article) == 2
