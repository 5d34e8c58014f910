"""Page types of work schedules."""

from __future__ import annotations

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from loa.portal.pages import PortalPage

from .weeks import iso_week, lay_out, monday_of, monday_of_week

ONE_WEEK = datetime.timedelta(days=7)


class WorkSchedulePage(RoutablePageMixin, PortalPage):
    """The work schedule section (Lịch công tác): the leaders' published schedule, week by week.

    Its address shows the current week; `tuan/2026-48/` shows ISO week 48 of 2026. Only published
    weeks are shown; any other week says that no schedule has been published for it.
    """

    parent_page_types = ["portal.PortalHomePage"]
    subpage_types: list[str] = []
    template = "schedules/index_page.html"

    class Meta:
        verbose_name = _("work schedule page")
        verbose_name_plural = _("work schedule pages")

    @path("")
    def current_week(self, request):
        return self.render(request, week=monday_of(timezone.localdate()))

    @re_path(r"^tuan/(?P<year>\d{4})-(?P<number>\d{2})/$", name="week")
    def week(self, request, year: str, number: str):
        monday = monday_of_week(int(year), int(number))
        if monday is None:
            raise Http404
        return self.render(request, week=monday)

    def week_url(self, request, monday: datetime.date) -> str:
        year, number = iso_week(monday)
        return self.get_url(request) + self.reverse_subpage(
            "week", kwargs={"year": f"{year:04d}", "number": f"{number:02d}"}
        )

    def get_context(self, request, *args, week: datetime.date | None = None, **kwargs):
        from .models import WeeklySchedule  # the models module imports this one

        context = super().get_context(request, *args, **kwargs)
        week = week or monday_of(timezone.localdate())
        frame = context["frame"]
        schedule = (
            WeeklySchedule.objects.published()
            .filter(site__site__root_page=frame.home, week_start=week)
            .prefetch_related("entries")
            .first()
        ) if frame else None
        year, number = iso_week(week)
        context.update(
            schedule=schedule,
            days=lay_out(week, schedule.entries.all()) if schedule else [],
            week_start=week,
            week_end=week + datetime.timedelta(days=6),
            week_number=number,
            week_year=year,
            is_current_week=week == monday_of(timezone.localdate()),
            previous_week_url=self.week_url(request, week - ONE_WEEK),
            next_week_url=self.week_url(request, week + ONE_WEEK),
            current_week_url=self.get_url(request),
        )
        return context
