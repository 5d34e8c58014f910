"""Write every change to the working-day calendar to the audit log.

Deadlines move when a day changes, so who declared what, and when, must be answerable. Receivers
on the model rather than code in the admin views catch every way of saving: the admin, the shell,
a future API.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from loa.audit.log import record

from .models import CalendarDay

ACTION = "loa.workdays.change"


def _record(day: CalendarDay, change: str) -> None:
    record(day, ACTION, change=change, date=str(day.date), kind=day.kind, reason=day.reason)


@receiver(post_save, sender=CalendarDay, dispatch_uid="loa.workdays.audit_save")
def audit_save(sender, instance: CalendarDay, created: bool, raw: bool, **kwargs) -> None:
    if not raw:  # A fixture being loaded is not anyone's decision.
        _record(instance, "created" if created else "updated")


@receiver(post_delete, sender=CalendarDay, dispatch_uid="loa.workdays.audit_delete")
def audit_delete(sender, instance: CalendarDay, **kwargs) -> None:
    _record(instance, "deleted")
