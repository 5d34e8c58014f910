"""Cached answers about units, invalidated whenever units change.

Every key carries a generation number kept in the cache; changing a unit bumps it, so all older
answers are simply never read again. With Redis (REDIS_URL) that is immediate on every server;
with the default per-process memory cache other workers notice within CACHE_SECONDS.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import AdminUnit

CACHE_SECONDS = 600
GENERATION_KEY = "units:generation"


def cache_key(*parts: str) -> str:
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    return ":".join(["units", str(generation), *parts])


def invalidate() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet: nothing cached under any generation
        cache.set(GENERATION_KEY, 1, None)


@receiver(post_save, sender=AdminUnit)
@receiver(post_delete, sender=AdminUnit)
def _unit_changed(sender, **kwargs) -> None:
    invalidate()
