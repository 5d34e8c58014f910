"""The most-read list: the site's own live articles, by views over the last week."""

from datetime import timedelta

import pytest
from django.utils import timezone

from loa.reading.models import DailyPageViews
from loa.reading.popularity import most_read

from .conftest import publish_article

pytestmark = pytest.mark.django_db


def views(page, count: int, days_ago: int = 0) -> None:
    DailyPageViews.objects.create(
        page=page, day=timezone.localdate() - timedelta(days=days_ago), views=count
    )


def test_most_read_ranks_a_week_of_views_on_the_site_alone(site_a, site_b):
    quiet = publish_article(site_a, "Họp báo định kỳ")
    popular = publish_article(site_a, "Lịch cắt điện tuần này")
    old_hit = publish_article(site_a, "Kết quả thi tuyển năm ngoái")
    withdrawn = publish_article(site_a, "Bài đã gỡ")
    elsewhere = publish_article(site_b, "Tin của phường khác")
    views(quiet, 3)
    views(popular, 40, days_ago=1)
    views(popular, 5, days_ago=6)
    views(old_hit, 900, days_ago=7)  # a week and a day ago: out of the window
    views(withdrawn, 500)
    withdrawn.unpublish()
    views(elsewhere, 10_000)

    ranked = most_read(site_a.home)
    assert [(item.title, item.views) for item in ranked] == [
        ("Lịch cắt điện tuần này", 45),
        ("Họp báo định kỳ", 3),
    ]
    assert ranked[0].url == popular.full_url
    assert [item.title for item in most_read(site_b.home)] == ["Tin của phường khác"]


def test_most_read_is_shown_beside_the_article_and_on_the_home_page(client, site_a, site_b):
    article = publish_article(site_a, "Đường Võ Thị Sáu thông xe")
    views(article, 1234)
    views(publish_article(site_b, "Tin riêng của site B"), 99_999)
    for page in (article, site_a.home):
        html = client.get(page.url, HTTP_HOST=site_a.hostname).content.decode()
        listed = html[html.index('<h2 id="most-read-title"') :]
        assert f'<a href="{article.get_url_parts()[2]}">Đường Võ Thị Sáu thông xe</a>' in listed
        assert '<span class="meta">1.234 ' in listed  # grouped the Vietnamese way
        assert "Tin riêng của site B" not in html


def test_an_article_shows_its_views_grouped_the_vietnamese_way(client, site_a):
    article = publish_article(site_a, "Bài nhiều người đọc")
    views(article, 1000, days_ago=30)
    views(article, 234)
    html = client.get(article.url, HTTP_HOST=site_a.hostname).content.decode()
    assert '<span class="views">1.234 ' in html


def test_a_site_with_no_views_shows_no_list(client, site_a):
    html = client.get(
        publish_article(site_a, "Bài mới").url, HTTP_HOST=site_a.hostname
    ).content.decode()
    assert "most-read-title" not in html and 'class="views"' not in html


def test_a_withdrawn_article_leaves_the_cached_list_at_once(site_a):
    article = publish_article(site_a, "Bài sẽ bị gỡ")
    views(article, 50)
    assert [item.title for item in most_read(site_a.home)] == ["Bài sẽ bị gỡ"]
    article.unpublish()
    assert most_read(site_a.home) == []
