"""The catalogue of administrative procedures (thủ tục hành chính) a member site publishes.

Each site keeps the procedures its agency handles, as listed in the National Database of
Administrative Procedures: the code there identifies a procedure, so a site holds each code once and
an import updates by code. Page types live in `pages.py`; they are imported here so that Django
finds them.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from loa.search.text import fold

from .pages import ProcedureIndexPage  # noqa: F401

# A code of the national database: "1.001193", or the longer form a province gives the procedure
# when it publishes it locally, "1.001193.000.00.00.H16".
CODE_PATTERN = r"\d\.\d{6}(?:\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?"
validate_code = RegexValidator(
    rf"^{CODE_PATTERN}\Z",
    _("Enter the procedure's code as in the National Database of Administrative Procedures,"
      " such as 1.001193 or 2.000635."),
)
# Bullets people type before each paper; the list is drawn by the page, not by the text.
_BULLET = re.compile(r"^\s*(?:[-–•*+]|\d+[.)])\s*")


def _lines(text: str) -> list[str]:
    return [_BULLET.sub("", line).strip() for line in text.splitlines() if line.strip()]


class Level(models.TextChoices):
    """The level of government that carries out a procedure (cấp thực hiện)."""

    CENTRAL = "central", _("Central level")
    PROVINCE = "province", _("Provincial level")
    COMMUNE = "commune", _("Commune level")
    OTHER = "other", _("Other agencies")


class OnlineService(models.TextChoices):
    """How far the procedure can be done online (Decree 42/2022/NĐ-CP, Article 11)."""

    FULL = "full", _("Full online public service")
    PARTIAL = "partial", _("Partial online public service")
    NONE = "none", _("No online public service")


class ProcedureQuerySet(QuerySet):
    def of_site_of(self, page) -> ProcedureQuerySet:
        """The procedures of the site `page` belongs to, in one joined query."""
        from wagtail.models import Page

        return self.filter(site__site__root_page__in=Page.objects.ancestor_of(page, inclusive=True))

    def search(self, query: str) -> ProcedureQuerySet:
        """Procedures matching every word of `query`, diacritics or not; best matches first.

        An exact code comes first, then procedures holding the words as one phrase, then those
        holding them apart; ties go by name. The folded text is compared with LIKE: a site holds
        hundreds of procedures, not millions, so no search index is needed.
        """
        folded = fold(query)
        words = folded.split()
        if not words:
            return self
        matches = self
        for word in words:
            matches = matches.filter(search_text__contains=word)
        return matches.annotate(
            rank=Case(
                When(code=query.strip(), then=Value(0)),
                When(search_text__contains=folded, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        ).order_by("rank", "name", "code")


class AdministrativeProcedure(models.Model):
    """One administrative procedure as a member site publishes it to citizens and businesses."""

    site = models.ForeignKey(
        "portal.MemberSite",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="procedures",
    )
    code = models.CharField(
        _("code"),
        max_length=40,
        validators=[validate_code],
        help_text=_(
            "The code in the National Database of Administrative Procedures, such as 1.001193."
        ),
    )
    name = models.CharField(_("name"), max_length=500)
    field = models.CharField(
        _("field"),
        max_length=255,
        help_text=_("The field the procedure belongs to, such as Hộ tịch."),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    agency = models.CharField(_("implementing agency"), max_length=255, blank=True)
    processing_time = models.CharField(
        _("processing time"), max_length=255, blank=True, help_text=_("Such as “03 ngày làm việc”.")
    )
    fees = models.TextField(_("fees and charges"), blank=True)
    papers = models.TextField(
        _("required papers"), blank=True, help_text=_("One paper on each line.")
    )
    result = models.TextField(_("result"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    online_service = models.CharField(
        _("online public service"),
        max_length=10,
        choices=OnlineService.choices,
        default=OnlineService.NONE,
    )
    online_service_url = models.URLField(
        _("online public service link"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("The procedure's page on the National Public Service Portal (dichvucong.gov.vn)"
                    " or the province's portal."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Code, name, field and agency without diacritics, in lower case: what the search box matches.
    search_text = models.TextField(editable=False, default="")

    objects = ProcedureQuerySet.as_manager()

    class Meta:
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")
        ordering = ["name", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "code"],
                name="procedures_unique_code_per_site",
                violation_error_message=_("This site already has a procedure with this code."),
            )
        ]
        indexes = [models.Index(fields=["site", "field"]), models.Index(fields=["site", "level"])]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    def clean(self) -> None:
        super().clean()
        offered = self.online_service != OnlineService.NONE
        if offered and not self.online_service_url:
            raise ValidationError(
                {"online_service_url": _("Give the link to the online public service.")}
            )
        if self.online_service_url and not offered:
            raise ValidationError(
                {"online_service": _("Say whether the online public service is full or partial.")}
            )

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.code} {self.name} {self.field} {self.agency}")
        if (update_fields := kwargs.get("update_fields")) is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    @property
    def paper_list(self) -> list[str]:
        """The required papers, one per line as typed, without the bullets people type."""
        return _lines(self.papers)

    @property
    def legal_basis_list(self) -> list[str]:
        return _lines(self.legal_basis)

    @property
    def slug(self) -> str:
        """The code as the end of the procedure's address: Wagtail's page paths allow no dots."""
        return self.code.replace(".", "-")

    @property
    def is_online(self) -> bool:
        return self.online_service != OnlineService.NONE and bool(self.online_service_url)

