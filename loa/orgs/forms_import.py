"""The upload form of the organization import screen."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from .importing import FILE_TOO_LARGE, MAX_FILE_BYTES, MAX_ROWS


class OrganizationImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        validators=[FileExtensionValidator(allowed_extensions=["csv", "xlsx"])],
    )
    dry_run = forms.BooleanField(
        label=_("Dry run"),
        required=False,
        help_text=_("Check the file and show the report without saving anything."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A CSV file (UTF-8, comma or semicolon separated) or an Excel workbook (.xlsx) of at"
            " most %(megabytes)d MB and %(rows)d rows."
        ) % {"megabytes": MAX_FILE_BYTES // (1024 * 1024), "rows": MAX_ROWS}

    def clean_file(self) -> UploadedFile:
        # Checked here too, so an oversized upload is refused before anything reads it.
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(FILE_TOO_LARGE % {"megabytes": MAX_FILE_BYTES // (1024 * 1024)})
        return upload
