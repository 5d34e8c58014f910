"""Administrators' exceptions to the working-day calendar.

The law and the government's yearly decisions (weekends, public holidays, declared swaps) come from
the `holidays` package; a province still closes for a typhoon or works a Saturday the package does
not know yet. Those days are declared here, and `calendar.is_working_day` lets them win.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    DAY_OFF = "day_off", _("Day off")
    WORKING_DAY = "working_day", _("Make-up working day")


class CalendarDay(models.Model):
    """A date an administrator declared a day off, or a working day, against the public calendar."""

    date = models.DateField(
        _("date"),
        unique=True,
        error_messages={"unique": _("An exception is already declared for this date.")},
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    reason = models.CharField(
        _("reason"),
        max_length=255,
        help_text=_(
            "Why the day differs from the public calendar, e.g. the decision that declares it."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("working-day calendar exception")
        verbose_name_plural = _("working-day calendar exceptions")

    def __str__(self) -> str:
        return f"{date_format(self.date)}: {self.get_kind_display()}"

    @property
    def is_working_day(self) -> bool:
        """What this row makes its date, in the calendar's terms."""
        return self.kind == Kind.WORKING_DAY

    def clean(self) -> None:
        """Refuse an exception that changes nothing: it would only hide a mistaken date."""
        super().clean()
        if self.date is None or self.kind not in Kind.values:
            return
        # The calendar module queries this model, so it is imported here, not at the top.
        from .calendar import is_public_working_day

        if is_public_working_day(self.date) != self.is_working_day:
            return
        if self.is_working_day:
            code = "already_working_day"
            message = _(
                "%(date)s is already a working day; a make-up working day can only fall on "
                "a weekend or a public holiday."
            )
        else:
            code = "already_day_off"
            message = _(
                "%(date)s is already a day off (a weekend or a public holiday); "
                "declare a day off only on a working day."
            )
        params = {"date": date_format(self.date)}
        raise ValidationError({"date": ValidationError(message, code=code, params=params)})
