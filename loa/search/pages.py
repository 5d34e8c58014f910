"""Pages as search documents: every live, public portal page, described by its own `search_fields`.

Page models already declare their searchable fields for Wagtail (`index.SearchField("body")`...),
so the index reads those declarations instead of keeping a second list: a page type added by
another app is searchable as soon as it subclasses `PortalPage`, and is filed as a "page" unless
its app calls `registry.register_page_kind`.

A page is public when it is live, has no view restriction on itself or an ancestor (password,
login, groups), and has an address on a site.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from django.db.models import Manager
from django.utils import timezone
from django.utils.encoding import force_str
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search import index

from loa.portal.pages import ArticlePage, PortalPage

from .registry import ARTICLE, SearchDocument, page_kind, register_page_kind

SUMMARY_FROM_TEXT = 300
ROWS_PER_FETCH = 2000

register_page_kind(ArticlePage, ARTICLE)


def _strings(value) -> Iterator[str]:
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    else:
        yield force_str(value)


def _texts(record, search_fields: Iterable) -> Iterator[str]:
    for field in search_fields:
        if isinstance(field, index.RelatedFields):
            value = field.get_value(record)
            related = value.all() if isinstance(value, Manager) else [value]
            for item in related:
                if item is not None:
                    yield from _texts(item, field.fields)
        elif isinstance(field, index.SearchField) and field.field_name != "title":
            yield from _strings(field.get_value(record))


def page_document(
    page: Page, restricted_paths: Sequence[str] | None = None
) -> SearchDocument | None:
    """`page` (of its specific type) as the index stores it, or None when it must not be found.

    `restricted_paths`, the tree paths of every view-restricted page, saves a query per page when
    many pages are described at once.
    """
    if not page.live or not isinstance(page, PortalPage):
        return None
    if restricted_paths is None:
        if page.get_view_restrictions().exists():
            return None
    elif any(page.path.startswith(path) for path in restricted_paths):
        return None
    url_parts = page.get_url_parts()
    if url_parts is None:  # not under any site's root page
        return None
    site_id, _root_url, path = url_parts
    text = " ".join(part for part in _texts(page, page.get_search_fields()) if part)
    summary = page.search_description or getattr(page, "lead", "") or text[:SUMMARY_FROM_TEXT]
    return SearchDocument(
        site_id=site_id,
        kind=page_kind(page),
        path=path,
        title=page.title,
        published_at=page.first_published_at or page.last_published_at or timezone.now(),
        summary=summary,
        text=text,
    )


def _restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public_page_documents() -> Iterator[tuple[Page, SearchDocument]]:
    """Every public portal page with its document, one page type at a time, related rows
    (tags...) prefetched, so that indexing fifty thousand pages costs a few hundred queries."""
    restricted = _restricted_paths()
    for model in get_page_models():
        if not issubclass(model, PortalPage) or model._meta.abstract:
            continue
        pages = model.objects.live().exact_type(model)
        for field in model.get_search_fields():
            if isinstance(field, index.RelatedFields):
                pages = field.select_on_queryset(pages)
        for page in pages.iterator(chunk_size=ROWS_PER_FETCH):
            document = page_document(page, restricted)
            if document is not None:
                yield page, document


def subtree_documents(page: Page) -> Iterator[tuple[Page, SearchDocument | None]]:
    """`page` and every page below it, each with its document (None for those not public)."""
    restricted = _restricted_paths()
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        yield descendant, page_document(descendant, restricted)


def section_path(page_model: type[Page], site) -> str | None:
    """The address on `site` of its section of type `page_model` (its legal documents, its
    procedures...), or None when it has none the public can see (not made, unpublished, private).

    Records that are not pages are found at their section's address; without a public section they
    are not found at all.
    """
    section = page_model.objects.live().descendant_of(site.root_page).order_by("path").first()
    document = page_document(section) if section is not None else None
    if document is None or document.site_id != site.pk:
        return None
    return document.path
