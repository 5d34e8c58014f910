"""Wagtail's redirects (editors' old addresses pointing to new ones), for the portal's pages only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from wagtail.contrib.redirects.middleware import RedirectMiddleware

# Addresses that are never a page: the JSON API answers 404 for a bulletin the caller may not see,
# which no editor's redirect may turn into something else.
NOT_PAGES = ("/api/",)


class PageRedirectMiddleware(RedirectMiddleware):
    """Look a 404 up among the redirects unless it answers an API call.

    Wagtail's middleware reads the redirects table (twice with a query string) on every 404; the
    citizen API's 404s are answers, not moved pages, and come at the feed's rate.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path_info.startswith(NOT_PAGES):
            return response
        return super().process_response(request, response)
