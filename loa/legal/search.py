"""Legal documents and drafts for comment in the portal's search, found on their site at the
documents section's address.

A document is public as soon as it is saved (there is no draft state), so every document is
indexed, as long as its site has a live, public legal documents page to show it at. A draft for
comment is public from its opening time, which no save marks: it is indexed when saved, with its
opening time as its publication time, and search finds nothing published in the future.
"""

from __future__ import annotations

from datetime import datetime, time
from html import unescape

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from loa.search.pages import section_path
from loa.search.registry import Kind, SearchDocument

from .models import Consultation, LegalDocument
from .pages import LegalDocumentIndexPage


class LegalDocumentProvider:
    model = LegalDocument
    kind = Kind("legal_document", _("Legal documents"))
    section = LegalDocumentIndexPage

    def public(self) -> QuerySet[LegalDocument]:
        return LegalDocument.objects.select_related("site__site__root_page")

    def document(self, record: LegalDocument) -> SearchDocument | None:
        path = section_path(self.section, record.site.site)
        if path is None:
            return None
        # Stored once for every reader: in the site's language, not the editor's who saved it.
        with translation.override(settings.LANGUAGE_CODE):
            title = f"{record.get_document_type_display()} {record.number}"
        return SearchDocument(
            site_id=record.site.site_id,
            kind=self.kind.code,
            path=f"{path}{record.pk}/",
            title=title,
            published_at=datetime.combine(
                record.issued_on, time.min, tzinfo=timezone.get_current_timezone()
            ),
            summary=record.summary,
            text=record.search_text,
        )


class ConsultationProvider:
    model = Consultation
    kind = Kind("consultation", _("Drafts for comment"))
    section = LegalDocumentIndexPage

    def public(self) -> QuerySet[Consultation]:
        return Consultation.objects.select_related("site__site__root_page")

    def document(self, record: Consultation) -> SearchDocument | None:
        path = section_path(self.section, record.site.site)
        if path is None:
            return None
        return SearchDocument(
            site_id=record.site.site_id,
            kind=self.kind.code,
            path=f"{path}du-thao/{record.pk}/",
            title=record.title,
            published_at=record.opens_at,
            summary=record.summary,
            text=f"{record.drafting_agency} {unescape(strip_tags(record.body))}",
        )
