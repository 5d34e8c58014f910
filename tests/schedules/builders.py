"""Weeks built for tests."""

from __future__ import annotations

import datetime

from loa.schedules.models import ScheduleEntry, WeeklySchedule


def make_week(member, monday: datetime.date, entries: int = 2, published: bool = True, **fields) -> WeeklySchedule:
    schedule = WeeklySchedule.objects.create(site=member, week_start=monday, **fields)
    for number in range(entries):
        ScheduleEntry.objects.create(
            schedule=schedule,
            date=monday + datetime.timedelta(days=number % 7),
            start_time=datetime.time(8 + number % 10, 0),
            leaders="Chủ tịch Nguyễn Văn A",
            content=f"Họp chuyên đề số {number + 1}",
            location="Phòng họp số 1",
        )
    if published:
        schedule.publish(None)
    return schedule
