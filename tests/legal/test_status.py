from datetime import date

import pytest

from loa.legal.models import LegalDocument
from loa.legal.status import Status, status_condition, status_on

from .conftest import make_document

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("effective", "expires", "override", "expected"),
    [
        (date(2026, 12, 1), None, "", Status.NOT_YET_IN_FORCE),
        (date(2026, 11, 25), None, "", Status.IN_FORCE),
        (date(2020, 1, 1), date(2026, 11, 26), "", Status.IN_FORCE),
        (date(2020, 1, 1), date(2026, 11, 25), "", Status.EXPIRED),
        (date(2020, 1, 1), None, Status.PARTLY_EXPIRED, Status.PARTLY_EXPIRED),
        (date(2020, 1, 1), None, Status.EXPIRED, Status.EXPIRED),
        (date(2027, 1, 1), None, Status.IN_FORCE, Status.IN_FORCE),
    ],
)
def test_status_follows_the_dates_unless_set_by_hand(effective, expires, override, expected):
    assert status_on(TODAY, effective, expires, override) == expected


def test_the_database_condition_agrees_with_the_rule(site_a):
    cases = [
        (date(2026, 12, 1), None, ""),
        (date(2026, 11, 25), None, ""),
        (date(2020, 1, 1), date(2026, 11, 25), ""),
        (date(2020, 1, 1), date(2030, 1, 1), ""),
        (date(2020, 1, 1), None, Status.PARTLY_EXPIRED),
        (date(2027, 1, 1), None, Status.EXPIRED),
    ]
    for effective, expires, override in cases:
        make_document(
            site_a,
            issued_on=date(2020, 1, 1),
            effective_on=effective,
            expires_on=expires,
            status_override=override,
        )
    for status in Status:
        by_rule = {
            d.pk
            for d in LegalDocument.objects.all()
            if status_on(TODAY, d.effective_on, d.expires_on, d.status_override) == status
        }
        by_query = set(
            LegalDocument.objects.filter(status_condition(status, TODAY)).values_list(
                "pk", flat=True
            )
        )
        assert by_query == by_rule, status
