"""Background jobs of the reading app, run by the django-tasks worker."""

from __future__ import annotations

from django_tasks import task

from .counting import flush_page_views


@task()
def flush_page_views_task() -> int:
    """Move buffered page views into `DailyPageViews`; a scheduler may enqueue this every minute."""
    return flush_page_views()
