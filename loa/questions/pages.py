"""Page types of questions and answers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from loa.portal.pages import PortalPage


class QuestionIndexPage(PortalPage):
    """The questions and answers section (Hỏi đáp): citizens ask, the agency answers, answers are published."""

    parent_page_types = ["portal.PortalHomePage"]
    subpage_types: list[str] = []
    template = "questions/index_page.html"

    class Meta:
        verbose_name = _("questions and answers page")
        verbose_name_plural = _("questions and answers pages")
