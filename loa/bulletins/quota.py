"""Monthly quotas: seed 000 asks some departments for at least one bulletin a month.

A month counts the requests an organization first submitted in it (round 1 received that month,
in Vietnam's time zone): a request refused and revised is still one bulletin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from loa.audit.log import record
from loa.orgs.models import Organization, RoleAssignment
from loa.orgs.roles import Role, roles_implying
from loa.workdays.calendar import local_zone

from .models import MonthlyQuota


@dataclass(frozen=True)
class QuotaRow:
    organization: Organization
    required: int
    submitted: int

    @property
    def met(self) -> bool:
        return self.submitted >= self.required

    @property
    def missing(self) -> int:
        return max(self.required - self.submitted, 0)


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The first instant of `month` and of the next, in Vietnam's time zone."""
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    zone = local_zone()
    return datetime.combine(first, time.min, zone), datetime.combine(following, time.min, zone)


def quota_table(month: date) -> list[QuotaRow]:
    """Every organization with a quota and what it sent in `month`, those behind first."""
    start, end = month_bounds(month)
    quotas = MonthlyQuota.objects.select_related("organization__unit").annotate(
        submitted=Count(
            "organization__publication_requests__rounds",
            filter=Q(
                organization__publication_requests__rounds__number=1,
                organization__publication_requests__rounds__received_at__gte=start,
                organization__publication_requests__rounds__received_at__lt=end,
            ),
        )
    )
    rows = [QuotaRow(q.organization, q.bulletins_per_month, q.submitted) for q in quotas]
    return sorted(rows, key=lambda row: (row.met, row.organization.name))


def remind_laggards(month: date) -> int:
    """E-mail the authors and heads of the organizations still behind in `month`."""
    reminded = 0
    for row in quota_table(month):
        if row.met:
            continue
        recipients = list(
            RoleAssignment.objects.filter(
                organization=row.organization,
                role__in=roles_implying(Role.AGENCY_AUTHOR),
                user__is_active=True,
            )
            .exclude(user__email="")
            .values_list("user__email", flat=True)
            .distinct()
        )
        if not recipients:
            continue
        send_mail(
            ngettext(
                "Loa channel: %(missing)d bulletin still expected this month",
                "Loa channel: %(missing)d bulletins still expected this month",
                row.missing,
            )
            % {"missing": row.missing},
            ngettext(
                "%(organization)s is asked for %(required)d bulletin a month on the Loa channel"
                " and has submitted %(submitted)d in %(month)s.",
                "%(organization)s is asked for %(required)d bulletins a month on the Loa channel"
                " and has submitted %(submitted)d in %(month)s.",
                row.required,
            )
            % {
                "organization": row.organization.name,
                "required": row.required,
                "submitted": row.submitted,
                "month": month.strftime("%m/%Y"),
            },
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
        record(
            row.organization,
            "loa.quota.remind",
            month=month.strftime("%Y-%m"),
            missing=row.missing,
            recipients=len(recipients),
        )
        reminded += 1
    return reminded
