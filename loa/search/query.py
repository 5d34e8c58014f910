"""Finding entries: every folded word of the query, through the database's full-text index.

People type Vietnamese with or without its diacritics ("phuong" for "phường", "d" for "đ"), so
entries are matched on folded words (`text.words`) on both sides: a result holds every word of
the query, in any order. The ranking then prefers what the person most likely meant:

0. titles that hold the query exactly as typed (case aside, diacritics kept),
1. titles that hold the query's folded words as a phrase,
2. everything else that matched (in the lead or the body),

and, within each rank, the newest first. The ranks are computed over the matches' ids, titles
and dates only, which SQLite reads from one narrow index; a page of results then reads its own
twenty entries in full (`page_of_results`). On 50,000 articles a word found in 20,000 of them
costs a few tens of milliseconds (bench/search.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import SearchEntry
from .text import WORD, exact_key, fold, words

MAX_TERMS = 12  # beyond this a query is a pasted paragraph; its first words are enough to find it

EXACT_TITLE, FOLDED_TITLE, ELSEWHERE = 0, 1, 2


def _matching(terms: list[str], site_ids: list[int]) -> QuerySet:
    entries = SearchEntry.objects.filter(site_id__in=site_ids)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        return entries.alias(document=SearchVector("folded_text", config="simple")).filter(
            document=SearchQuery(" ".join(terms), config="simple")
        )
    # Each term quoted, so no word can be read as an FTS5 operator; terms side by side must all
    # be present. The match is compared as `id + 0` so that SQLite cannot answer it by reading
    # each matching row by its primary key (long rows, thousands of them for a common word): it
    # walks the narrow "search_searchentry_ranking" index (migration 0002) of the sites in scope
    # instead, which holds every column that filtering and ranking read.
    expression = " ".join(f'"{term}"' for term in terms)
    return entries.alias(match_id=F("pk") + 0).filter(
        match_id__in=RawSQL(
            "SELECT rowid FROM search_searchentry_fts WHERE search_searchentry_fts MATCH %s",
            (expression,),
        )
    )


def search(
    text: str,
    site_ids: Collection[int],
    *,
    kind: str = "",
    since: datetime | None = None,
    before: datetime | None = None,
) -> QuerySet[SearchEntry]:
    """The entries of the sites `site_ids` that hold every word of `text`, best first.

    `kind` keeps one type of result; `since` and `before` bound the publication time (the first
    inclusive, the second exclusive). Nothing is found before its publication time: a draft for
    comment is indexed when saved and found from its opening. The query set is lazy: count it and
    slice it.
    """
    terms = words(text)[:MAX_TERMS]
    if not terms or not site_ids:
        return SearchEntry.objects.none()
    entries = _matching(terms, list(site_ids)).filter(published_at__lte=timezone.now())
    if kind:
        entries = entries.filter(kind=kind)
    if since is not None:
        entries = entries.filter(published_at__gte=since)
    if before is not None:
        entries = entries.filter(published_at__lt=before)
    rank = Case(
        When(title_key__contains=exact_key(text), then=Value(EXACT_TITLE)),
        When(folded_title__contains=" ".join(terms), then=Value(FOLDED_TITLE)),
        default=Value(ELSEWHERE),
        output_field=IntegerField(),
    )
    return entries.annotate(rank=rank).order_by("rank", "-published_at", "-pk")


def page_of_results(entries: QuerySet[SearchEntry], number, per_page: int) -> Page:
    """Page `number` of `entries` (from `search`), its entries read in full with their sites.

    The ranking is computed over the entries' ids only, which the database can read from an
    index; only the page's own entries are then read whole, in one more query.
    """
    page = Paginator(entries.values_list("pk", flat=True), per_page).get_page(number)
    ids = list(page.object_list)
    rows = SearchEntry.objects.select_related("site").defer(
        "title_key", "folded_title", "folded_text"
    ).in_bulk(ids)
    page.object_list = [rows[pk] for pk in ids]
    return page


def highlight(text: str, query: str) -> SafeString:
    """`text`, escaped, with every word that folds to a word of `query` wrapped in <mark>."""
    terms = set(words(query))
    text = unicodedata.normalize("NFC", text)  # a decomposed mark would split a word in two
    parts = []
    position = 0
    for match in WORD.finditer(text):
        parts.append(escape(text[position:match.start()]))
        word = match.group()
        parts.append(f"<mark>{escape(word)}</mark>" if fold(word) in terms else escape(word))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every piece of `text` went through escape() above
