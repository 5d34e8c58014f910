"""The portal home page's "news from member units" block."""

from __future__ import annotations

from django import template
from django.db.models import Prefetch
from wagtail.images import get_image_model

from loa.portal.pages import CARD_SPEC, PortalHomePage, SectionPage

from ..models import Proposal

register = template.Library()

UNIT_NEWS_LIMIT = 6


@register.inclusion_tag("syndication/includes/unit_news.html", takes_context=True)
def unit_news(
    context,
    portal: PortalHomePage,
    section: SectionPage | None = None,
    limit: int = UNIT_NEWS_LIMIT,
) -> dict:
    """The articles of member sites that `portal` accepted (into `section`, when given), newest
    accepted first, in three queries (proposals with their articles and sites, images, renditions)
    however many there are."""
    images = get_image_model().objects.prefetch_renditions(CARD_SPEC)
    proposals = Proposal.objects.shown_on(portal).prefetch_related(
        Prefetch("article__image", queryset=images)
    )
    if section is not None:
        proposals = proposals.filter(section=section)
    return {"request": context.get("request"), "proposals": list(proposals[:limit])}
