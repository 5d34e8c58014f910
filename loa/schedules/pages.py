"""Page types of work schedules."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from loa.portal.pages import PortalPage


class WorkSchedulePage(PortalPage):
    """The work schedule section (Lịch công tác): the leaders' published schedule, week by week."""

    parent_page_types = ["portal.PortalHomePage"]
    subpage_types: list[str] = []
    template = "schedules/index_page.html"

    class Meta:
        verbose_name = _("work schedule page")
        verbose_name_plural = _("work schedule pages")
