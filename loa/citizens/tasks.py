"""Background jobs of the citizen API, run by the django-tasks worker."""

from __future__ import annotations

from django_tasks import task

from .counters import flush_counters


@task()
def flush_counters_task() -> int:
    """Move buffered counts into `BulletinStats`; a scheduler may enqueue this every few seconds."""
    return flush_counters()
