"""Page types of administrative procedures."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from loa.portal.pages import PortalPage


class ProcedureIndexPage(PortalPage):
    """The administrative procedures section (Thủ tục hành chính): the catalogue, with search and filters."""

    parent_page_types = ["portal.PortalHomePage"]
    subpage_types: list[str] = []
    template = "procedures/index_page.html"

    class Meta:
        verbose_name = _("procedure catalogue page")
        verbose_name_plural = _("procedure catalogue pages")
