"""Which bulletins a citizen sees: the targeting rule of `loa.bulletins.audience`, as one query.

The feed reads only `AudienceTarget`, the small indexed table of (area, window, audience) rows
written when a request is approved; nothing is ever fanned out per citizen. Pages are cut by keyset
on (published_at, request id), newest first, so a page costs the same however deep it lies and a
bulletin published meanwhile neither repeats nor skips an item.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from datetime import datetime

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone

from loa.bulletins.audience import FEED_GENERATION_KEY, citizen_area_ids
from loa.bulletins.models import AudienceTarget, Gender, State

from .tokens import VerifiedCitizen

# How long a page, and whether a bulletin may be opened, is shared by the citizens of one cohort.
# Approving or withdrawing a bulletin bumps the feed generation at once in the process that does
# it (in every process with Redis); other local-memory caches catch up within this many seconds,
# as when a window opens or ends.
FEED_CACHE_SECONDS = 15

# The largest id a database integer column holds; larger ids cannot name a bulletin.
MAX_ID = 2**63 - 1

Cursor = tuple[datetime, int]


class InvalidCursor(ValueError):
    pass


def encode_cursor(moment: datetime, pk: int) -> str:
    """An opaque token for the position after (moment, pk)."""
    raw = f"{moment.isoformat()}|{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> Cursor:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment_text, pk_text = raw.split("|")
        moment, pk = datetime.fromisoformat(moment_text), int(pk_text)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidCursor(cursor) from exc
    if timezone.is_naive(moment) or not 0 < pk <= MAX_ID:
        raise InvalidCursor(cursor)
    return moment, pk


def feed_generation() -> int:
    """The number that approving or withdrawing a bulletin bumps: part of every shared key."""
    return cache.get_or_set(FEED_GENERATION_KEY, 1, None)


def cohort(citizen: VerifiedCitizen) -> str:
    """What decides which bulletins a citizen sees, besides the time: areas, age today, gender."""
    areas = ",".join(map(str, sorted(citizen_area_ids(citizen.communes))))
    return f"{areas}|{citizen.age_on(timezone.localdate())}|{citizen.gender}"


def feed_cache_key(citizen: VerifiedCitizen, limit: int, cursor: str | None, host: str) -> str:
    """The key of a feed page shared by citizens of the same areas, age and gender."""
    page = f"{cohort(citizen)}|{limit}|{cursor or ''}|{host}"
    return f"loa:feed:{feed_generation()}:{hashlib.sha256(page.encode()).hexdigest()}"


def live_targets(citizen: VerifiedCitizen) -> QuerySet[AudienceTarget]:
    """Target rows, live now, whose area and audience include this citizen."""
    now = timezone.now()
    age = citizen.age_on(timezone.localdate(now))  # ages turn at midnight in Vietnam
    gender = {"for_male": True} if citizen.gender == Gender.MALE else {"for_female": True}
    return AudienceTarget.objects.filter(
        unit_id__in=citizen_area_ids(citizen.communes),
        starts_at__lte=now,
        ends_at__gt=now,
        age_min__lte=age,
        age_max__gte=age,
        request__state=State.APPROVED,
        **gender,
    )


def feed_page(
    citizen: VerifiedCitizen, limit: int, cursor: Cursor | None = None
) -> tuple[list[tuple[int, datetime]], str | None]:
    """One page of (request id, published_at), newest first, and the cursor of the next page."""
    targets = live_targets(citizen)
    if cursor is not None:
        moment, pk = cursor
        targets = targets.filter(
            Q(published_at__lt=moment) | Q(published_at=moment, request_id__lt=pk)
        )
    # A bulletin has one row per area; two of the citizen's areas may both carry it.
    rows = list(
        targets.values_list("request_id", "published_at")
        .distinct()
        .order_by("-published_at", "-request_id")[: limit + 1]
    )
    page = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        last_id, last_moment = page[-1]
        next_cursor = encode_cursor(last_moment, last_id)
    return page, next_cursor


def visible_published_at(citizen: VerifiedCitizen, request_id: int) -> datetime | None:
    """When a bulletin was published, if it is live and targeted at this citizen; else None."""
    window = _live_window(citizen, request_id)
    return window[0] if window else None


def shared_visible_published_at(citizen: VerifiedCitizen, request_id: int) -> datetime | None:
    """`visible_published_at`, remembered for the citizen's cohort as long as a feed page is.

    Citizens open the bulletins of the feed page they were just shown, a page shared by their
    cohort: the answer is the same for all of them until the feed generation changes. The end of
    the window is remembered with it, so a bulletin closes on time all the same. Only a yes is
    remembered, so that asking for ids that do not exist cannot fill the cache (and push buffered
    view counts out of it).
    """
    digest = hashlib.sha256(cohort(citizen).encode()).hexdigest()
    key = f"loa:visible:{feed_generation()}:{request_id}:{digest}"
    window = cache.get(key)
    if window is None:
        window = _live_window(citizen, request_id)
        if window is None:
            return None
        cache.set(key, window, FEED_CACHE_SECONDS)
    published_at, ends_at = window
    return published_at if timezone.now() < ends_at else None


def _live_window(citizen: VerifiedCitizen, request_id: int) -> tuple[datetime, datetime] | None:
    """(published_at, ends_at) of a bulletin live now and targeted at this citizen, or None."""
    if not 0 < request_id <= MAX_ID:
        return None
    return (
        live_targets(citizen)
        .filter(request_id=request_id)
        .values_list("published_at", "ends_at")
        .first()
    )
