"""What each server process keeps of the portal in its own memory, to build the pages that the page
cache misses: the pages found for addresses, the rendered fragments (and, in `loa.portal.pages`,
each site's frame).

All of it is keyed by `PAGES_GENERATION`, which the pages cache's backend renews whenever it is
emptied (on every change, see `loa.portal.caching`); the process that made the change sees the new
generation at once, the others within a second. Kept in the process rather than in the shared page cache because
reading a file and unpickling what it holds, on every request, cost about as much as rendering the
fragment again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language
from django_redis.cache import RedisCache
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from loa.process_cache import ProcessCache, SharedGeneration

PAGES_GENERATION = SharedGeneration("loa:pages:generation", seconds=1)

KEPT_SECONDS = 3600
# Routes hold the page itself, its body included: some thousand pages are most of what is read.
ROUTES_KEPT = 1_000
# Fragments are bounded by their length: some 16 million characters, a few thousand pages' parts.
FRAGMENT_CHARACTERS = 16_000_000

_routes = ProcessCache(maxsize=ROUTES_KEPT, seconds=KEPT_SECONDS)
# Each host's site and home page, by (generation, host, port, language).
_homes = ProcessCache(maxsize=2_000, seconds=KEPT_SECONDS)
_fragments = ProcessCache(maxsize=FRAGMENT_CHARACTERS, seconds=KEPT_SECONDS, sizeof=len)


def routed(serve: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wagtail's `serve`, with the site and page of each address found once per generation.

    Wagtail finds a page one tree level at a time: the site by its host name, the site's home page
    in the reader's language, then each level's child by its slug and its specific row, some eight
    queries for an article. Routing is the same for every reader of an address, and every change
    to pages or sites renews the generation, so the route is kept with the site and page it found,
    and Wagtail's own `serve` (its view restrictions and hooks included) gets them as if it had
    found them itself. An address met for the first time is routed from its site's kept home page,
    as Wagtail would from the site's root page, sparing the first four of those queries.

    The page objects are then shared by every request of the process, which is safe only for page
    types that never change themselves while serving: those that say so with `keeps_route = True`
    (`loa.portal.pages.PortalPage`). Any other page is routed by Wagtail alone.
    """

    def serve_routed(request: HttpRequest, path: str) -> HttpResponse:
        where = (
            PAGES_GENERATION.current(),
            request._get_raw_host(),  # as Wagtail finds the site: without ALLOWED_HOSTS' check
            request.get_port(),
            get_language(),  # a site's home page differs by language
        )
        kept = _routes.get((*where, path))
        if kept is None:
            kept = _route(request, path, where)
        if kept is not None:
            request._wagtail_site, request._wagtail_route_for_request = kept
        return serve(request, path)

    return serve_routed


def _route(request: HttpRequest, path: str, where: tuple) -> tuple[Site, RouteResult] | None:
    """The site and route of an address not kept yet, kept now if its page allows it."""
    home = _homes.get(where)
    if home is None:
        route = Page.route_for_request(request, path)
        site = getattr(request, "_wagtail_site", None)
        if route is None or site is None:
            return None
        if getattr(site.root_page.specific_class, "keeps_route", False):
            _homes.set(where, (site, site.root_page.localized.specific))
    else:
        # What Page.route_for_request does, from the kept home page.
        site, root = home
        try:
            route = root.route(request, [component for component in path.split("/") if component])
        except Http404:
            route = None
        request._wagtail_site, request._wagtail_route_for_request = site, route
        if route is None:
            return None
    if not getattr(route.page, "keeps_route", False):
        return None
    kept = (site, route)
    _routes.set((*where, path), kept)
    return kept


class FragmentCache(BaseCache):
    """Django's cache API over this process's memory, for template fragments.

    It is the "template_fragments" cache, which `{% cache %}` and Wagtail's `{% wagtailcache %}` use
    by default. Fragments are kept as rendered, under the pages generation: a change to the portal
    leaves every fragment unread, in every process. `clear()` forgets this process's fragments only;
    `loa.portal.caching.clear_pages` is what makes all of them stale.
    """

    def __init__(self, location: str, params: dict[str, Any]) -> None:
        super().__init__(params)  # no location: the store is this module's, one per process

    def _key(self, key: str, version: int | None) -> tuple[str, str]:
        return (PAGES_GENERATION.current(), self.make_key(key, version))

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        return _fragments.get(self._key(key, version), default)

    def set(
        self, key: str, value: Any, timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        # Without a timeout, or "for ever", a fragment lives as long as the store keeps any.
        if timeout is DEFAULT_TIMEOUT:
            timeout = None
        if timeout is not None and timeout <= 0:
            self.delete(key, version)
            return
        _fragments.set(self._key(key, version), value, timeout)

    def add(
        self, key: str, value: Any, timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        if self.has_key(key, version):
            return False
        self.set(key, value, timeout, version)
        return True

    def has_key(self, key: str, version: int | None = None) -> bool:
        return _fragments.get(self._key(key, version), _ABSENT) is not _ABSENT

    def touch(self, key: str, timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        value = _fragments.get(self._key(key, version), _ABSENT)
        if value is _ABSENT:
            return False
        self.set(key, value, timeout, version)
        return True

    def delete(self, key: str, version: int | None = None) -> bool:
        return _fragments.delete(self._key(key, version))

    def clear(self) -> None:
        _fragments.clear()


_ABSENT = object()


class RenewsPagesGeneration:
    """For the backend of the "pages" cache: emptying it, by whatever means (a change to the portal,
    `migrate`, the admin's Cache screen, `clear_wagtail_cache`), also makes stale what every
    process keeps of the portal."""

    def clear(self) -> None:
        super().clear()
        PAGES_GENERATION.renew()


class FileBasedPagesCache(RenewsPagesGeneration, FileBasedCache):
    pass


class RedisPagesCache(RenewsPagesGeneration, RedisCache):
    pass


class LocMemPagesCache(RenewsPagesGeneration, LocMemCache):
    pass
