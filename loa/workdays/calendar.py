"""Working days: the one statement of which days count towards an appraisal deadline.

A day is a working day when the public calendar says so (`is_public_working_day`: no weekend, no
public holiday, or a make-up Saturday the government declared), unless an administrator declared
otherwise (`CalendarDay`); the declaration wins both ways.

Every function takes an optional `exceptions` mapping (date -> is that date a working day). Left
out, the administrators' declarations are read from the database, once per call for the span the
call covers, never once per day. A caller that computes many deadlines (an appraisal queue) loads
them once with `declared_exceptions` and passes them in; tests pass a plain dict and need no
database. A mapping passed in is taken as complete for the dates it is asked about.

Dates are local calendar dates in settings.TIME_ZONE (Asia/Ho_Chi_Minh): a working day is a day
in Vietnam, whatever zone a timestamp arrives in.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.utils import timezone

from .models import CalendarDay, Kind

Exceptions = Mapping[date, bool]
_Lookup = Callable[[date], bool | None]

ONE_DAY = timedelta(days=1)


@functools.lru_cache(maxsize=64)
def _public_holidays(year: int) -> holidays.HolidayBase:
    """Vietnam's public holidays and make-up Saturdays of one year.

    Building one computes the lunar calendar, far too slow to repeat for every row of a queue; it
    never changes for a given package version, so a per-process cache is always correct.
    """
    return holidays.country_holidays("VN", years=year)


def is_public_working_day(day: date) -> bool:
    """Whether the law and the government's decisions make `day` a working day.

    Saturdays and Sundays are off, public holidays (lunar Tết included, with the days the
    government moves, such as 31 Aug 2026 taken in exchange for Saturday 22 Aug) are off, and the
    Saturdays declared as make-up working days are on. Administrators' declarations are not
    considered here.
    """
    # Ask only the object of the day's own year: a lookup in another year would make the cached
    # object grow that year in place. Make-up days that cross a year are known to every year.
    return _public_holidays(day.year).is_working_day(day)


def declared_exceptions(first: date, last: date) -> dict[date, bool]:
    """The administrators' declarations from `first` to `last` inclusive, in one query.

    The answer maps each declared date to whether it is a working day; pass it as `exceptions`
    to compute many deadlines over the same span without touching the database again.
    """
    rows = CalendarDay.objects.filter(date__range=(first, last)).values_list("date", "kind")
    return {day: kind == Kind.WORKING_DAY for day, kind in rows}


class _DeclaredWindows:
    """The declarations after a date, fetched a window at a time as a forward walk reaches them.

    Sized right, the first window answers the whole call in one query; a walk that runs past it
    (a long run of declared days off) costs one more query per window, never one per day.
    """

    def __init__(self, after: date, days: int):
        self._window = timedelta(days=max(days, 1))
        self._loaded_until = after
        self._declared: dict[date, bool] = {}

    def __call__(self, day: date) -> bool | None:
        while day > self._loaded_until:
            first = self._loaded_until + ONE_DAY
            self._loaded_until += self._window
            self._declared.update(declared_exceptions(first, self._loaded_until))
        return self._declared.get(day)


def _lookup(exceptions: Exceptions | None, after: date, days: int) -> _Lookup:
    """Answer declarations from `exceptions`, or from the database from the day after `after`."""
    return exceptions.get if exceptions is not None else _DeclaredWindows(after, days)


def _span_of(n: int) -> int:
    """Calendar days n working days rarely exceed: weekends, plus a Tết break's week and a half."""
    return 2 * n + 31


def _is_working(day: date, lookup: _Lookup) -> bool:
    declared = lookup(day)
    return is_public_working_day(day) if declared is None else declared


def _add(start: date, n: int, lookup: _Lookup) -> date:
    day = start
    while n > 0:
        day += ONE_DAY
        if _is_working(day, lookup):
            n -= 1
    return day


def _between(start: date, end: date, lookup: _Lookup) -> int:
    if end < start:
        return -_between(end, start, lookup)
    return sum(
        _is_working(start + timedelta(days=offset), lookup)
        for offset in range(1, (end - start).days + 1)
    )


def is_working_day(day: date, exceptions: Exceptions | None = None) -> bool:
    """Whether `day` counts towards a deadline: the public calendar, overridden by a declaration."""
    return _is_working(day, _lookup(exceptions, day - ONE_DAY, 1))


def add_working_days(start: date, n: int, exceptions: Exceptions | None = None) -> date:
    """The n-th working day strictly after `start`.

    The day of receipt itself never counts, whether or not it is a working day: a request
    received on Thursday with one working day is due on Friday. `n == 0` gives `start` back
    unchanged (even on a day off), so that adding is the exact inverse of `working_days_between`
    for every n >= 0.

    Raises ValueError for a negative n: a deadline never lies before its start.
    """
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    return _add(start, n, _lookup(exceptions, start, _span_of(n)))


def working_days_between(start: date, end: date, exceptions: Exceptions | None = None) -> int:
    """How many working days lie in (start, end]: `start` excluded, `end` included.

    This is what `add_working_days` counts: between(d, add_working_days(d, n)) == n for n >= 0.
    With `end` before `start` the answer is minus the count over (end, start]: how many working
    days `end` lies behind.
    """
    first = min(start, end)
    return _between(start, end, _lookup(exceptions, first, abs((end - start).days)))


def local_zone() -> ZoneInfo:
    """The zone whose calendar dates are the working days (settings.TIME_ZONE).

    Not the active time zone: a user who switched their admin to another zone still works to
    Vietnamese deadlines.
    """
    return ZoneInfo(settings.TIME_ZONE)


def deadline_after(
    received_at: datetime, n: int, exceptions: Exceptions | None = None
) -> datetime:
    """The last instant (23:59:59.999999, local) of the n-th working day after the day of receipt.

    The day of receipt is the local calendar date of `received_at`. It never counts itself, so a
    request received after hours or on a day off is simply counted from that date: received on
    Friday at 23:30 or on Saturday, one working day runs out at the end of Monday. The answer is
    aware, in settings.TIME_ZONE. `received_at` must be aware (ValueError otherwise).
    """
    zone = local_zone()
    received_on = timezone.localtime(received_at, zone).date()
    return datetime.combine(add_working_days(received_on, n, exceptions), time.max, tzinfo=zone)


def working_days_left(
    deadline: datetime, now: datetime | None = None, exceptions: Exceptions | None = None
) -> int:
    """How many working days remain before `deadline`, counted as of the working day we are in.

    On a working day the count starts from today; on a day off, from the next working day, since no
    work can happen before then (on Saturday a Monday deadline has 0 days left, as on Monday).
    The answer is the number of working days after that reference day up to the deadline's date
    (`working_days_between`): 0 means due at the end of the reference day, k > 0 that k more
    working days follow it, and -k that the deadline's date lies k working days behind it: overdue.
    A deadline on a working day that has passed is therefore negative even seen from the weekend
    after. Dates are local (settings.TIME_ZONE); `now` defaults to the current time.
    """
    zone = local_zone()
    today = timezone.localtime(now or timezone.now(), zone).date()
    due_on = timezone.localtime(deadline, zone).date()
    # One window covers both dates and the days off that may follow today.
    first = min(today, due_on)
    lookup = _lookup(exceptions, first - ONE_DAY, abs((due_on - today).days) + _span_of(1))
    reference = today if _is_working(today, lookup) else _add(today, 1, lookup)
    return _between(reference, due_on, lookup)
