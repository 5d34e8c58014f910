"""Organizations (agencies, police units, editorial boards) and the roles staff hold in them."""

from __future__ import annotations

from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from loa.units.models import AdminUnit, Level, within_q

from .roles import Category, Role


class Kind(models.TextChoices):
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
    DEPARTMENT = "department", _("Provincial department")
    PUBLIC_SERVICE_UNIT = "public_service_unit", _("Public service unit")
    FATHERLAND_FRONT = "fatherland_front", _("Fatherland Front")
    SOCIO_POLITICAL = "socio_political", _("Socio-political organization")
    CENTRAL_AGENCY = "central_agency", _("Central agency located in the province")
    MINISTRY_POLICE = "ministry_police", _("Ministry of Public Security department (C06)")
    PROVINCIAL_POLICE = "provincial_police", _("Provincial police")
    POLICE_DIVISION = "police_division", _("Provincial police division (PC06)")
    DISTRICT_POLICE = "district_police", _("District police")
    COMMUNE_POLICE = "commune_police", _("Commune police")
    EDITORIAL_BOARD = "editorial_board", _("Editorial board")


KIND_CATEGORY: dict[str, Category] = {
    Kind.MINISTRY_POLICE: Category.POLICE,
    Kind.PROVINCIAL_POLICE: Category.POLICE,
    Kind.POLICE_DIVISION: Category.POLICE,
    Kind.DISTRICT_POLICE: Category.POLICE,
    Kind.COMMUNE_POLICE: Category.POLICE,
    Kind.EDITORIAL_BOARD: Category.EDITORIAL,
}

# The administrative levels at which each kind of organization can sit.
KIND_LEVELS: dict[str, set[str]] = {
    Kind.PEOPLES_COMMITTEE: {Level.PROVINCE, Level.DISTRICT, Level.COMMUNE},
    Kind.DEPARTMENT: {Level.PROVINCE},
    Kind.PUBLIC_SERVICE_UNIT: {Level.PROVINCE, Level.DISTRICT, Level.COMMUNE},
    Kind.FATHERLAND_FRONT: {Level.NATIONAL, Level.PROVINCE, Level.DISTRICT, Level.COMMUNE},
    Kind.SOCIO_POLITICAL: {Level.NATIONAL, Level.PROVINCE, Level.DISTRICT, Level.COMMUNE},
    Kind.CENTRAL_AGENCY: {Level.PROVINCE},
    Kind.MINISTRY_POLICE: {Level.NATIONAL},
    Kind.PROVINCIAL_POLICE: {Level.PROVINCE},
    Kind.POLICE_DIVISION: {Level.PROVINCE},
    Kind.DISTRICT_POLICE: {Level.DISTRICT},
    Kind.COMMUNE_POLICE: {Level.COMMUNE},
    Kind.EDITORIAL_BOARD: {Level.NATIONAL, Level.PROVINCE, Level.DISTRICT, Level.COMMUNE},
}


class LocalName(NamedTuple):
    text: str
    language_code: str


class Organization(models.Model):
    """An agency, police unit or editorial board, seated at an administrative unit.

    Its jurisdiction is its unit and everything inside it.
    """

    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("A stable identifier, such as the agency's electronic identification code."),
    )
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    english_name = models.CharField(
        _("English name"),
        max_length=255,
        blank=True,
        help_text=_("Shown on the English pages of the organization's sites."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    unit = models.ForeignKey(
        AdminUnit,
        verbose_name=_("administrative unit"),
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["unit__code", "name"]
        indexes = [models.Index(fields=["kind", "unit"])]

    def __str__(self) -> str:
        return self.name

    def name_in(self, language_code: str) -> LocalName:
        """The name to show on a page in `language_code`: the English name on English pages when
        there is one, otherwise the Vietnamese name, which says it is Vietnamese (for screen
        readers and translation tools)."""
        if language_code == "en" and self.english_name:
            return LocalName(self.english_name, "en")
        return LocalName(self.name, "vi")

    @property
    def category(self) -> Category:
        return KIND_CATEGORY.get(self.kind, Category.AGENCY)

    @property
    def level(self) -> str:
        return self.unit.level

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.unit_id and self.kind and self.unit.level not in KIND_LEVELS[self.kind]:
            errors.setdefault("unit", []).append(
                _("A %(kind)s cannot sit at the %(level)s level.")
                % {"kind": self.get_kind_display(), "level": self.unit.get_level_display()}
            )
        if self.parent_id:
            if self.parent_creates_cycle():
                errors.setdefault("parent", []).append(
                    _("This parent would make the organization its own ancestor.")
                )
            elif self.unit_id and not self.parent.unit.contains(self.unit):
                errors.setdefault("parent", []).append(
                    _("The parent organization's area must include this organization's unit.")
                )
        if self.pk and self.unit_id and self.children_outside(self.unit).exists():
            errors.setdefault("unit", []).append(
                _("Some organizations under this one lie outside the new unit; move them first.")
            )
        if errors:
            raise ValidationError(errors)

    def children_outside(self, unit: AdminUnit) -> models.QuerySet[Organization]:
        """Direct children whose unit would not lie inside `unit`."""
        return self.children.exclude(within_q(unit, "unit"))

    def parent_creates_cycle(self) -> bool:
        """Whether following parents from the chosen parent leads back to this organization."""
        if self.pk is None:
            return False
        seen: set[int] = set()
        ancestor = self.parent
        while ancestor is not None and ancestor.pk not in seen:
            if ancestor.pk == self.pk:
                return True
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        return False


class RoleAssignment(models.Model):
    """A user acting for an organization in a role: the unit of access control."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization", "role"], name="unique_role_assignment"
            )
        ]
        indexes = [models.Index(fields=["role", "organization"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.organization}"
