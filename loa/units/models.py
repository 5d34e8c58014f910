"""Administrative units (đơn vị hành chính): the nation, its provinces, optional districts, communes.

Every unit keeps its province and district as columns beside its parent. The tree is at most four
levels deep, so "is A inside B" and "every commune of a province" become single equality lookups on
indexed columns, on SQLite and PostgreSQL alike, with no recursive query and no Python loop.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Exists, Q
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")


class Kind(models.TextChoices):
    """The legal type of a unit (loại đơn vị hành chính)."""

    NATION = "quoc_gia", _("Nation")
    PROVINCE = "tinh", _("Province")
    CENTRAL_CITY = "thanh_pho_trung_uong", _("Centrally governed city")
    DISTRICT = "huyen", _("Rural district")
    URBAN_DISTRICT = "quan", _("Urban district")
    TOWN = "thi_xa", _("Town")
    PROVINCIAL_CITY = "thanh_pho_thuoc_tinh", _("Provincial city")
    COMMUNE = "xa", _("Commune")
    WARD = "phuong", _("Ward")
    TOWNSHIP = "thi_tran", _("Township")
    SPECIAL_ZONE = "dac_khu", _("Special zone")


NATIONAL_CODE = "VN"


class AdminUnitQuerySet(models.QuerySet):
    def within(self, unit: AdminUnit) -> AdminUnitQuerySet:
        """The unit and every unit inside it."""
        return self.filter(within_q(unit))

    def communes_of(self, unit: AdminUnit) -> AdminUnitQuerySet:
        return self.within(unit).filter(level=Level.COMMUNE)

    def provinces(self) -> AdminUnitQuerySet:
        return self.filter(level=Level.PROVINCE)


class AdminUnit(models.Model):
    code = models.CharField(
        _("code"), max_length=10, unique=True, help_text=_("Official administrative unit code.")
    )
    name = models.CharField(_("name"), max_length=150)
    codename = models.SlugField(_("code name"), max_length=150, allow_unicode=False)
    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Denormalised ancestors; a province's and a district's point at themselves.
    province = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    district = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )

    objects = AdminUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["code"]
        indexes = [models.Index(fields=["province", "level"]), models.Index(fields=["district"])]

    def __str__(self) -> str:
        return self.name

    def contains(self, other: AdminUnit) -> bool:
        """Whether `other` is this unit or lies inside it, from the loaded columns alone."""
        if self.level == Level.NATIONAL or self.pk == other.pk:
            return True
        if self.level == Level.PROVINCE:
            return other.province_id == self.pk
        if self.level == Level.DISTRICT:
            return other.district_id == self.pk
        return False

    def set_ancestors(self) -> None:
        """Derive `province` and `district` from the parent; called before saving."""
        parent = self.parent
        self.province = self if self.level == Level.PROVINCE else (parent.province if parent else None)
        self.district = self if self.level == Level.DISTRICT else (parent.district if parent else None)

    def save(self, *args, **kwargs):
        # A province or district points at itself, which needs a primary key first.
        if self.pk is None and self.level in (Level.PROVINCE, Level.DISTRICT):
            super().save(*args, **kwargs)
            kwargs = {**kwargs, "force_insert": False}
        self.set_ancestors()
        super().save(*args, **kwargs)


def within_q(unit: AdminUnit, field: str = "") -> Q:
    """A filter for rows whose unit (reached through `field`) is `unit` or lies inside it."""
    prefix = f"{field}__" if field else ""
    if unit.level == Level.NATIONAL:
        return Q()
    if unit.level == Level.PROVINCE:
        return Q(**{f"{prefix}province": unit})
    if unit.level == Level.DISTRICT:
        return Q(**{f"{prefix}district": unit})
    return Q(**{f"{prefix}pk": unit.pk})


def unit_contains(outer_code: str, inner_code: str) -> bool:
    """Whether the unit coded `inner_code` is inside the one coded `outer_code`, in one query."""
    outer = AdminUnit.objects.filter(code=outer_code)
    outer_pk = outer.values("pk")
    return (
        AdminUnit.objects.filter(code=inner_code)
        .filter(
            Q(pk__in=outer_pk)
            | Q(province__in=outer_pk)
            | Q(district__in=outer_pk)
            | Q(Exists(outer.filter(level=Level.NATIONAL)))
        )
        .exists()
    )
