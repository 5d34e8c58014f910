"""The working-day rule on the public calendar, without the database.

Every call passes `exceptions` explicitly (empty, or a plain dict standing for administrators'
declarations), which the calendar takes as the complete list, so these tests touch no database.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loa.workdays.calendar import (
    add_working_days,
    deadline_after,
    is_public_working_day,
    is_working_day,
    working_days_between,
    working_days_left,
)

NONE: dict[date, bool] = {}
HCM = ZoneInfo("Asia/Ho_Chi_Minh")

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
counts = st.integers(min_value=0, max_value=60)
# Declarations an administrator might make around the start: any date within 100 days, either way.
declarations = st.dictionaries(st.integers(min_value=0, max_value=100), st.booleans(), max_size=8)


def exceptions_from(start: date, offsets: dict[int, bool]) -> dict[date, bool]:
    return {start + timedelta(days=offset): working for offset, working in offsets.items()}


# --- properties ------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(start=days, n=st.integers(min_value=1, max_value=60), offsets=declarations)
def test_the_result_is_a_working_day_strictly_after_the_start(start, n, offsets):
    exceptions = exceptions_from(start, offsets)
    due = add_working_days(start, n, exceptions)
    assert due > start
    assert is_working_day(due, exceptions)


@settings(max_examples=150, deadline=None)
@given(start=days, n=counts, offsets=declarations)
def test_counting_between_undoes_adding(start, n, offsets):
    exceptions = exceptions_from(start, offsets)
    assert working_days_between(start, add_working_days(start, n, exceptions), exceptions) == n


@settings(max_examples=100, deadline=None)
@given(start=days, n=counts, offsets=declarations)
def test_one_more_working_day_is_strictly_later(start, n, offsets):
    exceptions = exceptions_from(start, offsets)
    assert add_working_days(start, n, exceptions) < add_working_days(start, n + 1, exceptions)


@settings(max_examples=100, deadline=None)
@given(start=days, n=counts, offsets=declarations, data=st.data())
def test_declaring_a_day_off_never_brings_the_deadline_forward(start, n, offsets, data):
    exceptions = exceptions_from(start, offsets)
    due = add_working_days(start, n, exceptions)
    day_off = start + timedelta(days=data.draw(st.integers(0, max((due - start).days, 0) + 1)))
    assert add_working_days(start, n, {**exceptions, day_off: False}) >= due


@settings(max_examples=100, deadline=None)
@given(start=days, end=days)
def test_counting_backwards_is_the_negative_count(start, end):
    assert working_days_between(start, end, NONE) == -working_days_between(end, start, NONE)


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 2), -1, NONE)


def test_zero_working_days_is_the_start_itself_even_on_a_day_off():
    assert add_working_days(date(2026, 3, 7), 0, NONE) == date(2026, 3, 7)  # a Saturday


# --- worked examples: checked by hand against the government's 2025 and 2026 calendars --------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 2, 13), True),  # Fri before Tết
        (date(2026, 2, 14), False),  # Sat, the break's first day
        (date(2026, 2, 16), False),  # Mon, Lunar New Year's Eve
        (date(2026, 2, 20), False),  # Fri, fourth day of Tết
        (date(2026, 2, 22), False),  # Sun, the break's last day
        (date(2026, 2, 23), True),  # Mon, back to work
        (date(2026, 4, 27), False),  # Mon, Hùng Kings' day observed (26 Apr is a Sunday)
        (date(2026, 4, 30), False),  # Thu, Reunification Day
        (date(2026, 5, 1), False),  # Fri, Labour Day
        (date(2026, 8, 22), True),  # Sat worked in exchange for Mon 31 Aug
        (date(2026, 8, 31), False),  # Mon, taken in exchange
        (date(2026, 9, 2), False),  # Wed, National Day
        (date(2025, 4, 26), True),  # Sat worked in exchange for Fri 2 May 2025
        (date(2025, 5, 2), False),  # Fri, taken in exchange
    ],
)
def test_public_calendar(day, working):
    assert is_public_working_day(day) is working
    assert is_working_day(day, NONE) is working


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        # Tết 2026: Fri 13, then Mon 23 to Fri 27 Feb.
        (date(2026, 2, 12), 6, date(2026, 2, 27)),
        # ...then Mon 2 to Thu 5 Mar.
        (date(2026, 2, 12), 10, date(2026, 3, 5)),
        # Received during the break: the first working day is Mon 23 Feb.
        (date(2026, 2, 17), 1, date(2026, 2, 23)),
        # Hùng Kings' day and 30/4–1/5 2026: Tue 28, Wed 29 Apr, then Mon 4 May.
        (date(2026, 4, 24), 3, date(2026, 5, 4)),
        (date(2026, 4, 29), 1, date(2026, 5, 4)),
        # National Day 2026: Sat 22 Aug is worked; Mon 31 Aug, Tue 1 and Wed 2 Sep are off.
        (date(2026, 8, 21), 1, date(2026, 8, 22)),
        (date(2026, 8, 28), 1, date(2026, 9, 3)),
        # 2025: Sat 26 Apr is worked; Wed 30 Apr to Fri 2 May are off.
        (date(2025, 4, 25), 1, date(2025, 4, 26)),
        (date(2025, 4, 26), 3, date(2025, 5, 5)),
    ],
)
def test_add_working_days_across_holidays(start, n, due):
    assert add_working_days(start, n, NONE) == due
    assert working_days_between(start, due, NONE) == n


def test_an_administrators_day_off_pushes_the_deadline():
    # Fri 13 Feb 2026 declared off: the six days become Mon 23 Feb to Mon 2 Mar.
    assert add_working_days(date(2026, 2, 12), 6, {date(2026, 2, 13): False}) == date(2026, 3, 2)


def test_an_administrators_make_up_day_pulls_the_deadline():
    # Sat 21 Feb 2026 declared a working day: Fri 13, Sat 21, Mon 23 to Thu 26 Feb.
    assert add_working_days(date(2026, 2, 12), 6, {date(2026, 2, 21): True}) == date(2026, 2, 26)


def test_an_administrators_declaration_overrides_a_make_up_saturday():
    assert not is_working_day(date(2026, 8, 22), {date(2026, 8, 22): False})


# --- deadlines as instants -------------------------------------------------------------------


def test_the_deadline_is_the_end_of_the_last_working_day_in_vietnam():
    due = deadline_after(datetime(2026, 2, 12, 9, 0, tzinfo=HCM), 6, NONE)
    assert due == datetime(2026, 2, 27, 23, 59, 59, 999999, tzinfo=HCM)
    assert due.tzinfo == HCM


def test_a_receipt_late_on_friday_counts_from_friday():
    # 23:30 on Fri 6 Mar 2026 in Vietnam, given in UTC (16:30 the same day).
    received = datetime(2026, 3, 6, 16, 30, tzinfo=timezone.utc)
    assert deadline_after(received, 1, NONE) == datetime(2026, 3, 9, 23, 59, 59, 999999, tzinfo=HCM)


def test_the_local_date_decides_not_the_timestamps_zone():
    # 22:30 UTC on Thursday is already 05:30 on Friday in Vietnam: counted from Friday.
    thursday_night_utc = datetime(2026, 3, 5, 22, 30, tzinfo=timezone.utc)
    assert deadline_after(thursday_night_utc, 1, NONE).date() == date(2026, 3, 9)
    # 16:30 UTC on Thursday is 23:30 on Thursday in Vietnam: counted from Thursday.
    thursday_evening_utc = datetime(2026, 3, 5, 16, 30, tzinfo=timezone.utc)
    assert deadline_after(thursday_evening_utc, 1, NONE).date() == date(2026, 3, 6)


def test_a_naive_receipt_time_is_refused():
    with pytest.raises(ValueError):
        deadline_after(datetime(2026, 3, 6, 10, 0), 1, NONE)


DUE = datetime(2026, 2, 27, 23, 59, 59, 999999, tzinfo=HCM)  # Fri 27 Feb 2026, end of day


@pytest.mark.parametrize(
    ("now", "left"),
    [
        (datetime(2026, 2, 12, 10, 0, tzinfo=HCM), 6),  # Thu, the day of receipt
        (datetime(2026, 2, 21, 10, 0, tzinfo=HCM), 4),  # Sat in Tết: counted as of Mon 23
        (datetime(2026, 2, 26, 10, 0, tzinfo=HCM), 1),  # Thu
        (datetime(2026, 2, 27, 23, 0, tzinfo=HCM), 0),  # Fri, due tonight
        (datetime(2026, 2, 28, 10, 0, tzinfo=HCM), -1),  # Sat after: overdue as of Mon 2 Mar
        (datetime(2026, 3, 2, 10, 0, tzinfo=HCM), -1),  # Mon
        (datetime(2026, 3, 3, 10, 0, tzinfo=HCM), -2),  # Tue
        # 18:00 UTC on Fri 27 Feb is already Sat 28 Feb in Vietnam.
        (datetime(2026, 2, 27, 18, 0, tzinfo=timezone.utc), -1),
    ],
)
def test_working_days_left(now, left):
    assert working_days_left(DUE, now, NONE) == left
