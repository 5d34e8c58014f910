"""Whether a legal document is in force (tình trạng hiệu lực), from its dates and an editor's word.

A document is not yet in force before its effective date, expired from its expiry date, and in force
in between. Dates cannot say that a later text repealed part of it ("hết hiệu lực một phần") or all
of it before any stated date, so an editor may set the status by hand, and that word wins.
`status_on` decides for one document; `status_condition` is the same rule as a database condition,
so the public list can filter by status without loading every document.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NOT_YET_IN_FORCE = "not_yet_in_force", _("Not yet in force")
    IN_FORCE = "in_force", _("In force")
    PARTLY_EXPIRED = "partly_expired", _("Partly expired")
    EXPIRED = "expired", _("Expired")


def status_on(
    today: date, effective_on: date, expires_on: date | None = None, override: str = ""
) -> Status:
    """The status on `today` of a document effective from `effective_on` until `expires_on`
    (the first day it no longer applies), unless an editor set `override`."""
    if override:
        return Status(override)
    if today < effective_on:
        return Status.NOT_YET_IN_FORCE
    if expires_on is not None and today >= expires_on:
        return Status.EXPIRED
    return Status.IN_FORCE


def status_condition(status: str, today: date) -> Q:
    """The documents whose `status_on(today, ...)` is `status`, as a condition on their fields."""
    by_hand = Q(status_override=status)
    by_dates = Q(status_override="")
    if status == Status.NOT_YET_IN_FORCE:
        return by_hand | by_dates & Q(effective_on__gt=today)
    if status == Status.EXPIRED:
        return by_hand | by_dates & Q(effective_on__lte=today, expires_on__lte=today)
    if status == Status.IN_FORCE:
        return by_hand | by_dates & Q(effective_on__lte=today) & (
            Q(expires_on__isnull=True) | Q(expires_on__gt=today)
        )
    return by_hand
