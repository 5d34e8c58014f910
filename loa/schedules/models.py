"""Leaders' work schedules (lịch công tác): one per member site and week, drafted, then published.

A week is stored by its Monday; its entries are the meetings, visits and receptions of the site's
leaders on the days of that week. Only published weeks show on the site. A week already published
may still be corrected; the site then says when it was last amended, so readers know it changed.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from .pages import WorkSchedulePage  # noqa: F401
from .weeks import iso_week, monday_of


class WeeklyScheduleQuerySet(models.QuerySet):
    def published(self) -> WeeklyScheduleQuerySet:
        return self.filter(state=WeeklySchedule.State.PUBLISHED)

    def of_sites(self, sites) -> WeeklyScheduleQuerySet:
        return self.filter(site__in=sites)


class WeeklySchedule(ClusterableModel):
    """The schedule of a member site's leaders for one week (Monday to Sunday)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    site = models.ForeignKey(
        "portal.MemberSite",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="work_schedules",
    )
    week_start = models.DateField(
        _("week"),
        help_text=_("Any day of the week: the schedule covers that week, from Monday to Sunday."),
    )
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("Shown above the schedule, such as who to call about it."),
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.DRAFT, editable=False
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    amended_at = models.DateTimeField(
        _("amended at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the week was last changed after it was published."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = WeeklyScheduleQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("site"), FieldPanel("week_start")]),
        FieldPanel("note"),
        InlinePanel("entries", heading=_("Entries"), label=_("Entry")),
    ]

    class Meta:
        verbose_name = _("weekly schedule")
        verbose_name_plural = _("weekly schedules")
        ordering = ["-week_start", "site"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "week_start"],
                name="one_schedule_per_site_and_week",
                violation_error_message=_("This site already has a schedule for that week."),
            )
        ]

    @admin.display(description=_("Week"), ordering="week_start")
    def __str__(self) -> str:
        return str(_("Week %(week)s (%(start)s – %(end)s)") % {
            "week": self.week_label,
            "start": self.week_start.strftime("%d/%m"),
            "end": self.week_end.strftime("%d/%m/%Y"),
        })

    def clean(self) -> None:
        super().clean()
        if self.week_start:
            self.week_start = monday_of(self.week_start)

    @property
    def week_end(self) -> datetime.date:
        return self.week_start + datetime.timedelta(days=6)

    @property
    def week_label(self) -> str:
        """The ISO week as people write it: "48/2026"."""
        year, week = iso_week(self.week_start)
        return f"{week:02d}/{year}"

    def covers(self, day: datetime.date) -> bool:
        return self.week_start <= day <= self.week_end

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    def publish(self, user) -> None:
        """Make the week public. Publishing again later keeps the first publication's date."""
        self.state = self.State.PUBLISHED
        if self.published_at is None:
            self.published_at = timezone.now()
            self.published_by = user
        self.save(update_fields=["state", "published_at", "published_by"])

    def unpublish(self) -> None:
        self.state = self.State.DRAFT
        self.save(update_fields=["state"])

    def copy_to_next_week(self) -> WeeklySchedule:
        """A draft of the following week with this week's note and entries, each a week later:
        leaders' weeks repeat (the Monday briefing, the Friday reception of citizens), so the
        next week starts from this one. Raises IntegrityError when the next week already exists."""
        shift = datetime.timedelta(days=7)
        copy = WeeklySchedule.objects.create(
            site=self.site, week_start=self.week_start + shift, note=self.note
        )
        ScheduleEntry.objects.bulk_create(
            [
                ScheduleEntry(
                    schedule=copy,
                    date=entry.date + shift,
                    **{name: getattr(entry, name) for name in ScheduleEntry.COPIED_FIELDS},
                )
                for entry in self.entries.all()
            ]
        )
        return copy


class ScheduleEntry(models.Model):
    """One engagement of the week: when, what, who leads it, who attends, who prepares, where."""

    schedule = ParentalKey(WeeklySchedule, related_name="entries", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    leaders = models.CharField(
        _("leaders"),
        max_length=255,
        help_text=_("The leader or leaders who chair or attend, such as “Chairman Nguyễn Văn A”."),
    )
    content = models.TextField(_("content"), max_length=2000)
    participants = models.TextField(
        _("participants"),
        max_length=1000,
        blank=True,
        help_text=_("Who else is invited or attends."),
    )
    preparation = models.CharField(
        _("prepared by"),
        max_length=255,
        blank=True,
        help_text=_("The unit that prepares the documents."),
    )
    location = models.CharField(_("location"), max_length=255, blank=True)
    notes = models.CharField(_("notes"), max_length=500, blank=True)

    COPIED_FIELDS = (
        "start_time", "end_time", "leaders", "content",
        "participants", "preparation", "location", "notes",
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("leaders"),
        FieldPanel("content"),
        MultiFieldPanel(
            [
                FieldPanel("participants"),
                FieldPanel("preparation"),
                FieldPanel("location"),
                FieldPanel("notes"),
            ],
            heading=_("Details"),
        ),
    ]

    class Meta:
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entries")
        ordering = ["date", "start_time", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} {self.content[:60]}"

    def clean(self) -> None:
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The end time must come after the start time.")})
