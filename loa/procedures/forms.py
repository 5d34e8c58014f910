"""The forms of the procedure catalogue: the public search, the admin's edit form and the import."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from .access import sites_managed_by
from .importing import FILE_TOO_LARGE, MAX_FILE_BYTES, MAX_ROWS
from .models import Level


class ProcedureSearchForm(forms.Form):
    """The catalogue's search box and filters, sent by GET so that every result has an address."""

    q = forms.CharField(label=_("Name or code of the procedure"), max_length=200, required=False)
    field = forms.ChoiceField(label=pgettext_lazy("procedures", "Field"), required=False)
    level = forms.ChoiceField(
        label=pgettext_lazy("procedures", "Level"),
        required=False, choices=[("", _("All levels")), *Level.choices]
    )

    def __init__(self, data, *, procedures: QuerySet):
        super().__init__(data)
        fields = procedures.order_by("field").values_list("field", flat=True).distinct()
        self.fields["field"].choices = [("", _("All fields")), *((name, name) for name in fields)]

    @property
    def is_searching(self) -> bool:
        self.is_valid()
        return any(self.cleaned_data.values())

    def filter(self, procedures: QuerySet) -> QuerySet:
        """`procedures` narrowed by what the form holds that is valid; a bad filter is ignored."""
        self.is_valid()  # a value that is not a choice (a hand-edited address) drops out
        data = self.cleaned_data
        if data.get("field"):
            procedures = procedures.filter(field=data["field"])
        if data.get("level"):
            procedures = procedures.filter(level=data["level"])
        if data.get("q", "").strip():
            return procedures.search(data["q"])
        return procedures.order_by("field", "name", "code")


class ProcedureForm(WagtailAdminModelForm):
    """The admin's form: the site is one of those the user manages."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        sites = sites_managed_by(for_user).select_related("site")
        self.fields["site"].queryset = sites
        if not self.instance.pk and len(sites) == 1:
            self.fields["site"].initial = sites[0].pk


class ProcedureImportForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, empty_label=None)
    file = forms.FileField(label=_("File"))
    dry_run = forms.BooleanField(
        label=_("Dry run"),
        required=False,
        help_text=_("Check the file and show the report without saving anything."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites_managed_by(user).select_related("site")
        self.fields["file"].help_text = _(
            "A CSV file (UTF-8, comma or semicolon separated) or an Excel workbook (.xlsx) of at"
            " most %(megabytes)d MB and %(rows)d rows."
        ) % {"megabytes": MAX_FILE_BYTES // (1024 * 1024), "rows": MAX_ROWS}

    def clean_file(self) -> UploadedFile:
        # The content decides whether it is a sheet (`importing`); the size is checked first.
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(FILE_TOO_LARGE % {"megabytes": MAX_FILE_BYTES // (1024 * 1024)})
        return upload
