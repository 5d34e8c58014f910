"""The admin screen for importing organizations from a CSV or Excel file.

Setting up a province's organizations is a system administrator's job, so only superusers see the
screen; anyone else gets 404, as for anything out of their reach. The work is done by
`loa.orgs.importing`; the screen uploads the file and shows the report.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from .forms_import import OrganizationImportForm
from .importing import (
    COLUMNS,
    REQUIRED_COLUMNS,
    ImportFileError,
    ImportReport,
    import_organizations,
)


def import_organizations_view(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise Http404
    report: ImportReport | None = None
    if request.method == "POST":
        form = OrganizationImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                report = import_organizations(
                    form.cleaned_data["file"],
                    actor=request.user,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except ImportFileError as error:
                form.add_error("file", str(error))
    else:
        form = OrganizationImportForm()
    # The column table on the screen is drawn from the importer's own list, so they cannot differ.
    columns = [(key, aliases[1], key in REQUIRED_COLUMNS) for key, aliases in COLUMNS.items()]
    return TemplateResponse(
        request, "orgs/import.html", {"form": form, "report": report, "columns": columns}
    )
