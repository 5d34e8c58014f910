"""Which bulletins a citizen sees: the targeting rule of `loa.bulletins.audience`, read by area.

The feed reads only `AudienceTarget`, the small indexed table of (area, window, audience) rows
written when a request is approved; nothing is ever fanned out per citizen. Each area (a commune, a
province, the nation) has one list of its live rows, newest first, kept by each server process
and shared by every citizen who lives there: a citizen's page is the merge of their two or three
lists, filtered by their age and gender. A page therefore costs the same whatever the bulletins of
other areas, and a citizen nobody like them asked for before (a new age, gender or pair of
communes) costs no targeting query when their areas were read lately.

Pages are cut by keyset on (published_at, request id), newest first, so a page costs the same
however deep it lies and a bulletin published meanwhile neither repeats nor skips an item.
"""

from __future__ import annotations

import base64
import binascii
import heapq
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from django.db.models import Q, QuerySet
from django.utils import timezone

from loa.bulletins.audience import area_generations, citizen_area_ids
from loa.bulletins.models import AudienceTarget, Gender, State
from loa.process_cache import ProcessCache

from .tokens import VerifiedCitizen

# How long a process keeps an area's list of live bulletins, and a bulletin's summary. Approving,
# withdrawing or deleting a bulletin changes the generations of its scope's areas, which every
# process sees within GENERATION_SECONDS, and a summary is keyed by its bulletin's publication
# time; this lifetime only bounds how long a renamed sender shows its old name. Windows are
# checked on every call and a list keeps the rows opening within its lifetime, so a bulletin opens
# and closes on time all the same.
FEED_CACHE_SECONDS = 300

# The most rows an area's cached list keeps. An area with more bulletins live at once (years of a
# province's output would be some thousands) still answers every page: a page that reaches past
# the list is read from the database.
AREA_LIST_LENGTH = 500
# The most rows a process keeps in all the lists it caches (some 150 bytes each).
AREA_LISTS_ROWS = 200_000

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


# An area's list holds, newest first, one row per live bulletin:
#   (published_at, request id, starts_at, ends_at, age_min, age_max, for_male, for_female)
# with moments as integer microseconds since the epoch: every call of every citizen of the area
# walks the list, and integers compare several times faster than datetimes. Rows compare by
# (published_at, request id), the feed's order.
Row = tuple[int, int, int, int, int, int, bool, bool]
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
ONE_MICROSECOND = timedelta(microseconds=1)


def _to_micros(when: datetime) -> int:
    return (when - EPOCH) // ONE_MICROSECOND


def _from_micros(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)


class AreaTargets(NamedTuple):
    """An area's rows live now or opening within the cache's lifetime, newest first."""

    rows: tuple[Row, ...]
    complete: bool  # False when the area has more rows than AREA_LIST_LENGTH


# Each process keeps the lists it read, as they are: unpickling them from Django's cache on every
# call cost more than the rest of the call.
_area_lists = ProcessCache(
    maxsize=AREA_LISTS_ROWS, seconds=FEED_CACHE_SECONDS, sizeof=lambda targets: len(targets.rows) + 1
)


def area_targets(area_ids: Iterable[int]) -> list[AreaTargets]:
    """The lists of these areas: kept in this process, or one indexed query per area not kept."""
    keys = _area_keys(area_ids)
    found, missing = _cached_area_targets(keys)
    return found + _read_area_targets(missing)


def _area_keys(area_ids: Iterable[int]) -> dict[int, tuple[int, str]]:
    """The key of each area's list: the area and its current generation."""
    return {area: (area, generation) for area, generation in area_generations(area_ids).items()}


def _cached_area_targets(
    keys: dict[int, tuple[int, str]],
) -> tuple[list[AreaTargets], dict[int, tuple[int, str]]]:
    """The lists that this process keeps, and the keys of the areas whose list it does not."""
    found = _area_lists.get_many(keys.values())
    return list(found.values()), {area: key for area, key in keys.items() if key not in found}


def _read_area_targets(keys: dict[int, tuple[int, str]]) -> list[AreaTargets]:
    """The lists of these areas from the database, one indexed query each, kept for the process."""
    read = {key: _read_area(area) for area, key in keys.items()}
    _area_lists.set_many(read)
    return list(read.values())


def _read_area(area_id: int) -> AreaTargets:
    now = timezone.now()
    # Rows that open while the list is cached are kept too: `_reaches` opens them on time.
    opens_before = now + timedelta(seconds=2 * FEED_CACHE_SECONDS)
    targets = (
        AudienceTarget.objects.filter(
            unit_id=area_id,
            starts_at__lt=opens_before,
            ends_at__gt=now,
            request__state=State.APPROVED,
        )
        .order_by("-published_at", "-request_id")
        .values_list(
            "published_at", "request_id", "starts_at", "ends_at",
            "age_min", "age_max", "for_male", "for_female",
        )[: AREA_LIST_LENGTH + 1]
    )  # fmt: skip
    rows = tuple(
        (_to_micros(published), pk, _to_micros(starts), _to_micros(ends), *audience)
        for published, pk, starts, ends, *audience in targets
    )
    return AreaTargets(rows[:AREA_LIST_LENGTH], complete=len(rows) <= AREA_LIST_LENGTH)


def _reaches(row: Row, age: int, gender: str, now: int) -> bool:
    """Whether the row's window contains `now` and its audience this age and gender."""
    _published, _pk, starts, ends, age_min, age_max, for_male, for_female = row
    return (
        starts <= now < ends
        and age_min <= age <= age_max
        and (for_male if gender == Gender.MALE else for_female)
    )


def feed_page(
    citizen: VerifiedCitizen, limit: int, cursor: Cursor | None = None
) -> tuple[list[tuple[int, datetime]], str | None]:
    """One page of (request id, published_at), newest first, and the cursor of the next page."""
    now = timezone.now()
    age = citizen.age_on(timezone.localdate(now))  # ages turn at midnight in Vietnam
    lists = area_targets(citizen_area_ids(citizen.communes))
    rows = _rows_from_lists(lists, age, citizen.gender, _to_micros(now), limit + 1, cursor)
    if rows is None:
        rows = _rows_from_database(citizen, limit + 1, cursor)
    page = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        last_id, last_moment = page[-1]
        next_cursor = encode_cursor(last_moment, last_id)
    return page, next_cursor


def _rows_from_lists(
    lists: Sequence[AreaTargets],
    age: int,
    gender: str,
    now: int,
    count: int,
    cursor: Cursor | None,
) -> list[tuple[int, datetime]] | None:
    """Up to `count` rows after `cursor` from the areas' lists; None if a list is too short.

    Every row at or before the last row of an incomplete list is known; past it, the lists
    cannot tell what that area holds, and the page is for the database to answer.
    """
    known_until = max((item.rows[-1][:2] for item in lists if not item.complete), default=None)
    after = None if cursor is None else (_to_micros(cursor[0]), cursor[1])
    streams = [_after(item.rows, after) for item in lists]
    page: list[tuple[int, datetime]] = []
    seen: set[int] = set()
    # A bulletin has one row per area; two of the citizen's areas may both carry it.
    for row in heapq.merge(*streams, reverse=True):
        if known_until is not None and row[:2] < known_until:
            return None
        published, pk = row[:2]
        if pk in seen or not _reaches(row, age, gender, now):
            continue
        seen.add(pk)
        page.append((pk, _from_micros(published)))
        if len(page) == count:
            return page
    return page if known_until is None else None


def _after(rows: tuple[Row, ...], position: tuple[int, int] | None) -> Sequence[Row]:
    """The rows strictly after `position` (published_at, request id) in newest-first order."""
    if position is None:
        return rows
    return rows[bisect_left(rows, True, key=lambda row: row[:2] < position) :]


def _live_targets(citizen: VerifiedCitizen) -> QuerySet[AudienceTarget]:
    """Target rows, live now, whose area and audience include this citizen: the rule in SQL."""
    now = timezone.now()
    age = citizen.age_on(timezone.localdate(now))
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


def _rows_from_database(
    citizen: VerifiedCitizen, count: int, cursor: Cursor | None
) -> list[tuple[int, datetime]]:
    targets = _live_targets(citizen)
    if cursor is not None:
        moment, pk = cursor
        targets = targets.filter(
            Q(published_at__lt=moment) | Q(published_at=moment, request_id__lt=pk)
        )
    return list(
        targets.values_list("request_id", "published_at")
        .distinct()
        .order_by("-published_at", "-request_id")[:count]
    )


def visible_published_at(citizen: VerifiedCitizen, request_id: int) -> datetime | None:
    """When a bulletin was published, if it is live and targeted at this citizen; else None.

    Answered from the lists of the citizen's areas, those kept in the process first: a bulletin of the
    province or the nation is found there without reading the citizen's own commune. Asking for
    ids that do not exist adds nothing to the cache.
    """
    if not 0 < request_id <= MAX_ID:
        return None
    lists, missing = _cached_area_targets(_area_keys(citizen_area_ids(citizen.communes)))
    row = _find(lists, request_id)
    if row is None and missing:
        read = _read_area_targets(missing)
        lists += read
        row = _find(read, request_id)
    if row is not None:
        # The bulletin's rows in every area carry the same window and audience.
        now = timezone.now()
        age = citizen.age_on(timezone.localdate(now))
        return _from_micros(row[0]) if _reaches(row, age, citizen.gender, _to_micros(now)) else None
    if all(item.complete for item in lists):
        return None
    return (
        _live_targets(citizen)
        .filter(request_id=request_id)
        .values_list("published_at", flat=True)
        .first()
    )


def _find(lists: Iterable[AreaTargets], request_id: int) -> Row | None:
    for item in lists:
        for row in item.rows:
            if row[1] == request_id:
                return row
    return None
