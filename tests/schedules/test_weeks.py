"""Weeks and the layout of a week's entries."""

import datetime
from types import SimpleNamespace

from django.utils import translation

from loa.schedules.weeks import iso_week, lay_out, monday_of, monday_of_week

MONDAY = datetime.date(2026, 11, 23)


def entry(day: int, hour: int, minute: int = 0):
    return SimpleNamespace(date=MONDAY + datetime.timedelta(days=day), start_time=datetime.time(hour, minute))


def test_a_week_starts_on_its_monday():
    assert monday_of(datetime.date(2026, 11, 29)) == MONDAY
    assert monday_of(MONDAY) == MONDAY
    assert iso_week(MONDAY) == (2026, 48)
    assert monday_of_week(2026, 48) == MONDAY
    # Weeks that straddle a new year belong to the ISO year of their Thursday.
    assert iso_week(datetime.date(2025, 12, 29)) == (2026, 1)


def test_a_week_that_does_not_exist_is_none():
    assert monday_of_week(2025, 53) is None
    assert monday_of_week(2026, 0) is None
    assert monday_of_week(2026, 53) == datetime.date(2026, 12, 28)


def test_the_week_is_laid_out_by_day_and_part_of_the_day():
    entries = [entry(0, 14), entry(0, 7, 30), entry(0, 19), entry(2, 9), entry(6, 8)]
    with translation.override("en"):
        days = lay_out(MONDAY, entries)
        assert [day.date.weekday() for day in days] == [0, 1, 2, 3, 4, 6]  # Saturday is empty and left out
        monday = days[0]
        assert monday.name == "Monday"
        assert [part.label for part in monday.parts] == ["Morning", "Afternoon", "Evening"]
        assert [item.start_time.hour for part in monday.parts for item in part.entries] == [7, 14, 19]
        assert days[1].is_empty
        assert days[-1].name == "Sunday"
