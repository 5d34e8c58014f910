"""The page cache: readers get a stored copy of a page instead of Wagtail rendering it again.

A province's portal is read far more than it is written, so anonymous readers' GET requests are
answered by wagtail-cache (`wagtailcache`) from the "pages" cache, keyed by host, path and query,
before Wagtail even looks for the site and the page: a cached page costs no database query.
Signed-in users, previews and responses marked private or no-cache are never stored; a page with a
form (and its CSRF token) is stored per visitor cookie, never shared.

Everything a reader sees can change when a page is published, unpublished, moved or deleted, or
when a record shown on the portal (a legal document, a procedure, a schedule, a question, an
accepted proposal, an organization, a site, an image already in use) is saved: any of these
clears the whole pages cache, whose backend renews the pages generation as it empties. What each
server process keeps of the portal in its own memory, to build the pages the cache misses, is
keyed by that generation and so left unread: each site's frame (`loa.portal.pages.SiteFrame`),
the fragments every reader of a page gets alike (`{% wagtailcache %}` in the templates) and the
pages found for addresses (`loa.portal.memory`). Publishing is
rare next to reading, and clearing everything is the one rule that cannot leave a stale list
behind. What changes with time alone (view counts, "most read", this week's schedule) is at most
`WAGTAIL_CACHE_TIMEOUT` seconds old, and is never part of a fragment.

The pages cache is a folder of files by default, so that the web server's processes share it and
a publish in one clears it for all; Redis when `REDIS_URL` is set. The generation lives in the
"shared" cache, which every process reads again at most once a second: another process's change
reaches the pages a process builds within that second.
"""

from __future__ import annotations

from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.http import HttpRequest, HttpResponse
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.views import serve
from wagtailcache.cache import cache_page

from .memory import routed

# Records that appear on portal pages: every model of these apps, and these models (a site's name
# and address are shown on the portal's list of member sites). A view restriction is no content,
# but a copy stored before it was set would go on being served to anyone.
PORTAL_CONTENT_APPS = ("legal", "procedures", "schedules", "questions", "syndication")
PORTAL_CONTENT_MODELS = ("orgs.Organization", "wagtailcore.Site", "wagtailcore.PageViewRestriction")

# Set on the response of every article page, and so kept with its cached copy: the view is counted
# when the page is served, whether Wagtail rendered it or the cache did.
ARTICLE_HEADER = "X-Loa-Article"


def counting_article_views(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Count a reader's view of an article whether or not the page came from the cache."""
    from loa.reading.counting import count_view, is_reader_view, maybe_flush

    def counted(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        article = response.get(ARTICLE_HEADER)
        if article and response.status_code == 200 and is_reader_view(request):
            count_view(int(article))
            maybe_flush()
        return response

    return counted


serve_page = counting_article_views(cache_page(routed(serve)))


def clear_pages(**kwargs) -> None:
    """Empty the pages cache now and, within a transaction, again once it commits: a reader served
    in between still saw what the transaction changes, and may have stored it."""
    _empty_pages_cache()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_empty_pages_cache)


def _empty_pages_cache() -> None:
    # Not wagtailcache's clear_cache(), which does nothing when whole pages are not cached. The
    # pages cache's backend renews the pages generation as it empties.
    caches[settings.WAGTAIL_CACHE_BACKEND].clear()


def connect_signals() -> None:
    # Every release runs migrate: what the old code kept there (pickled frames) goes with it.
    post_migrate.connect(
        clear_pages, sender=apps.get_app_config("portal"), dispatch_uid="loa-page-cache-migrate"
    )
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(clear_pages, dispatch_uid=f"loa-page-cache-{id(signal)}")
    # Deleting a page deletes its row in wagtailcore_page, whatever its type.
    post_delete.connect(
        clear_pages, sender="wagtailcore.Page", dispatch_uid="loa-page-cache-delete"
    )
    models = [apps.get_model(label) for label in PORTAL_CONTENT_MODELS]
    for label in PORTAL_CONTENT_APPS:
        models += apps.get_app_config(label).get_models()
    for model in models:
        post_save.connect(
            clear_pages, sender=model, dispatch_uid=f"loa-page-cache-{model._meta.label}"
        )
        post_delete.connect(
            clear_pages, sender=model, dispatch_uid=f"loa-page-cache-{model._meta.label}-delete"
        )
    # A changed or deleted image may leave stored pages pointing at renditions that are gone; a
    # new one is on no page yet.
    image_model = get_image_model()
    post_save.connect(_image_saved, sender=image_model, dispatch_uid="loa-page-cache-image")
    post_delete.connect(clear_pages, sender=image_model, dispatch_uid="loa-page-cache-image-delete")


def _image_saved(sender, created: bool = False, **kwargs) -> None:
    if not created:
        clear_pages()
