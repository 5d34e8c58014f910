from datetime import date, datetime

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from loa.bulletins import workflow
from loa.bulletins.models import CHECKLIST, Conclusion, MonthlyQuota, ScopeLevel
from loa.bulletins.quota import quota_table, remind_laggards
from tests.bulletins.conftest import VN, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def quotas(demo):
    for code in ("DNI-STP", "DNI-SVHTTDL", "DNI-SKHCN"):
        MonthlyQuota.objects.create(organization=demo.orgs[code], bulletins_per_month=1)
    request = make_request(demo.orgs["DNI-STP"], scope_level=ScopeLevel.PROVINCE,
                           scope_units=[demo.units["75"]])
    workflow.submit(demo.users["stp.lanhdao"], request, now=datetime(2026, 3, 31, 23, 30, tzinfo=VN))
    # Refused and resubmitted in April: still March's bulletin, not April's.
    workflow.appraise(demo.users["pc06.thamdinh"], request, dict.fromkeys(CHECKLIST, True),
                      Conclusion.RECOMMEND_APPROVAL)
    workflow.refuse(demo.users["pc06.lanhdao"], request, reasons="Sai chính tả", requested_changes="",
                    notice_number="1/TB-PC06", signer_name="Phạm Thị Hoa", signer_title="Trưởng phòng")
    workflow.submit(demo.users["stp.lanhdao"], request, now=datetime(2026, 4, 2, 9, tzinfo=VN))


def test_who_met_the_quota_each_month(demo, quotas):
    march = {row.organization.code: row for row in quota_table(date(2026, 3, 1))}
    assert march["DNI-STP"].met and march["DNI-STP"].submitted == 1
    assert not march["DNI-SVHTTDL"].met and march["DNI-SVHTTDL"].missing == 1
    assert [row.organization.code for row in quota_table(date(2026, 3, 1))][-1] == "DNI-STP"
    assert not {row.organization.code: row for row in quota_table(date(2026, 4, 1))}["DNI-STP"].met


def test_those_behind_are_reminded(demo, quotas):
    author = demo.users["svh.tacgia"]
    author.email = "tacgia@svhttdl.dongnai.gov.vn"
    author.save()
    assert remind_laggards(date(2026, 3, 1)) == 1  # Sở KH&CN has nobody with an e-mail address
    assert mail.outbox[0].to == [author.email]
    entry = ModelLogEntry.objects.get(action="loa.quota.remind")
    assert entry.object_id == str(demo.orgs["DNI-SVHTTDL"].pk)
    assert entry.data["month"] == "2026-03" and entry.data["recipients"] == 1
