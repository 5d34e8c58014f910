"""Forms of the Loa channel's admin screens.

They collect input and check what is about the input itself (file types and sizes, the
representative image, which areas can be picked). Whether a user may act, and the rules of each
step, stay in `loa.bulletins.workflow`: its ValidationErrors are put back on the fields they name.
"""

from __future__ import annotations

import os
import re
import zipfile
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm

from loa.orgs.models import KIND_CATEGORY, Organization
from loa.orgs.roles import Role, roles_implying
from loa.units.models import AdminUnit, Level

from . import images, routing
from .diff import html_to_text
from .models import (
    CHECKLIST,
    MAX_AGE,
    Conclusion,
    Gender,
    PublicationRequest,
    RejectionNotice,
    ScopeLevel,
    State,
)

# Attachments: the request letter and its supporting files (seed 000: "kèm file mềm nội dung").
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 20
ATTACHMENT_EXTENSIONS = ("pdf", "docx", "xlsx", "jpg", "jpeg", "png")
ATTACHMENT_ACCEPT = ",".join(f".{ext}" for ext in ATTACHMENT_EXTENSIONS)
_IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG"}
# Office Open XML files are zip archives whose main part sits in this folder.
_OOXML_PART = {"docx": "word/", "xlsx": "xl/"}

# Rich text that holds no words but shows an image or an embedded video is still a body.
_EMBEDDED_MEDIA = re.compile(r"<embed\b", re.IGNORECASE)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def _interpolated(message, **params) -> str:
    """A lazy message with its %-placeholders filled when shown, in the language of that moment."""
    return lazy(lambda: str(message) % params, str)()


def validate_attachment(file: UploadedFile) -> None:
    """An attachment must be a PDF, Word, Excel, JPEG or PNG file that is what its name says."""
    name = os.path.basename(file.name or "")
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            gettext("“%(name)s”: attach PDF, Word (.docx), Excel (.xlsx), JPEG or PNG files only."),
            code="attachment_type",
            params={"name": name},
        )
    if file.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            gettext("“%(name)s” is %(size)s MB; an attachment must not exceed %(max)s MB."),
            code="attachment_size",
            params={
                "name": name,
                "size": _megabytes(file.size),
                "max": _megabytes(ATTACHMENT_MAX_BYTES),
            },
        )
    mismatch = ValidationError(
        gettext("“%(name)s” is not a valid .%(extension)s file."),
        code="attachment_content",
        params={"name": name, "extension": extension},
    )
    file.seek(0)
    try:
        if extension == "pdf":
            if not file.read(5).startswith(b"%PDF"):
                raise mismatch
        elif extension in _IMAGE_FORMATS:
            try:
                with Image.open(file) as picture:
                    detected = picture.format
                    picture.verify()
            except (
                UnidentifiedImageError,
                OSError,
                SyntaxError,
                ValueError,
                EOFError,
                Image.DecompressionBombError,
            ):
                raise mismatch from None
            if detected != _IMAGE_FORMATS[extension]:
                raise mismatch
        else:
            try:
                with zipfile.ZipFile(file) as archive:
                    names = archive.namelist()
            except (zipfile.BadZipFile, OSError, ValueError):
                raise mismatch from None
            if "[Content_Types].xml" not in names or not any(
                n.startswith(_OOXML_PART[extension]) for n in names
            ):
                raise mismatch
    finally:
        file.seek(0)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One or more uploaded files, each checked by the field's validators; cleans to a list."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ATTACHMENT_ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        uploads = data if isinstance(data, (list, tuple)) else [data]
        files: list[UploadedFile] = []
        errors: list[ValidationError] = []
        for upload in uploads:
            if not upload:
                continue
            try:
                files.append(single(upload, initial))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return files


class RepresentativeImageField(forms.FileField):
    """A picture uploaded with the request, checked by `images.validate_representative_image`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": images.ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> UploadedFile | None:
        upload = super().clean(data, initial)
        if upload and upload is not initial:
            images.validate_representative_image(upload)
        return upload or None


class AreasWidget(forms.CheckboxSelectMultiple):
    """The communes of the province as a list of checkboxes, in columns, with a filter box."""

    template_name = "bulletins/widgets/areas.html"


def authoring_organizations(user) -> QuerySet[Organization]:
    """The active agencies `user` may prepare requests for: where they are an author (or head)."""
    non_agency = list(KIND_CATEGORY)  # police units and editorial boards do not send requests
    return (
        Organization.objects.filter(
            is_active=True,
            role_assignments__user=user,
            role_assignments__role__in=roles_implying(Role.AGENCY_AUTHOR),
        )
        .exclude(kind__in=non_agency)
        .select_related("unit__province")
        .distinct()
        .order_by("name")
    )


class PublicationRequestForm(WagtailAdminModelForm):
    """The request letter and its bulletin, as the agency's author prepares them.

    The sending organization is fixed once the request exists; on creation it is the author's
    organization, or a choice among them when they write for several.
    """

    sender = forms.ModelChoiceField(
        queryset=Organization.objects.none(),
        label=capfirst(_("sending organization")),
        required=True,
    )
    image_file = RepresentativeImageField(
        label=capfirst(_("representative image")),
        required=False,
        help_text=_interpolated(
            _(
                "JPEG, PNG or WebP, at most %(max_size)s MB, from %(min_width)d×%(min_height)d to"
                " %(max_width)d×%(max_height)d pixels, landscape: from 1:1 to 2:1."
            ),
            max_size=_megabytes(images.MAX_BYTES),
            min_width=images.MIN_WIDTH,
            min_height=images.MIN_HEIGHT,
            max_width=images.MAX_WIDTH,
            max_height=images.MAX_HEIGHT,
        ),
    )
    genders = forms.MultipleChoiceField(
        label=capfirst(_("genders")),
        choices=Gender.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick none to reach everyone."),
    )
    scope_level = forms.ChoiceField(
        label=capfirst(_("scope")), choices=ScopeLevel.choices, widget=forms.RadioSelect
    )
    scope_units = forms.ModelMultipleChoiceField(
        queryset=AdminUnit.objects.none(),
        label=capfirst(_("areas")),
        required=False,
        widget=AreasWidget,
        help_text=_(
            "For a commune scope, tick the communes. A province scope covers the whole province"
            " of the sending organization; a national scope, the whole country."
        ),
    )
    new_attachments = MultipleFileField(
        label=_("Add attachments"),
        validators=[validate_attachment],
        help_text=_interpolated(
            _(
                "The signed request letter and other files: PDF, Word (.docx), Excel (.xlsx), JPEG"
                " or PNG, at most %(max)s MB each. You can select several files at once."
            ),
            max=_megabytes(ATTACHMENT_MAX_BYTES),
        ),
    )
    remove_attachments = forms.ModelMultipleChoiceField(
        queryset=None,
        label=_("Remove attachments"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta(WagtailAdminModelForm.Meta):
        model = PublicationRequest
        fields = [
            "title",
            "summary",
            "body",
            "image_alt",
            "author_name",
            "source",
            "age_min",
            "age_max",
            "genders",
            "scope_level",
            "scope_units",
            "national_justification",
            "starts_at",
            "ends_at",
            "notes",
            "letter_number",
            "letter_date",
            "letter_signer",
            "comments_need_approval",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "national_justification": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user, senders: QuerySet[Organization] | None = None, **kwargs):
        super().__init__(*args, for_user=user, **kwargs)
        self.user = user
        creating = self.instance.pk is None
        if creating:
            senders = senders if senders is not None else authoring_organizations(user)
            self.fields["sender"].queryset = senders
            self.sender_choices = list(senders)
            if len(self.sender_choices) == 1:
                self.fields["sender"].initial = self.sender_choices[0].pk
                self.fields["sender"].widget = forms.HiddenInput()
            provinces = {org.unit.province_id for org in self.sender_choices}
            del self.fields["remove_attachments"]
        else:
            del self.fields["sender"]
            self.sender_choices = [self.instance.sender]
            provinces = {self.instance.sender.unit.province_id}
            self.fields["remove_attachments"].queryset = self.instance.attachments.all()
            if not self.instance.attachments.exists():
                del self.fields["remove_attachments"]
            # What is saved is kept in the model's own form: the areas of a province or national
            # scope are set from the level and need not be shown ticked.
            self.initial["scope_units"] = [
                unit.pk for unit in self.instance.scope_units.all() if unit.level == Level.COMMUNE
            ]
        self.fields["scope_units"].queryset = AdminUnit.objects.filter(
            province__in=[p for p in provinces if p is not None], level=Level.COMMUNE
        ).order_by("name")
        if creating and len(self.sender_choices) == 1:
            # A commune's agency most often writes for its own commune.
            unit = self.sender_choices[0].unit
            if unit.level == Level.COMMUNE and not self.is_bound:
                self.initial.setdefault("scope_units", [unit.pk])
                self.initial.setdefault("scope_level", ScopeLevel.COMMUNE)
        for name in ("age_min", "age_max"):
            self.fields[name].widget.attrs.update({"min": 0, "max": MAX_AGE})
        if creating:
            self.initial.setdefault("author_name", self.user.get_full_name())

    @property
    def current_image(self):
        return self.instance.image if self.instance.image_id else None

    def selected_sender(self) -> Organization | None:
        if self.instance.pk is not None:
            return self.instance.sender
        return self.cleaned_data.get("sender")

    def clean_body(self) -> str:
        """Refuse a body the editor left with empty paragraphs only.

        Draftail sends ``<p></p>`` for an editor that was focused and left empty, which the
        required check alone lets through.
        """
        body = self.cleaned_data.get("body") or ""
        if not html_to_text(body).strip() and not _EMBEDDED_MEDIA.search(body):
            raise ValidationError(gettext("Write the body of the bulletin."), code="required")
        return body

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        sender = self.selected_sender()
        level = data.get("scope_level")
        if sender is not None and level:
            if level == ScopeLevel.PROVINCE:
                province = sender.unit.province
                data["scope_units"] = [province] if province else []
            elif level == ScopeLevel.NATIONAL:
                data["scope_units"] = []
            units = list(data.get("scope_units") or [])
            try:
                routing.validate_scope(PublicationRequest(sender=sender, scope_level=level), units)
            except ValidationError as error:
                self.add_error(None, error)
        kept = 0
        if self.instance.pk is not None:
            removed = {a.pk for a in data.get("remove_attachments") or []}
            kept = sum(1 for a in self.instance.attachments.all() if a.pk not in removed)
        if kept + len(data.get("new_attachments") or []) > MAX_ATTACHMENTS:
            self.add_error(
                "new_attachments",
                ValidationError(
                    gettext("A request can carry at most %(max)d attachments."),
                    code="too_many_attachments",
                    params={"max": MAX_ATTACHMENTS},
                ),
            )
        return data

    def add_service_error(self, error: ValidationError) -> None:
        """Put an error raised by the workflow on the field it names, or on top of the form."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            target = name if name in self.fields else None
            if name == "image" and "image_file" in self.fields:
                target = "image_file"
            self.add_error(target, errors)


class AppraisalForm(forms.Form):
    """The appraiser's checklist (seed 000's requirements), conclusion and remarks."""

    conclusion = forms.ChoiceField(
        label=capfirst(_("conclusion")), choices=Conclusion.choices, widget=forms.RadioSelect
    )
    remarks = forms.CharField(
        label=capfirst(_("remarks")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Required when recommending refusal; they are offered to the leader as the reasons"
            " of the rejection notice."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        checks = {
            name: forms.BooleanField(label=label, required=False)
            for name, label in CHECKLIST.items()
        }
        self.fields = {**checks, **self.fields}

    def checklist(self) -> dict[str, bool]:
        return {name: bool(self.cleaned_data.get(name)) for name in CHECKLIST}

    def checklist_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in CHECKLIST]

    add_service_error = PublicationRequestForm.add_service_error


class RefusalForm(forms.Form):
    """The leader's refusal and the rejection notice it sends (seed 000, step 3)."""

    reasons = forms.CharField(
        label=capfirst(_("reasons")), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    requested_changes = forms.CharField(
        label=capfirst(_("changes requested")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    notice_number = forms.CharField(
        label=capfirst(_("notice number")), required=False, max_length=60
    )
    signer_name = forms.CharField(label=capfirst(_("signed by")), required=False, max_length=150)
    signer_title = forms.CharField(
        label=capfirst(_("signer's title")), required=False, max_length=150
    )
    recipients = forms.CharField(
        label=capfirst(_("recipients")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line; the sending organization when left empty."),
    )

    add_service_error = PublicationRequestForm.add_service_error


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=capfirst(_("reason for withdrawal")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    add_service_error = PublicationRequestForm.add_service_error


def notice_symbol(issuer: Organization) -> str:
    """The issuer's part of a notice number: "PC06", "C06", or the initials of its short name.

    Vietnamese letters abbreviate the issuing body in capitals after the kind of document
    ("15/TB-PC06"); a code in brackets in the name, as in "Phòng ... (PC06)", is that abbreviation.
    """
    from .letters import ascii_slug

    for text in (issuer.short_name, issuer.name):
        found = re.search(r"\(([A-Z0-9]{2,10})\)", text or "")
        if found:
            return found.group(1)
    words = ascii_slug(issuer.short_name or issuer.name).split("-")
    if len(words) == 1:
        return words[0].upper()
    return "".join(word[0] for word in words if word).upper()


def suggested_notice_number(issuer: Organization | None, today=None) -> str:
    """The issuer's next notice number this year: "{n}/TB-{symbol}"."""
    if issuer is None:
        return ""
    year = (today or timezone.localdate()).year
    issued = RejectionNotice.objects.filter(issuer=issuer, issued_on__year=year).count()
    return f"{issued + 1}/TB-{notice_symbol(issuer)}"


class RequestFilterSet(WagtailFilterSet):
    state = django_filters.MultipleChoiceFilter(
        label=capfirst(_("state")), choices=State.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = PublicationRequest
        fields = ["state"]
