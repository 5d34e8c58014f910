"""Legal and directive documents (văn bản), drafts open for public comment, and the comments.

Each record belongs to one member site, the site whose editors publish it; the admin narrows every
list and every address by id to the sites a user edits (`loa.portal.membership.sites_edited_by`).
Page types live in `pages.py`; they are imported here so that Django finds them.
"""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.fields import RichTextField

from loa.portal.blocks import INLINE_FEATURES
from loa.search.text import fold

from .pages import LegalDocumentIndexPage  # noqa: F401
from .status import Status, status_on

DOCUMENT_MODEL = getattr(settings, "WAGTAILDOCS_DOCUMENT_MODEL", "wagtaildocs.Document")

# "42/2022/NĐ-CP", "148/2025/QH15", "15/CT-UBND", "1234/UBND-KTN", "05a/2024/TT-BTP": a number,
# then parts after slashes made of letters and digits joined by hyphens or dots; no spaces.
NUMBER_PATTERN = re.compile(r"^\d+[a-z]?(?:/[^\W_]+(?:[-.&][^\W_]+)*)+$", re.IGNORECASE)


class DocumentType(models.TextChoices):
    """The kinds of legal and directive documents an agency of a province issues or relays."""

    LAW = "law", pgettext_lazy("document type", "Law")
    RESOLUTION = "resolution", pgettext_lazy("document type", "Resolution")
    DECREE = "decree", pgettext_lazy("document type", "Decree")
    CIRCULAR = "circular", pgettext_lazy("document type", "Circular")
    DECISION = "decision", pgettext_lazy("document type", "Decision")
    DIRECTIVE = "directive", pgettext_lazy("document type", "Directive")
    OFFICIAL_LETTER = "official_letter", pgettext_lazy("document type", "Official letter")
    PLAN = "plan", pgettext_lazy("document type", "Plan")
    NOTICE = "notice", pgettext_lazy("document type", "Notice")
    GUIDANCE = "guidance", pgettext_lazy("document type", "Guidance")
    REPORT = "report", pgettext_lazy("document type", "Report")
    OTHER = "other", pgettext_lazy("document type", "Other document")


# The Vietnamese names of the types and their abbreviations in numbers and symbols (Decree
# 30/2020/NĐ-CP, Appendix III). They go into the search text whatever the interface language, so
# that "nghi dinh" finds a decree on the English pages too, and before any translation is compiled.
TYPE_TERMS: dict[str, str] = {
    DocumentType.LAW: "Luật",
    DocumentType.RESOLUTION: "Nghị quyết NQ",
    DocumentType.DECREE: "Nghị định NĐ",
    DocumentType.CIRCULAR: "Thông tư TT",
    DocumentType.DECISION: "Quyết định QĐ",
    DocumentType.DIRECTIVE: "Chỉ thị CT",
    DocumentType.OFFICIAL_LETTER: "Công văn",
    DocumentType.PLAN: "Kế hoạch KH",
    DocumentType.NOTICE: "Thông báo TB",
    DocumentType.GUIDANCE: "Hướng dẫn HD",
    DocumentType.REPORT: "Báo cáo BC",
    DocumentType.OTHER: "",
}


def normalize_number(number: str) -> str:
    """The number and symbol as typed, in composed Unicode, without spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", number or ""))


def number_key(number: str) -> str:
    """What an exact search for a number compares: folded, so "42/2022/nd-cp" finds "42/2022/NĐ-CP"."""
    return fold(normalize_number(number))


class SubjectArea(models.Model):
    """A field (lĩnh vực) such as land, education or justice.

    A short list kept by the province for every site, rather than fixed choices: provinces name
    their fields differently and add some over time, and one list lets the portal and its member
    sites be filtered alike.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)

    class Meta:
        verbose_name = pgettext_lazy("legal", "field")
        verbose_name_plural = pgettext_lazy("legal", "fields")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LegalDocument(models.Model):
    """A legal or directive document published on a member site, with its files."""

    site = models.ForeignKey(
        "portal.MemberSite",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="legal_documents",
    )
    number = models.CharField(
        _("number and symbol"),
        max_length=60,
        help_text=_("As printed on the document, e.g. 42/2022/NĐ-CP."),
    )
    document_type = models.CharField(_("type"), max_length=20, choices=DocumentType.choices)
    issuer = models.CharField(_("issuer"), max_length=255)
    signer = models.CharField(_("signer"), max_length=255, blank=True)
    issued_on = models.DateField(_("issue date"))
    effective_on = models.DateField(
        _("effective date"),
        blank=True,
        help_text=_("Leave empty when it takes effect on the issue date."),
    )
    expires_on = models.DateField(
        _("expiry date"),
        null=True,
        blank=True,
        help_text=_("The first day it no longer applies, if known."),
    )
    status_override = models.CharField(
        _("status set by hand"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text=_(
            "Leave empty to follow the dates; set it when a later text repealed this one in part or in full."
        ),
    )
    subject_area = models.ForeignKey(
        SubjectArea,
        verbose_name=pgettext_lazy("legal", "field"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    summary = models.TextField(_("summary"), max_length=2000)
    files = models.ManyToManyField(
        DOCUMENT_MODEL, verbose_name=_("files"), blank=True, related_name="+"
    )
    # The number folded: "12/QD-UBND" and "12/qđ-ubnd" are the same document's number.
    number_key = models.CharField(max_length=60, editable=False)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "number_key"], name="legal_document_number_unique_per_site"
            )
        ]
        indexes = [models.Index(fields=["site", "-issued_on"], name="legal_document_site_issued")]

    def __str__(self) -> str:
        return f"{self.number} – {self.get_document_type_display()}"

    @property
    def status(self) -> Status:
        return status_on(
            timezone.localdate(), self.effective_on, self.expires_on, self.status_override
        )

    def clean(self) -> None:
        self.number = normalize_number(self.number)
        errors = {}
        if self.number and not NUMBER_PATTERN.match(self.number):
            errors["number"] = _(
                "Write the number and symbol as on the document, such as 42/2022/NĐ-CP or 15/CT-UBND."
            )
        if self.issued_on and not self.effective_on:
            self.effective_on = self.issued_on
        if self.issued_on and self.effective_on and self.effective_on < self.issued_on:
            errors["effective_on"] = _("A document cannot take effect before it is issued.")
        if self.expires_on and self.effective_on and self.expires_on <= self.effective_on:
            errors["expires_on"] = _("The expiry date must come after the effective date.")
        self.number_key = number_key(self.number)
        if (
            self.site_id
            and self.number
            and LegalDocument.objects.filter(site_id=self.site_id, number_key=self.number_key)
            .exclude(pk=self.pk)
            .exists()
        ):
            errors["number"] = _("This site already has a document with this number and symbol.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        self.number = normalize_number(self.number)
        self.effective_on = self.effective_on or self.issued_on
        self.number_key = number_key(self.number)
        with translation.override("en"):
            type_label = str(self.get_document_type_display())
        area = self.subject_area.name if self.subject_area_id else ""
        self.search_text = fold(
            " ".join(
                [
                    self.number,
                    TYPE_TERMS[self.document_type],
                    type_label,
                    self.issuer,
                    self.signer,
                    area,
                    self.summary,
                ]
            )
        )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        # The files were uploaded for this document alone.
        files = list(self.files.all())
        result = super().delete(*args, **kwargs)
        for document in files:
            document.delete()
        return result


class Consultation(models.Model):
    """A draft open for public comment (dự thảo lấy ý kiến) between two moments."""

    site = models.ForeignKey(
        "portal.MemberSite",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="consultations",
    )
    title = models.CharField(_("title"), max_length=255)
    drafting_agency = models.CharField(_("drafting agency"), max_length=255)
    summary = models.TextField(_("summary"), max_length=2000)
    body = RichTextField(
        _("content"), features=INLINE_FEATURES + ["h2", "h3", "ol", "ul"], blank=True
    )
    files = models.ManyToManyField(
        DOCUMENT_MODEL, verbose_name=_("files"), blank=True, related_name="+"
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("draft for public comment")
        verbose_name_plural = _("drafts for public comment")
        ordering = ["-closes_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("The closing time must come after the opening time.")}
            )

    @admin.display(description=_("closes at"), ordering="closes_at")
    def closes_at_display(self) -> str:
        return formats.localize(timezone.localtime(self.closes_at))

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    def delete(self, *args, **kwargs):
        files = list(self.files.all())
        result = super().delete(*args, **kwargs)
        for document in files:
            document.delete()
        return result


class ConsultationComment(models.Model):
    """A comment sent on a draft. Only the drafting site's editors read it; it is never published."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=pgettext_lazy("legal", "draft"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    name = models.CharField(_("full name"), max_length=120)
    email = models.EmailField(_("email"), max_length=254)
    organization = models.CharField(_("organization"), max_length=255, blank=True)
    content = models.TextField(pgettext_lazy("legal", "comment"), max_length=5000)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment on a draft")
        verbose_name_plural = _("comments on drafts")
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} – {self.consultation}"
