"""Template tags of the reading app: page metadata, view counts, the most-read list, sharing."""

from __future__ import annotations

from django import template
from django.utils import numberformat
from django.utils.formats import get_format
from wagtail.models import Page

from loa.reading.meta import PageMeta, page_meta
from loa.reading.popularity import MostReadItem, most_read, total_views
from loa.reading.sharing import facebook_share_url, zalo_share_url

register = template.Library()


@register.simple_tag(takes_context=True, name="page_meta")
def page_meta_tag(context) -> PageMeta | None:
    """The current page's canonical address and sharing data; None outside a Wagtail page."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or request is None:
        return None
    return page_meta(page, request, context.get("frame"))


@register.filter
def grouped(number: int) -> str:
    """A count with its thousands grouped the reader's way: 1.234 in Vietnamese, 1,234 in English.

    Django's `intcomma` groups by the locale's NUMBER_GROUPING, which Vietnamese leaves unset.
    """
    return numberformat.format(
        number,
        get_format("DECIMAL_SEPARATOR"),
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


@register.simple_tag
def view_count(page: Page) -> int:
    return total_views(page)


@register.simple_tag(takes_context=True)
def most_read_articles(context) -> list[MostReadItem]:
    """The most-read articles of the site the current page belongs to."""
    frame = context.get("frame")
    if frame is None:
        return []
    return most_read(frame.home, context.get("request"))


@register.inclusion_tag("reading/share.html")
def share_links(url: str) -> dict:
    return {"facebook_url": facebook_share_url(url), "zalo_url": zalo_share_url(url)}
