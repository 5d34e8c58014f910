"""Template context that every portal template may use."""

from __future__ import annotations

from django.http import HttpRequest

from .pages import FRAGMENT_CACHE_SECONDS


def fragment_cache(request: HttpRequest) -> dict[str, int]:
    """How long `{% wagtailcache fragment_seconds ... %}` keeps a fragment at most."""
    return {"fragment_seconds": FRAGMENT_CACHE_SECONDS}
