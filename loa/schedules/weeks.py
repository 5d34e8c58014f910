"""Weeks as the schedule counts them, and a week's entries laid out by day and part of the day.

Weeks run Monday to Sunday and are numbered as ISO 8601 does (week 1 holds the year's first
Thursday), which is how Vietnamese offices number them too ("Tuần 48/2026").
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import pgettext_lazy

WEEKDAYS = [
    pgettext_lazy("weekday", "Monday"),
    pgettext_lazy("weekday", "Tuesday"),
    pgettext_lazy("weekday", "Wednesday"),
    pgettext_lazy("weekday", "Thursday"),
    pgettext_lazy("weekday", "Friday"),
    pgettext_lazy("weekday", "Saturday"),
    pgettext_lazy("weekday", "Sunday"),
]

# Parts of the day, by the hour they start: the office day has a morning and an afternoon session,
# and receptions or events sometimes run into the evening.
DAY_PARTS = [
    (datetime.time(0, 0), pgettext_lazy("part of the day", "Morning")),
    (datetime.time(12, 0), pgettext_lazy("part of the day", "Afternoon")),
    (datetime.time(18, 0), pgettext_lazy("part of the day", "Evening")),
]

# Monday to Friday are always shown, even empty; Saturday and Sunday only when they have entries.
WORKING_DAYS = 5


def monday_of(day: datetime.date) -> datetime.date:
    """The Monday that starts `day`'s week."""
    return day - datetime.timedelta(days=day.weekday())


def iso_week(monday: datetime.date) -> tuple[int, int]:
    """(ISO year, ISO week number) of the week starting on `monday`."""
    year, week, _weekday = monday.isocalendar()
    return year, week


def monday_of_week(year: int, week: int) -> datetime.date | None:
    """The Monday of ISO week `week` of `year`, or None when there is no such week (such as week 53
    of most years), so that an address naming one answers 404."""
    try:
        return datetime.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def part_of_day(start: datetime.time) -> int:
    """The index in DAY_PARTS of the part of the day of an engagement starting at `start`."""
    return max(index for index, (begins, _label) in enumerate(DAY_PARTS) if start >= begins)


@dataclass
class DayPart:
    label: str
    entries: list = field(default_factory=list)


@dataclass
class ScheduleDay:
    date: datetime.date
    parts: list[DayPart]

    @property
    def name(self) -> str:
        return WEEKDAYS[self.date.weekday()]

    @property
    def is_empty(self) -> bool:
        return not self.parts


def lay_out(monday: datetime.date, entries: Iterable) -> list[ScheduleDay]:
    """The week's days, each with its entries grouped by part of the day, in time order.

    Monday to Friday always appear (an empty working day says so); Saturday and Sunday appear
    only when something is scheduled on them.
    """
    by_day: dict[datetime.date, dict[int, list]] = {}
    for entry in sorted(entries, key=lambda entry: (entry.date, entry.start_time)):
        parts = by_day.setdefault(entry.date, {})
        parts.setdefault(part_of_day(entry.start_time), []).append(entry)
    days = []
    for offset in range(7):
        day = monday + datetime.timedelta(days=offset)
        parts = by_day.get(day, {})
        if offset >= WORKING_DAYS and not parts:
            continue
        days.append(
            ScheduleDay(
                date=day,
                parts=[DayPart(str(DAY_PARTS[index][1]), parts[index]) for index in sorted(parts)],
            )
        )
    return days
