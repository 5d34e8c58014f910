"""The appraisal queue, overdue requests and deadline reminders.

Seed 000 gives the police unit a deadline in working days; the queue orders what a unit must act
on by that deadline and says how many working days are left. The working-day exceptions are read
once for the whole queue, not once per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from loa.audit.log import record
from loa.orgs.models import RoleAssignment
from loa.orgs.roles import Role, roles_implying
from loa.workdays.calendar import declared_exceptions, working_days_left

from .models import DEFAULT_REMINDER_WORKING_DAYS, ChannelPolicy, PublicationRequest, Round, State
from .workflow import handled_requests

PENDING_STATES = (State.UNDER_APPRAISAL, State.AWAITING_APPROVAL, State.AWAITING_MINISTRY)


@dataclass(frozen=True)
class QueueItem:
    request: PublicationRequest
    round: Round
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def _with_current_round(requests: QuerySet[PublicationRequest]) -> QuerySet[PublicationRequest]:
    latest = Round.objects.filter(request=OuterRef("pk")).order_by("-number").values("pk")[:1]
    return requests.annotate(current_round_id=Subquery(latest))


def appraisal_queue(user, now: datetime | None = None) -> list[QueueItem]:
    """What the user's units must act on, the earliest deadline first."""
    pending = handled_requests(user).filter(state__in=PENDING_STATES)
    requests = list(_with_current_round(pending).select_related("sender", "handler"))
    if not requests:
        return []
    rounds = Round.objects.in_bulk([r.current_round_id for r in requests])
    moment = now or timezone.now()
    deadlines = [rounds[r.current_round_id].deadline for r in requests]
    today = timezone.localtime(moment).date()
    first = min([today, *(timezone.localtime(d).date() for d in deadlines)])
    last = max([today, *(timezone.localtime(d).date() for d in deadlines)])
    # Past the last date only a run of days off can be walked; two months covers any Tết.
    exceptions = declared_exceptions(first, last + timedelta(days=60))
    items = [
        QueueItem(
            request=request,
            round=rounds[request.current_round_id],
            days_left=working_days_left(rounds[request.current_round_id].deadline, moment, exceptions),
        )
        for request in requests
    ]
    return sorted(items, key=lambda item: (item.round.deadline, item.request.pk))


def overdue(user, now: datetime | None = None) -> list[QueueItem]:
    return [item for item in appraisal_queue(user, now) if item.overdue]


def _reminder_days(round_: Round) -> int:
    province = round_.handler.unit.province
    policy = ChannelPolicy.objects.filter(province=province).first()
    return policy.reminder_working_days if policy else DEFAULT_REMINDER_WORKING_DAYS


def send_deadline_reminders(now: datetime | None = None) -> int:
    """E-mail the handling unit's staff about requests whose deadline is near; once per round."""
    moment = now or timezone.now()
    latest = Round.objects.filter(request=OuterRef("request")).order_by("-number").values("pk")[:1]
    due = Round.objects.filter(
        pk=Subquery(latest),
        request__state__in=PENDING_STATES,
        reminded_at__isnull=True,
    ).select_related("request", "handler__unit")
    sent = 0
    for round_ in due:
        left = working_days_left(round_.deadline, moment)
        if left > _reminder_days(round_):
            continue
        recipients = list(
            RoleAssignment.objects.filter(
                organization=round_.handler,
                role__in=roles_implying(Role.POLICE_APPRAISER),
                user__is_active=True,
            )
            .exclude(user__email="")
            .values_list("user__email", flat=True)
            .distinct()
        )
        with transaction.atomic():
            if not Round.objects.filter(pk=round_.pk, reminded_at__isnull=True).update(reminded_at=moment):
                continue  # another worker reminded first
            if recipients:
                send_mail(
                    _("Appraisal deadline: %(title)s") % {"title": round_.request.title},
                    ngettext(
                        "The publication request “%(title)s” from %(sender)s must be appraised"
                        " by %(deadline)s (%(days)d working day left).",
                        "The publication request “%(title)s” from %(sender)s must be appraised"
                        " by %(deadline)s (%(days)d working days left).",
                        max(left, 0),
                    )
                    % {
                        "title": round_.request.title,
                        "sender": round_.request.sender.name,
                        "deadline": timezone.localtime(round_.deadline).strftime("%d/%m/%Y"),
                        "days": max(left, 0),
                    },
                    settings.DEFAULT_FROM_EMAIL,
                    recipients,
                )
            record(round_.request, "loa.request.remind", actor=None, recipients=len(recipients))
        sent += 1
    return sent
