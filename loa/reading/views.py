"""robots.txt and sitemap.xml, answered for the site the request is addressed to."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_page
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

SITEMAP_CACHE_SECONDS = 60 * 15


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Everything may be crawled but the admin and the Loa channel's previews."""
    sitemap_url = request.build_absolute_uri(reverse("reading:sitemap"))
    return render(
        request, "reading/robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain"
    )


@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap_xml(request: HttpRequest) -> HttpResponse:
    """Wagtail's sitemap of the requesting site's live, public pages.

    Our own template, so that `django.contrib.sitemaps` need not be installed for its one file.
    """
    return wagtail_sitemap(request, template_name="reading/sitemap.xml")
