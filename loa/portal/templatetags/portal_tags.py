"""Template helpers of the portal's public pages."""

from __future__ import annotations

from django import template
from django.utils import timezone, translation
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page

from loa.orgs.models import LocalName, Organization

register = template.Library()


@register.simple_tag
def local_name(organization: Organization) -> LocalName:
    """The organization's name in the page's language (`Organization.name_in`)."""
    return organization.name_in(translation.get_language())


@register.filter
def is_within(page: Page | None, ancestor: Page) -> bool:
    """Whether `page` lies below `ancestor` in the tree (for the menu's current section)."""
    if page is None or not getattr(page, "path", None):
        return False
    return page.depth > ancestor.depth and page.path.startswith(ancestor.path)


@register.simple_tag
def stored_embed(url: str) -> Embed | None:
    """The embed Wagtail fetched for `url` when the editor saved it, without fetching it again.

    Wagtail's own `{% embed %}` asks the provider when its copy is missing, which would make a
    reader wait on YouTube (or on a network timeout, offline); the template shows a plain link
    instead.
    """
    if not url:
        return None
    return (
        Embed.objects.exclude(cache_until__lte=timezone.now())
        .filter(hash=get_embed_hash(url))
        .first()
    )
