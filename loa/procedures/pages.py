"""Page types of administrative procedures."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from loa.portal.pages import PortalPage

PROCEDURES_PER_PAGE = 20


class ProcedureIndexPage(RoutablePageMixin, PortalPage):
    """The administrative procedures section (Thủ tục hành chính): the catalogue, with search and
    filters.

    The procedures are records of the site (`AdministrativeProcedure`), kept and imported in the
    admin, not pages: this one page lists them and shows each at its code, with hyphens for the
    dots that Wagtail's page addresses do not allow ("1-001193/").
    """

    parent_page_types = ["portal.PortalHomePage"]
    subpage_types: list[str] = []
    template = "procedures/index_page.html"

    class Meta:
        verbose_name = _("procedure catalogue page")
        verbose_name_plural = _("procedure catalogue pages")

    def procedures(self):
        # Imported here: the models module imports this one, so that Django finds the page type.
        from .models import AdministrativeProcedure

        return AdministrativeProcedure.objects.of_site_of(self)

    @path("")
    def catalogue(self, request):
        """The list, searched and filtered by a GET form, in a fixed number of queries."""
        from .forms import ProcedureSearchForm

        procedures = self.procedures()
        form = ProcedureSearchForm(request.GET, procedures=procedures)
        found = form.filter(procedures.only(
            "code", "name", "field", "level", "online_service", "online_service_url"
        ))
        paginator = Paginator(found, PROCEDURES_PER_PAGE)
        return self.render(
            request,
            context_overrides={
                "form": form,
                "procedures": paginator.get_page(request.GET.get("page")),
                "searching": form.is_searching,
            },
        )

    @re_path(r"^(?P<slug>[\w-]+)/$")
    def procedure(self, request, slug: str):
        """A procedure's page, at its code with hyphens for dots (`slug`)."""
        procedure = self.procedures().filter(code=slug.replace("-", ".")).first()
        if procedure is None:
            raise Http404
        return self.render(
            request,
            template="procedures/procedure.html",
            context_overrides={"procedure": procedure},
        )
