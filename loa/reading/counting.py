"""Views of articles, counted in the cache and moved into `DailyPageViews` in batches.

This is the Loa channel's approach (`loa.citizens.counters`): a view is one atomic increment of a
counter in the cache, nothing touches the database per view, and a flush claims what it read by
decrementing the counter, giving the claim back when its write fails. One difference: the channel's
flush looks up every live bulletin's counter, as there are a few thousand; the portal's articles
number hundreds of thousands across the member sites, so the first view of a page on a day also
writes the counter's name into a journal in the cache, and the flush reads only the journal.

A counter is journalled when its increment returns 1 (its first view since it was last claimed)
and, as a safety net, every `REJOURNAL_EVERY` views: a journal entry read by a flush in the instant
between the slot being numbered and written is skipped, and the net picks that counter up again.
The count is an estimate, like the channel's: views buffered in a cache that restarts before a
flush are lost.

The flush runs from `manage.py flush_page_views`, from the `flush_page_views_task` task, and at
most every `FLUSH_EVERY` seconds after a counted view. With the default local-memory cache every
web process buffers its own views and only its own requests can flush them; the command and the
task are useful with a shared cache such as Redis.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from datetime import date, timedelta

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Case, F, PositiveBigIntegerField, Value, When
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from .models import DailyPageViews

logger = logging.getLogger(__name__)

FLUSH_EVERY = 10  # seconds between the opportunistic flushes after a counted view
FLUSH_THROTTLE = "loa:reading:flushed-recently"
FLUSH_LOCK = "loa:reading:flushing"
FLUSH_LOCK_TIMEOUT = 120  # a flush that died holding the lock frees it after this long
COUNTER_TIMEOUT = int(timedelta(days=3).total_seconds())  # a day's counter outlives its day
REJOURNAL_EVERY = 64
JOURNAL_END = "loa:reading:journal:end"  # the number of the last slot written
JOURNAL_START = "loa:reading:journal:start"  # the first slot no flush has read yet
BATCH = 500  # rows per UPDATE, well inside SQLite's limit on query parameters

# Browsers announce themselves as "Mozilla/..."; crawlers, link previewers, monitors and scripts
# either do not, or name themselves in it (most with a "+http://..." address to their owner).
BROWSER = re.compile(r"^Mozilla/")
NOT_A_READER = re.compile(
    r"bot|crawl|spider|slurp|facebookexternalhit|preview|headless|lighthouse|monitor|http|curl|wget|python",
    re.IGNORECASE,
)


def counter_key(page_id: int, day: date) -> str:
    return f"loa:reading:views:{page_id}:{day.isoformat()}"


def slot_key(number: int) -> str:
    return f"loa:reading:journal:{number}"


def is_reader_view(request: HttpRequest) -> bool:
    """Whether this request is a person reading a published page, worth a view.

    Not a HEAD or any other method than GET, not a robot by its User-Agent, and not someone who
    works in the admin (editors checking their own pages). Previews are never served through
    `Page.serve`'s hooks, so they never get here.
    """
    if request.method != "GET":
        return False
    agent = request.headers.get("User-Agent", "")
    if not BROWSER.match(agent) or NOT_A_READER.search(agent):
        return False
    user = getattr(request, "user", None)
    return not (user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def count_view(page_id: int, day: date | None = None) -> None:
    """Count one view of a page in the buffer, on `day` (today by default)."""
    day = day or timezone.localdate()
    key = counter_key(page_id, day)
    cache.add(key, 0, timeout=COUNTER_TIMEOUT)
    try:
        views = cache.incr(key)
    except ValueError:
        # Evicted between add and incr: this one view goes uncounted, the reader is still served.
        logger.info("View counter %s evicted before its increment", key)
        return
    if views == 1 or views % REJOURNAL_EVERY == 0:
        _journal(page_id, day)


def maybe_flush() -> None:
    """Flush unless some request of this cache did so in the last `FLUSH_EVERY` seconds."""
    if not cache.add(FLUSH_THROTTLE, 1, timeout=FLUSH_EVERY):
        return
    try:
        flush_page_views()
    except DatabaseError:
        # The views went back into the buffer; the reader's page must not fail for them.
        logger.exception("Flushing the page views failed")


def flush_page_views() -> int:
    """Move the buffered views into `DailyPageViews`; how many (page, day) rows changed.

    One flush at a time: two flushes reading the same counter would both claim it.
    """
    if not cache.add(FLUSH_LOCK, 1, timeout=FLUSH_LOCK_TIMEOUT):
        return 0
    try:
        return _flush()
    finally:
        cache.delete(FLUSH_LOCK)


def _journal(page_id: int, day: date) -> None:
    cache.add(JOURNAL_END, 0, timeout=None)
    try:
        number = cache.incr(JOURNAL_END)
    except ValueError:
        return  # evicted meanwhile; the counter is journalled again at its next REJOURNAL_EVERY
    cache.set(slot_key(number), (page_id, day.isoformat()), timeout=COUNTER_TIMEOUT)


def _read_journal() -> set[tuple[int, date]]:
    end = cache.get(JOURNAL_END) or 0
    start = cache.get(JOURNAL_START) or 1
    if start > end + 1:
        start = 1  # the journal's end was evicted and numbering began again
    if start > end:
        return set()
    slots = [slot_key(number) for number in range(start, end + 1)]
    entries = cache.get_many(slots)
    cache.set(JOURNAL_START, end + 1, timeout=None)
    cache.delete_many(slots)
    return {(page_id, date.fromisoformat(day)) for page_id, day in entries.values()}


def _flush() -> int:
    names = {counter_key(page_id, day): (page_id, day) for page_id, day in _read_journal()}
    if not names:
        return 0
    claimed: dict[tuple[int, date], int] = {}
    for key, delta in cache.get_many(list(names)).items():
        if not delta or delta <= 0:
            continue
        # Claim what was read by subtracting it; views counted meanwhile stay in the buffer.
        try:
            left = cache.decr(key, delta)
        except ValueError:
            continue  # evicted since the read: nothing left to claim
        claimed[names[key]] = delta
        if left > 0:
            # Views counted between the read and the claim did not journal their counter.
            _journal(*names[key])
    if not claimed:
        return 0
    try:
        with transaction.atomic():
            return _add_views(claimed)
    except Exception:
        # Give the claimed views back, so that the next flush applies them.
        for (page_id, day), delta in claimed.items():
            key = counter_key(page_id, day)
            cache.add(key, 0, timeout=COUNTER_TIMEOUT)
            cache.incr(key, delta)
            _journal(page_id, day)
        raise


def _add_views(claimed: dict[tuple[int, date], int]) -> int:
    # Views of a page deleted since they were counted have no row to go to.
    pages = set(
        Page.objects.filter(pk__in={page_id for page_id, _ in claimed}).values_list("pk", flat=True)
    )
    by_day: dict[date, dict[int, int]] = defaultdict(dict)
    for (page_id, day), delta in claimed.items():
        if page_id in pages:
            by_day[day][page_id] = delta
    DailyPageViews.objects.bulk_create(
        [
            DailyPageViews(page_id=page_id, day=day)
            for day, deltas in by_day.items()
            for page_id in deltas
        ],
        ignore_conflicts=True,
        batch_size=BATCH,
    )
    for day, deltas in by_day.items():
        items = list(deltas.items())
        for start in range(0, len(items), BATCH):
            batch = dict(items[start : start + BATCH])
            DailyPageViews.objects.filter(day=day, page_id__in=batch).update(
                views=F("views")
                + Case(
                    *(When(page_id=page_id, then=Value(delta)) for page_id, delta in batch.items()),
                    default=Value(0),
                    output_field=PositiveBigIntegerField(),
                )
            )
    return sum(len(deltas) for deltas in by_day.values())
