"""The counts beside a bulletin, kept without a row that every reader updates.

A view adds one to a per-bulletin counter in the cache (an atomic increment in Redis); nothing
touches the database per view but the distinct-reader row. `flush_counters` then moves the buffered
views into `BulletinStats` in one transaction. Reactions and comments are durable rows of their own:
changing one only marks the bulletin, and the flush recounts its rows, so those two counts are exact
whatever the cache loses. The view count is an estimate: views buffered in a cache that restarts
before a flush are lost.

The flush runs from `manage.py flush_counters`, from the `flush_counters_task` task, and at most
every `FLUSH_EVERY` seconds from the feed, for the bulletins that process counted. With the default
local-memory cache every web process buffers its own views, and only the feed's flush (which runs
in that process) can see them; the command and the task are useful with a shared cache such as
Redis.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from datetime import timedelta

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    PositiveBigIntegerField,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from loa.bulletins.models import PublicationRequest

from .models import BulletinStats, Comment, CommentStatus, Reaction

logger = logging.getLogger(__name__)

FLUSH_EVERY = 10  # seconds between the feed's opportunistic flushes
# Views counted just before a bulletin's window closed are still flushed for this long after.
FLUSH_GRACE = timedelta(days=1)
FLUSH_LOCK = "loa:citizens:flush-lock"
BATCH = 500  # bulletins per UPDATE, well inside SQLite's limit on query parameters

# The bulletins this process counted a view of, or marked, since its last flush: what the feed's
# flush looks at. Looking through every live bulletin's counter instead costs a hundred
# milliseconds with ten thousand of them, in some reader's request.
_counted: set[int] = set()
_counted_lock = threading.Lock()


def view_key(request_id: int) -> str:
    return f"loa:citizens:views:{request_id}"


def touched_key(request_id: int) -> str:
    return f"loa:citizens:touched:{request_id}"


def count_view(request_id: int) -> None:
    """Count one view of a bulletin in the buffer."""
    key = view_key(request_id)
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:
        # Evicted between add and incr: this one view goes uncounted, the reader is still served.
        logger.info("View counter %s evicted before its increment", key)
    _remember(request_id)


def touch_interactions(request_id: int) -> None:
    """Mark a bulletin whose reactions or comments changed, for the next flush to recount."""
    cache.set(touched_key(request_id), 1, timeout=None)
    _remember(request_id)


def _remember(request_id: int) -> None:
    with _counted_lock:
        _counted.add(request_id)


def maybe_flush() -> None:
    """Flush what this process counted, unless some request of this cache flushed lately."""
    global _counted
    if not _counted or not cache.add(FLUSH_LOCK, 1, timeout=FLUSH_EVERY):
        return
    with _counted_lock:
        counted, _counted = _counted, set()
    try:
        flush_counters(counted)
    except DatabaseError:
        # The counts went back into the buffer; the reader's feed must not fail for them.
        with _counted_lock:
            _counted |= counted
        logger.exception("Flushing the citizen counters failed")


def flush_counters(request_ids: Iterable[int] | None = None) -> int:
    """Move buffered views into `BulletinStats` and recount marked bulletins; how many changed.

    The feed passes the bulletins its process counted; the command and the task pass nothing and
    look through every bulletin live now or lately, whichever process counted its views.
    """
    if request_ids is None:
        now = timezone.now()
        requests = PublicationRequest.objects.filter(
            starts_at__lte=now, ends_at__gt=now - FLUSH_GRACE
        )
    else:
        requests = PublicationRequest.objects.filter(pk__in=list(request_ids))
    candidates = list(requests.values_list("pk", flat=True))
    if not candidates:
        return 0
    buffered = cache.get_many(
        [view_key(pk) for pk in candidates] + [touched_key(pk) for pk in candidates]
    )
    views: dict[int, int] = {}
    for pk in candidates:
        delta = buffered.get(view_key(pk)) or 0
        if delta <= 0:
            continue
        # Claim what was read by subtracting it; views counted meanwhile stay in the buffer.
        try:
            cache.decr(view_key(pk), delta)
        except ValueError:
            continue  # evicted since the read: nothing left to claim
        views[pk] = delta
    touched = [pk for pk in candidates if touched_key(pk) in buffered]
    cache.delete_many([touched_key(pk) for pk in touched])
    if not views and not touched:
        return 0
    try:
        with transaction.atomic():
            _ensure_rows(views.keys() | set(touched))
            items = list(views.items())
            for start in range(0, len(items), BATCH):
                _add_views(dict(items[start : start + BATCH]))
            recount_interactions(touched)
    except Exception:
        # Give the claimed counts back, so that the next flush applies them.
        for pk, delta in views.items():
            cache.add(view_key(pk), 0, timeout=None)
            cache.incr(view_key(pk), delta)
            _remember(pk)
        for pk in touched:
            touch_interactions(pk)
        raise
    return len(views.keys() | set(touched))


def recount_interactions(request_ids: Iterable[int]) -> None:
    """Set the reaction and published-comment counts of these bulletins from their rows."""
    ids = list(request_ids)
    if not ids:
        return
    _ensure_rows(ids)
    reactions = (
        Reaction.objects.filter(request=OuterRef("pk"))
        .order_by()
        .values("request")
        .annotate(n=Count("pk"))
        .values("n")
    )
    comments = (
        Comment.objects.filter(request=OuterRef("pk"), status=CommentStatus.PUBLISHED)
        .order_by()
        .values("request")
        .annotate(n=Count("pk"))
        .values("n")
    )
    for start in range(0, len(ids), BATCH):
        BulletinStats.objects.filter(pk__in=ids[start : start + BATCH]).update(
            reactions=Coalesce(Subquery(reactions), 0), comments=Coalesce(Subquery(comments), 0)
        )


def _ensure_rows(request_ids: Iterable[int]) -> None:
    BulletinStats.objects.bulk_create(
        [BulletinStats(request_id=pk) for pk in request_ids], ignore_conflicts=True
    )


def _add_views(deltas: dict[int, int]) -> None:
    BulletinStats.objects.filter(pk__in=deltas).update(
        views=F("views")
        + Case(
            *(When(pk=pk, then=Value(delta)) for pk, delta in deltas.items()),
            default=Value(0),
            output_field=PositiveBigIntegerField(),
        )
    )
