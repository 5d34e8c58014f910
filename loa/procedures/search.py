"""Administrative procedures in the portal's search, found on their site in the catalogue.

Every procedure a site keeps is public, as long as the site has a live, public catalogue page to
show it at, under its code with hyphens for dots (see `ProcedureIndexPage`).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from loa.search.pages import section_path
from loa.search.registry import Kind, SearchDocument

from .models import AdministrativeProcedure
from .pages import ProcedureIndexPage


class ProcedureProvider:
    model = AdministrativeProcedure
    kind = Kind("procedure", _("Administrative procedures"))
    section = ProcedureIndexPage

    def public(self) -> QuerySet[AdministrativeProcedure]:
        return AdministrativeProcedure.objects.select_related("site__site__root_page")

    def document(self, record: AdministrativeProcedure) -> SearchDocument | None:
        path = section_path(self.section, record.site.site)
        if path is None:
            return None
        facts = [record.code, record.field, record.agency, record.processing_time]
        return SearchDocument(
            site_id=record.site.site_id,
            kind=self.kind.code,
            path=f"{path}{record.slug}/",
            title=record.name,
            published_at=record.updated_at,
            summary=" · ".join(fact for fact in facts if fact),
            text=" ".join([record.fees, record.papers, record.result, record.legal_basis]),
        )
