"""Page types of legal documents."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from loa.portal.pages import PortalPage


class LegalDocumentIndexPage(PortalPage):
    """The legal documents section (Văn bản): the site's documents with filters and search, and its drafts open for comment."""

    parent_page_types = ["portal.PortalHomePage"]
    subpage_types: list[str] = []
    template = "legal/index_page.html"

    class Meta:
        verbose_name = _("legal document index")
        verbose_name_plural = _("legal document indexes")
