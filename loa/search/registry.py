"""What search can find: the kinds of records, and the providers that describe them to the index.

Pages are described by `loa.search.pages`, from the `search_fields` their models already declare
for Wagtail. Another app makes its own records searchable in two steps, in its `AppConfig.ready()`:

    from loa.search.registry import Kind, register

    register(LegalDocumentProvider())

where the provider says which records are public and what each one shows::

    class LegalDocumentProvider:
        model = LegalDocument
        kind = Kind("legal_document", _("Legal documents"))

        def public(self):                        # every public record, for rebuilding the index
            return LegalDocument.objects.published().select_related("index_page")

        def document(self, record):              # None when this record must not be found
            if not record.is_published:
                return None
            return SearchDocument(site_id=..., path=..., title=record.summary, ...)

`register` indexes a record whenever it is saved and drops it when it is deleted; a record whose
`document()` is None (a draft, a withdrawn one) is dropped too. A page type of another app that
should be filtered under its own kind calls `register_page_kind(TheirPage, Kind(...))`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Kind:
    """A type of result people filter by: a short code for the address, a label for the form."""

    code: str
    label: str | Promise


@dataclass(frozen=True)
class SearchDocument:
    """A record as the index stores it. `path` is the record's address on its site."""

    site_id: int
    kind: str
    path: str
    title: str
    published_at: datetime
    summary: str = ""
    text: str = ""  # every other searchable word: body, lead, author, tags...


class Provider(Protocol):
    """Describes one model's records to the index.

    Records shown at the address of their site's section of a page type (the legal documents
    page, the procedures page...) name it as `section` and carry their site as `site` (a
    `MemberSite`): when that section is published, unpublished, moved or made private, the site's
    records are described again (`loa.search.signals`). Other providers leave `section` out.
    """

    model: type[models.Model]
    kind: Kind

    def public(self) -> Iterable[Any]: ...

    def document(self, record: Any) -> SearchDocument | None: ...


ARTICLE = Kind("article", pgettext_lazy("search", "Article"))
PAGE = Kind("page", pgettext_lazy("search", "Page"))

_kinds: dict[str, Kind] = {ARTICLE.code: ARTICLE, PAGE.code: PAGE}
_providers: dict[type[models.Model], Provider] = {}
_page_kinds: dict[type[models.Model], str] = {}


def register_kind(kind: Kind) -> None:
    _kinds.setdefault(kind.code, kind)


def kinds() -> list[Kind]:
    """The kinds of results, in the order they were registered (articles and pages first)."""
    return list(_kinds.values())


def register_page_kind(page_model: type[models.Model], kind: Kind) -> None:
    """File pages of `page_model` (and its subclasses) under `kind` instead of "page"."""
    register_kind(kind)
    _page_kinds[page_model] = kind.code


def page_kind(page: models.Model) -> str:
    for model, code in _page_kinds.items():
        if isinstance(page, model):
            return code
    return PAGE.code


def register(provider: Provider) -> None:
    """Make `provider.model`'s records searchable, and keep the index in step with their saves."""
    register_kind(provider.kind)
    _providers[provider.model] = provider
    uid = f"search_{provider.model._meta.label_lower}"
    post_save.connect(_saved, sender=provider.model, dispatch_uid=f"{uid}_saved", weak=False)
    post_delete.connect(_deleted, sender=provider.model, dispatch_uid=f"{uid}_deleted", weak=False)


def unregister(model: type[models.Model]) -> None:
    """Stop indexing `model`'s records (its entries stay until the next rebuild)."""
    provider = _providers.pop(model, None)
    in_use = {p.kind.code for p in _providers.values()} | set(_page_kinds.values())
    if provider is not None and provider.kind.code not in in_use | {PAGE.code}:
        _kinds.pop(provider.kind.code, None)
    uid = f"search_{model._meta.label_lower}"
    post_save.disconnect(sender=model, dispatch_uid=f"{uid}_saved")
    post_delete.disconnect(sender=model, dispatch_uid=f"{uid}_deleted")


def providers() -> list[Provider]:
    return list(_providers.values())


def provider_for(model: type[models.Model]) -> Provider | None:
    return _providers.get(model)


def _saved(sender, instance, **kwargs) -> None:
    from .index import update_record

    update_record(instance)


def _deleted(sender, instance, **kwargs) -> None:
    from .index import remove_record

    remove_record(instance)
