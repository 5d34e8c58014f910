"""Demo readership: a week of views of the demo sites' articles, for "most read" to rank."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from loa.portal.pages import ArticlePage

from .models import DailyPageViews

DEMO_DAYS = 7


def load_reading_demo() -> int:
    """Give every live article of the demo sites a week of daily views; how many rows were created.

    The numbers are made up but steady (the earlier an article was published on its site, the
    more it has been read), so the most-read list looks the same on every machine. A second run
    on the same day creates nothing.
    """
    today = timezone.localdate()
    created = 0
    for site in Site.objects.select_related("root_page"):
        articles = (
            ArticlePage.objects.live()
            .descendant_of(site.root_page)
            .order_by("first_published_at", "pk")
        )
        for rank, article in enumerate(articles):
            for days_ago in range(DEMO_DAYS):
                base = max(40, 1800 - rank * 230)
                _row, made = DailyPageViews.objects.get_or_create(
                    page=article,
                    day=today - timedelta(days=days_ago),
                    defaults={"views": base // (days_ago + 1) + 17 * rank},
                )
                created += made
    return created
