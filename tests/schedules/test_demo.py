"""The work schedule demo: this week and next on the province's and the Department of Justice's sites."""

import pytest
from django.utils import timezone

from loa.demo.data import load_demo
from loa.portal.demo import load_portal_demo
from loa.schedules.demo import load_schedules_demo
from loa.schedules.models import WeeklySchedule
from loa.schedules.weeks import monday_of

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_this_week_once(client):
    load_demo()
    load_portal_demo()
    assert load_schedules_demo() == 4
    assert load_schedules_demo() == 0
    this_week = WeeklySchedule.objects.published().filter(week_start=monday_of(timezone.localdate()))
    assert set(this_week.values_list("site__site__hostname", flat=True)) == {"localhost", "stp.localhost"}
    for schedule in this_week:
        assert all(schedule.covers(entry.date) for entry in schedule.entries.all())
    response = client.get("/lich-cong-tac/", HTTP_HOST="stp.localhost")
    assert response.status_code == 200
    assert "Giao ban Ban Giám đốc Sở" in response.content.decode()
