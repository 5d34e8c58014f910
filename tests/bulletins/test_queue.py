from datetime import datetime

import pytest
from django.core import mail

from loa.bulletins import queue, workflow
from loa.bulletins.models import ScopeLevel
from tests.bulletins.conftest import LONG_THANH, TRAN_BIEN, VN, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(demo):
    """Three requests to PC06 received on different days, one to a ward's police."""
    users = demo.users
    requests = []
    for day in (10, 3, 6):
        request = make_request(demo.orgs["DNI-STP"], scope_level=ScopeLevel.PROVINCE,
                               scope_units=[demo.units["75"]], title=f"Bài ngày {day}")
        workflow.submit(users["stp.lanhdao"], request, now=datetime(2026, 3, day, 9, tzinfo=VN))
        requests.append(request)
    ward = make_request(demo.orgs[f"UBND-{TRAN_BIEN}"], scope_units=[demo.units[TRAN_BIEN]])
    workflow.submit(users["ubnd.tranbien.chutich"], ward, now=datetime(2026, 3, 2, 9, tzinfo=VN))
    return requests


def test_queue_is_ordered_by_deadline_with_days_left(demo, submitted, django_assert_max_num_queries):
    now = datetime(2026, 3, 11, 10, tzinfo=VN)  # Wednesday
    with django_assert_max_num_queries(6):
        items = queue.appraisal_queue(demo.users["pc06.thamdinh"], now)
    assert [item.request.title for item in items] == ["Bài ngày 3", "Bài ngày 6", "Bài ngày 10"]
    # Received Tue 3 Mar: six working days end Wed 11 Mar, due today.
    assert [item.days_left for item in items] == [0, 3, 5]
    assert not any(item.overdue for item in items)


def test_overdue_items_for_the_leader(demo, submitted):
    later = datetime(2026, 3, 13, 10, tzinfo=VN)
    assert [item.request.title for item in queue.overdue(demo.users["cat.quantri"], later)] == ["Bài ngày 3"]


def test_each_unit_sees_only_its_own_queue(demo, submitted):
    titles = [item.request.title for item in queue.appraisal_queue(demo.users["ca.tranbien.thamdinh"])]
    assert titles == ["Cảnh giác với thủ đoạn lừa đảo qua mạng"]
    assert queue.appraisal_queue(demo.users[f"ca.longthanh.thamdinh"]) == []
    assert queue.appraisal_queue(demo.users["stp.lanhdao"]) == []  # the sender has no queue


def test_reminders_go_once_before_the_deadline(demo, submitted):
    appraiser = demo.users["pc06.thamdinh"]
    appraiser.email = "thamdinh@congan.dongnai.gov.vn"
    appraiser.save()
    assert queue.send_deadline_reminders(datetime(2026, 3, 4, 9, tzinfo=VN)) == 0
    # On Tue 10 Mar the request received on the 3rd has one working day left.
    assert queue.send_deadline_reminders(datetime(2026, 3, 10, 9, tzinfo=VN)) == 2
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [appraiser.email]
    assert "Bài ngày 3" in mail.outbox[0].subject
    assert queue.send_deadline_reminders(datetime(2026, 3, 10, 10, tzinfo=VN)) == 0
