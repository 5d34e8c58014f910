"""Forms of legal documents: the admin's (with file uploads), the public filters and comment form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents import get_document_model

from loa.orgs.roles import Role
from loa.portal.membership import sites_edited_by

from .files import ACCEPT, store_files, validate_file
from .models import ConsultationComment, DocumentType, SubjectArea
from .status import Status

# Who manages a site's documents and drafts, and reads the comments: its editors, not its reporters.
EDITING_ROLES = (Role.PORTAL_EDITOR, Role.EDITOR_IN_CHIEF)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of uploads, each checked by `validate_file`; cleans to a list."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        uploads = data if isinstance(data, (list, tuple)) else [data]
        files, errors = [], []
        for upload in uploads:
            if not upload:
                continue
            try:
                file = super().clean(upload, initial)
                validate_file(file)
                files.append(file)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return files


class SiteRecordForm(WagtailAdminModelForm):
    """A record of one of the user's own sites, with its attached files.

    The site can only be one the user edits; files are added by upload (checked by content) and
    removed by ticking them, and live in the site's collection.
    """

    new_files = MultipleFileField(
        label=_("Add files"), help_text=_("PDF, Word, Excel or ZIP files, at most 20 MB each.")
    )
    remove_files = forms.ModelMultipleChoiceField(
        label=_("Remove files"),
        queryset=get_document_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sites = sites_edited_by(self.for_user, EDITING_ROLES).select_related("site")
        self.fields["site"].queryset = sites
        if self.instance.pk:
            self.fields["remove_files"].queryset = self.instance.files.all()
        else:
            del self.fields["remove_files"]
            own = list(sites[:2])
            if len(own) == 1:
                self.fields["site"].initial = own[0].pk

    def save(self, commit: bool = True):
        with transaction.atomic():
            instance = super().save(commit=commit)
            if commit:
                self.save_files(instance)
        return instance

    def save_files(self, instance) -> None:
        removed = list(self.cleaned_data.get("remove_files") or [])
        if removed:
            instance.files.remove(*removed)
            for document in removed:
                document.delete()
        uploads = self.cleaned_data.get("new_files") or []
        if uploads:
            instance.files.add(*store_files(uploads, instance.site.collection, self.for_user))


class DocumentFilterForm(forms.Form):
    """The public list's filters and search box; every field optional, bad values ignored."""

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    field = forms.ModelChoiceField(
        label=pgettext_lazy("legal", "Field"),
        queryset=SubjectArea.objects.all(),
        required=False,
        empty_label=_("All fields"),
    )
    year = forms.TypedChoiceField(label=_("Year of issue"), coerce=int, required=False)
    status = forms.ChoiceField(label=pgettext_lazy("legal", "Status"), required=False)
    issuer = forms.ChoiceField(label=_("Issuer"), required=False)

    def __init__(self, *args: Any, years: list[int], issuers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types")), *DocumentType.choices]
        self.fields["status"].choices = [("", _("Any status")), *Status.choices]
        self.fields["year"].choices = [("", _("All years")), *((year, year) for year in years)]
        self.fields["issuer"].choices = [
            ("", _("All issuers")),
            *((name, name) for name in issuers),
        ]

    def filters(self) -> dict[str, Any]:
        """The valid filters only: a tampered address narrows by what it can, never errors."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


def plain_text(value: str) -> str:
    """What a person typed, without markup: comments are read as text, never rendered as HTML."""
    return strip_tags(value or "").replace("\x00", "").strip()


class CommentForm(forms.ModelForm):
    """A comment on a draft. `website` is a honeypot: hidden from people, filled in by robots."""

    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = ConsultationComment
        fields = ["name", "email", "organization", "content"]
        widgets = {"content": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organization"].widget.attrs["autocomplete"] = "organization"
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def clean_name(self) -> str:
        return self._required_text("name")

    def clean_organization(self) -> str:
        return plain_text(self.cleaned_data.get("organization"))

    def clean_content(self) -> str:
        return self._required_text("content")

    def _required_text(self, name: str) -> str:
        value = plain_text(self.cleaned_data.get(name))
        if not value:
            raise ValidationError(_("Write it in plain text."), code="required")
        return value

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website"))
