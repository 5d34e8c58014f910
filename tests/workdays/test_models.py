"""Administrators' declarations: validation, their effect on deadlines, queries, the audit log."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from loa.workdays.calendar import (
    add_working_days,
    declared_exceptions,
    deadline_after,
    is_working_day,
    working_days_between,
    working_days_left,
)
from loa.workdays.models import CalendarDay, Kind

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def declare(day: date, kind: Kind, reason: str = "Decision of the provincial People's Committee"):
    return CalendarDay.objects.create(date=day, kind=kind, reason=reason)


# --- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "kind", "code"),
    [
        (date(2026, 3, 4), Kind.WORKING_DAY, "already_working_day"),  # a Wednesday
        (date(2025, 4, 26), Kind.WORKING_DAY, "already_working_day"),  # the government's Saturday
        (date(2026, 3, 7), Kind.DAY_OFF, "already_day_off"),  # a Saturday
        (date(2026, 2, 17), Kind.DAY_OFF, "already_day_off"),  # Tết
    ],
)
def test_a_declaration_that_changes_nothing_is_refused(day, kind, code):
    with pytest.raises(ValidationError) as refused:
        CalendarDay(date=day, kind=kind, reason="x").full_clean()
    assert [error.code for error in refused.value.error_dict["date"]] == [code]


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (date(2026, 3, 4), Kind.DAY_OFF),  # a Wednesday closed for a typhoon
        (date(2026, 3, 7), Kind.WORKING_DAY),  # a Saturday worked
        (date(2026, 2, 20), Kind.WORKING_DAY),  # a Tết day worked
    ],
)
def test_a_declaration_that_changes_the_day_is_accepted(day, kind):
    CalendarDay(date=day, kind=kind, reason="x").full_clean()


def test_one_declaration_per_date():
    declare(date(2026, 3, 4), Kind.DAY_OFF)
    with pytest.raises(ValidationError) as refused:
        CalendarDay(date=date(2026, 3, 4), kind=Kind.DAY_OFF, reason="x").full_clean()
    assert [error.code for error in refused.value.error_dict["date"]] == ["unique"]


# --- declarations read from the database -----------------------------------------------------


def test_declarations_in_the_database_move_deadlines():
    assert add_working_days(date(2026, 2, 12), 6) == date(2026, 2, 27)
    declare(date(2026, 2, 13), Kind.DAY_OFF)
    assert not is_working_day(date(2026, 2, 13))
    assert add_working_days(date(2026, 2, 12), 6) == date(2026, 3, 2)
    declare(date(2026, 2, 21), Kind.WORKING_DAY)
    assert is_working_day(date(2026, 2, 21))
    assert add_working_days(date(2026, 2, 12), 6) == date(2026, 2, 27)
    assert working_days_between(date(2026, 2, 12), date(2026, 2, 27)) == 6
    received = datetime(2026, 2, 12, 9, 0, tzinfo=HCM)
    assert deadline_after(received, 6) == datetime(2026, 2, 27, 23, 59, 59, 999999, tzinfo=HCM)
    assert working_days_left(deadline_after(received, 6), received) == 6


def test_a_declared_day_off_inside_the_span_never_brings_the_deadline_forward():
    start = date(2026, 8, 20)
    before = add_working_days(start, 10)
    declare(date(2026, 8, 22), Kind.DAY_OFF)  # the government's make-up Saturday, cancelled
    assert add_working_days(start, 10) > before


def test_a_long_run_of_declared_days_off_is_read_in_a_few_windows(django_assert_max_num_queries):
    # Ninety days off in a row: far past the first window the walk loads.
    start = date(2026, 3, 2)
    off = [start + timedelta(days=offset) for offset in range(1, 91)]
    CalendarDay.objects.bulk_create(
        CalendarDay(date=day, kind=Kind.DAY_OFF, reason="x") for day in off if is_working_day(day)
    )
    with django_assert_max_num_queries(4):
        assert add_working_days(start, 1) == add_working_days(off[-1], 1, {})


# --- queries: one per call, whatever the span -------------------------------------------------


@pytest.fixture
def some_declarations():
    declare(date(2026, 3, 4), Kind.DAY_OFF)
    declare(date(2026, 3, 7), Kind.WORKING_DAY)


def test_adding_thirty_working_days_costs_one_query(some_declarations, django_assert_num_queries):
    with django_assert_num_queries(1):
        due = add_working_days(date(2026, 3, 2), 30)
    # March gives 21 (Wed 4 off, Sat 7 worked), then Wed 1 to Mon 13 April gives 9 more.
    assert due == date(2026, 4, 13)


def test_every_function_costs_one_query(some_declarations, django_assert_num_queries):
    received = datetime(2026, 3, 2, 9, 0, tzinfo=HCM)
    with django_assert_num_queries(1):
        is_working_day(date(2026, 3, 4))
    with django_assert_num_queries(1):
        working_days_between(date(2026, 3, 2), date(2026, 5, 2))
    with django_assert_num_queries(1):
        deadline = deadline_after(received, 30)
    with django_assert_num_queries(1):
        working_days_left(deadline, received)


def test_a_queue_loads_the_declarations_once(some_declarations, django_assert_num_queries):
    with django_assert_num_queries(1):
        exceptions = declared_exceptions(date(2026, 1, 1), date(2026, 12, 31))
    with django_assert_num_queries(0):
        dues = [add_working_days(date(2026, 3, day), 6, exceptions) for day in range(1, 29)]
    # From Mon 2 Mar, with Wed 4 off and Sat 7 worked: Tue 3, Thu 5, Fri 6, Sat 7, Mon 9, Tue 10.
    assert dues[1] == date(2026, 3, 10)


# --- the audit log ---------------------------------------------------------------------------


def entries():
    return list(
        ModelLogEntry.objects.filter(action="loa.workdays.change").order_by("pk").values_list(
            "data", flat=True
        )
    )


def test_every_change_is_written_to_the_audit_log():
    day = declare(date(2026, 3, 4), Kind.DAY_OFF, reason="Typhoon")
    day.reason = "Typhoon Kajiki"
    day.save()
    day.delete()
    common = {"date": "2026-03-04", "kind": "day_off"}
    assert entries() == [
        {**common, "change": "created", "reason": "Typhoon"},
        {**common, "change": "updated", "reason": "Typhoon Kajiki"},
        {**common, "change": "deleted", "reason": "Typhoon Kajiki"},
    ]
