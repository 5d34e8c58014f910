"""The admin's screens for the procedure catalogue: listing, edit forms, and the import.

Each screen shows and finds only the procedures of the sites the user keeps (`access`): another
site's procedure, asked for by id, is 404. Every change is written to the audit log.
"""

from __future__ import annotations

from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from loa.admin_menu import ShownToMenuItem
from loa.audit.log import record
from loa.portal.site_records import OwnSiteHistoryMixin, OwnSiteIndexMixin, OwnSiteObjectMixin

from .access import POLICY, sites_managed_by
from .forms import ProcedureForm, ProcedureImportForm
from .importing import (
    COLUMNS,
    REQUIRED_COLUMNS,
    SAMPLE_FILE,
    ImportFileError,
    import_procedures,
)
from .models import AdministrativeProcedure


class ProcedureIndexView(OwnSiteIndexMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site__site")

    def search_queryset(self, queryset):
        # The public catalogue's search: diacritics optional, an exact code first.
        return queryset.search(self.search_query) if self.is_searching else queryset

    @cached_property
    def header_buttons(self) -> list[HeaderButton]:
        # Most of a catalogue comes from a sheet: the import is offered beside "Add".
        return [
            *super().header_buttons,
            HeaderButton(
                _("Import from a file"), url=reverse("procedures_import:index"), icon_name="upload"
            ),
        ]


class ProcedureCreateView(generic.CreateView):
    def save_instance(self) -> AdministrativeProcedure:
        procedure = self.form.save()
        record(procedure, "loa.procedure.create")
        return procedure


class ProcedureEditView(OwnSiteObjectMixin, generic.EditView):
    def save_instance(self) -> AdministrativeProcedure:
        procedure = self.form.save()
        self.has_content_changes = self.form.has_changed()
        record(procedure, "loa.procedure.change", fields=sorted(self.form.changed_data))
        return procedure


class ProcedureDeleteView(OwnSiteObjectMixin, generic.DeleteView):
    def delete_action(self) -> None:
        with transaction.atomic():
            record(self.object, "loa.procedure.delete", code=self.object.code)
            self.object.delete()


class ProcedureHistoryView(OwnSiteHistoryMixin, history.HistoryView):
    pass


class ProcedureUsageView(OwnSiteHistoryMixin, usage.UsageView):
    pass


class ProcedureViewSet(ModelViewSet):
    model = AdministrativeProcedure
    icon = "list-ul"
    menu_label = _("Procedure catalogue")
    permission_policy = POLICY
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldRowPanel([FieldPanel("code"), FieldPanel("level")]),
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("field"), FieldPanel("agency")]),
            FieldPanel("processing_time"),
            FieldPanel("fees"),
            FieldPanel("papers"),
            FieldPanel("result"),
            FieldPanel("legal_basis"),
            MultiFieldPanel(
                [FieldPanel("online_service"), FieldPanel("online_service_url")],
                heading=_("Online public service"),
            ),
        ],
        base_form_class=ProcedureForm,
    )
    list_display = ["code", "name", "field", "level", "online_service", "site", "updated_at"]
    # No filter by site: its choices would name every site of the install.
    list_filter = ["level", "online_service"]
    search_fields = ["search_text"]  # searched by `ProcedureQuerySet.search`, as on the site
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = ProcedureIndexView
    add_view_class = ProcedureCreateView
    edit_view_class = ProcedureEditView
    delete_view_class = ProcedureDeleteView
    history_view_class = ProcedureHistoryView
    usage_view_class = ProcedureUsageView


def import_procedures_view(request: HttpRequest) -> HttpResponse:
    """Upload a sheet into one of the sites the user keeps, and show the report."""
    if not sites_managed_by(request.user).exists():
        raise Http404
    report = None
    if request.method == "POST":
        form = ProcedureImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            try:
                report = import_procedures(
                    form.cleaned_data["file"],
                    form.cleaned_data["site"],
                    actor=request.user,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except ImportFileError as error:
                form.add_error("file", str(error))
    else:
        form = ProcedureImportForm(user=request.user)
    # The column table is drawn from the importer's own list, so the two cannot differ.
    columns = [
        (aliases[0], aliases[-1], key in REQUIRED_COLUMNS) for key, aliases in COLUMNS.items()
    ]
    return TemplateResponse(
        request, "procedures/import.html", {"form": form, "report": report, "columns": columns}
    )


def sample_file_view(request: HttpRequest) -> FileResponse:
    """The sample sheet, to start from: its headers are the ones the importer reads."""
    if not sites_managed_by(request.user).exists():
        raise Http404
    return FileResponse(SAMPLE_FILE.open("rb"), as_attachment=True, filename=SAMPLE_FILE.name)


class ProcedureImportViewSet(ViewSet):
    """The import screen, as an item of the catalogue's menu."""

    icon = "upload"
    menu_label = _("Import procedures")
    url_prefix = "procedures/import"
    name = "procedures_import"

    def get_urlpatterns(self):
        return [
            path("", import_procedures_view, name="index"),
            path("mau.csv", sample_file_view, name="sample"),
        ]

    def get_menu_item(self, order=None):
        return ShownToMenuItem(
            self.menu_label,
            self.menu_url,
            icon_name=self.menu_icon,
            order=order if order is not None else self.menu_order,
            shown_to=lambda user: sites_managed_by(user).exists(),
        )


class ProcedureGroup(ViewSetGroup):
    menu_label = _("Administrative procedures")
    menu_icon = "list-ul"
    menu_order = 250
    items = (ProcedureViewSet("procedures"), ProcedureImportViewSet())
