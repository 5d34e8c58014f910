"""Writing the search index: one `SearchEntry` per public record, replaced whenever it changes.

Everything that writes entries goes through here: the page signals (`loa.search.signals`), the
save and delete signals of registered providers (`loa.search.registry.register`), and the
`rebuild_search_index` command.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from wagtail.models import Page

from .models import SearchEntry
from .registry import SearchDocument, provider_for, providers
from .text import exact_key, words

SUMMARY_LENGTH = 400
BATCH = 1000


def _fields(document: SearchDocument) -> dict[str, Any]:
    return {
        "site_id": document.site_id,
        "kind": document.kind,
        "path": document.path,
        "published_at": document.published_at,
        "title": document.title,
        "summary": " ".join(document.summary.split())[:SUMMARY_LENGTH],
        "title_key": exact_key(document.title),
        "folded_title": " ".join(words(document.title)),
        "folded_text": " ".join(words(f"{document.title} {document.summary} {document.text}")),
    }


def _content_type(record: models.Model) -> ContentType:
    # A page is filed under Page whatever its type, so that a page id alone finds its entry.
    model = Page if isinstance(record, Page) else type(record)
    return ContentType.objects.get_for_model(model)


def save(record: models.Model, document: SearchDocument | None) -> None:
    """Store `record` as `document`, or drop it from the index when `document` is None."""
    content_type = _content_type(record)
    if document is None:
        SearchEntry.objects.filter(content_type=content_type, object_id=record.pk).delete()
        return
    page_id = record.pk if isinstance(record, Page) else None
    SearchEntry.objects.update_or_create(
        content_type=content_type,
        object_id=record.pk,
        defaults={**_fields(document), "page_id": page_id},
    )


def update_record(record: models.Model) -> None:
    """Re-read a record of a registered model, after it changed."""
    provider = provider_for(type(record))
    if provider is not None:
        save(record, provider.document(record))


def remove_record(record: models.Model) -> None:
    save(record, None)


def entries(pairs: Iterable[tuple[models.Model, SearchDocument]]) -> Iterator[SearchEntry]:
    """Unsaved entries for (record, document) pairs, for bulk insertion."""
    for record, document in pairs:
        yield SearchEntry(
            content_type=_content_type(record),
            object_id=record.pk,
            page_id=record.pk if isinstance(record, Page) else None,
            **_fields(document),
        )


def _insert(batch: Iterable[SearchEntry]) -> int:
    created = 0
    chunk: list[SearchEntry] = []
    for entry in batch:
        chunk.append(entry)
        if len(chunk) == BATCH:
            created += len(SearchEntry.objects.bulk_create(chunk))
            chunk = []
    if chunk:
        created += len(SearchEntry.objects.bulk_create(chunk))
    return created


@transaction.atomic
def rebuild() -> int:
    """Empty the index and fill it again from every public page and registered record.

    Runs in one transaction, so searches keep answering from the old index until it is done.
    Returns the number of entries written.
    """
    from .pages import public_page_documents

    SearchEntry.objects.all().delete()
    written = _insert(entries(public_page_documents()))
    for provider in providers():
        pairs = (
            (record, document)
            for record in provider.public()
            if (document := provider.document(record)) is not None
        )
        written += _insert(entries(pairs))
    return written
