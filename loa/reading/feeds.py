"""RSS feeds of a site's latest articles, whole or by section."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from loa.portal.pages import ArticlePage, SectionPage

FEED_LENGTH = 20


def requested_site_home(request: HttpRequest) -> Page:
    """The home page of the site the request is addressed to; 404 when no site answers."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site.root_page


class SiteArticlesFeed(Feed):
    """The latest articles of the whole site."""

    # One instance serves every request, so nothing per request is kept on it: addresses come
    # from Wagtail's cached site root paths rather than from the request.

    def get_object(self, request: HttpRequest, *args, **kwargs) -> Page:
        return requested_site_home(request)

    def title(self, obj: Page) -> str:
        return obj.title

    def link(self, obj: Page) -> str:
        return obj.full_url

    def description(self, obj: Page) -> str:
        return _("The latest news of %(site)s.") % {"site": obj.title}

    def items(self, obj: Page) -> list[ArticlePage]:
        articles = ArticlePage.objects.live().public().descendant_of(obj).defer_streamfields()
        return list(articles.order_by("-first_published_at")[:FEED_LENGTH])

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.lead

    def item_link(self, item: ArticlePage) -> str:
        return item.full_url

    def item_pubdate(self, item: ArticlePage):
        return item.first_published_at

    def item_updateddate(self, item: ArticlePage):
        return item.last_published_at

    def item_author_name(self, item: ArticlePage) -> str | None:
        return item.author or None


class SectionArticlesFeed(SiteArticlesFeed):
    """The latest articles of one section and its sub-sections, only on the section's own site."""

    def get_object(self, request: HttpRequest, section_id: int) -> SectionPage:
        home = requested_site_home(request)
        section = SectionPage.objects.live().descendant_of(home).filter(pk=section_id).first()
        if section is None:
            raise Http404
        section.site_home = home
        return section

    def title(self, obj: SectionPage) -> str:
        return f"{obj.title} – {obj.site_home.title}"

    def description(self, obj: SectionPage) -> str:
        return _("The latest articles of the section %(section)s.") % {"section": obj.title}
