"""What readers read: an article's total views and a site's most-read articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from loa.portal import tree
from loa.portal.pages import ArticlePage

from .models import DailyPageViews

MOST_READ_DAYS = 7
MOST_READ_LIMIT = 5
# The list changes only when views are flushed; a few minutes stale is fine and saves the query.
MOST_READ_CACHE_SECONDS = 300


@dataclass(frozen=True)
class MostReadItem:
    title: str
    url: str
    views: int


def total_views(page: Page) -> int:
    """Every flushed view of `page`, over all its days."""
    return DailyPageViews.objects.filter(page=page).aggregate(total=Sum("views"))["total"] or 0


def most_read(
    home: Page,
    request: HttpRequest | None = None,
    *,
    days: int = MOST_READ_DAYS,
    limit: int = MOST_READ_LIMIT,
) -> list[MostReadItem]:
    """The live articles of the site under `home` read most in the last `days` days, today included.

    Cached per site for a few minutes, so a page showing it costs no query most of the time.
    """
    key = most_read_key(home.pk, days, limit)
    items = cache.get(key)
    if items is None:
        items = _most_read(home, request, days=days, limit=limit)
        cache.set(key, items, timeout=MOST_READ_CACHE_SECONDS)
    return items


def most_read_key(home_id: int, days: int = MOST_READ_DAYS, limit: int = MOST_READ_LIMIT) -> str:
    return f"loa:reading:most-read:{home_id}:{days}:{limit}"


def forget_most_read(page: Page) -> None:
    """Drop the cached list of the site holding `page`: a withdrawn article leaves it now."""
    site = page.get_site()
    if site is not None:
        cache.delete(most_read_key(site.root_page_id))


def _most_read(
    home: Page, request: HttpRequest | None, *, days: int, limit: int
) -> list[MostReadItem]:
    since = timezone.localdate() - timedelta(days=days - 1)
    # Rank in the small table first (a range on `day`), then load only the winners.
    ranked = list(
        DailyPageViews.objects.filter(
            tree.below(home, inclusive=True, field="page__path"), day__gte=since, page__live=True
        )
        .values("page")
        .annotate(total=Sum("views"))
        .order_by("-total", "page")
        .values_list("page", "total")[: limit * 2]
    )
    totals = dict(ranked)
    articles = {
        article.pk: article
        for article in ArticlePage.objects.live()
        .public()
        .filter(pk__in=totals)
        .defer_streamfields()
    }
    return [
        MostReadItem(title=articles[pk].title, url=articles[pk].get_url(request), views=views)
        for pk, views in ranked
        if pk in articles
    ][:limit]
