"""What a page tells search engines and social networks about itself (Open Graph, schema.org)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from loa.portal.pages import ArticlePage, SectionPage, SiteFrame

# Facebook and Zalo show a shared link's picture at 1.91:1; 1200 pixels wide stays sharp on phones.
SHARE_IMAGE_SPEC = "fill-1200x630"

# What `django.utils.html.json_script` escapes, so that the JSON can never close its <script>.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass
class Feed:
    title: str
    url: str


@dataclass
class PageMeta:
    url: str
    title: str
    description: str
    site_name: str
    kind: str  # the Open Graph type: "article" or "website"
    image_url: str = ""
    image_alt: str = ""
    published: datetime | None = None
    modified: datetime | None = None
    structured_data: SafeString | None = None
    feeds: list[Feed] = field(default_factory=list)


def page_meta(page: Page, request: HttpRequest, frame: SiteFrame | None) -> PageMeta | None:
    """The canonical address, Open Graph and schema.org data of a page; None without an address."""
    parts = page.get_url_parts(request)
    if parts is None:
        return None
    _site_id, root_url, path = parts
    url = f"{root_url}{path}"
    site_name = frame.home.title if frame else ""
    meta = PageMeta(
        url=url,
        title=page.seo_title or page.title,
        description=page.search_description,
        site_name=site_name,
        kind="website",
    )
    if frame:
        meta.feeds.append(
            Feed(_("%(site)s: latest news") % {"site": site_name}, reverse("reading:feed"))
        )
    if isinstance(page, SectionPage):
        section_feed = reverse("reading:section_feed", args=[page.pk])
        meta.feeds.append(Feed(f"{site_name}: {page.title}", section_feed))
    if isinstance(page, ArticlePage):
        meta.kind = "article"
        meta.description = page.search_description or page.lead
        meta.published, meta.modified = page.first_published_at, page.last_published_at
        if page.image:
            rendition = page.image.get_rendition(SHARE_IMAGE_SPEC)
            meta.image_url, meta.image_alt = urljoin(root_url + "/", rendition.url), page.image_alt
        meta.structured_data = json_ld(news_article(page, meta, frame, root_url))
    return meta


def news_article(page: ArticlePage, meta: PageMeta, frame: SiteFrame | None, root_url: str) -> dict:
    """The article as a schema.org `NewsArticle`, the publisher being the site's organization."""
    publisher = (
        {
            "@type": "Organization",
            "name": frame.home.organization.name_in(get_language()).text,
            "url": f"{root_url}/",
        }
        if frame
        else None
    )
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": meta.url,
        "headline": page.title,
        "description": page.lead,
        "image": [meta.image_url] if meta.image_url else [],
        "datePublished": meta.published,
        "dateModified": meta.modified or meta.published,
        "inLanguage": get_language(),
        "author": [{"@type": "Person", "name": page.author}] if page.author else [publisher],
        "publisher": publisher,
    }
    return {name: value for name, value in data.items() if value}


def json_ld(data: dict) -> SafeString:
    """A `<script type="application/ld+json">` element whose text cannot end the element early."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
