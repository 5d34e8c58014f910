"""Load the official administrative units from the `vietnam-provinces` package.

Loading is an upsert keyed on the official code: running it again updates names and types and adds
what is new, and never deletes, because organizations and historic records point at units.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from tqdm import tqdm
from vietnam_provinces import Province, VietNamDivisionType, Ward
from vietnam_provinces import __data_version__ as DATA_VERSION

from .cache import invalidate
from .models import NATIONAL_CODE, AdminUnit, Kind, Level

KIND_OF_DIVISION = {
    VietNamDivisionType.TINH: Kind.PROVINCE,
    VietNamDivisionType.THANH_PHO_TRUNG_UONG: Kind.CENTRAL_CITY,
    VietNamDivisionType.XA: Kind.COMMUNE,
    VietNamDivisionType.PHUONG: Kind.WARD,
    VietNamDivisionType.DAC_KHU: Kind.SPECIAL_ZONE,
}
UPDATED_FIELDS = ["name", "codename", "kind", "level", "parent", "province", "district"]


def province_code(number: int) -> str:
    return f"{number:02d}"


def commune_code(number: int) -> str:
    return f"{number:05d}"


@dataclass
class LoadReport:
    provinces: int
    communes: int
    data_version: str = DATA_VERSION


def is_loaded() -> bool:
    """Whether every province and commune of the package is already in the database."""
    return AdminUnit.objects.filter(level=Level.PROVINCE).count() == len(
        list(Province.iter_all())
    ) and AdminUnit.objects.filter(level=Level.COMMUNE).count() == len(list(Ward.iter_all()))


def _upsert(units: Iterable[AdminUnit]) -> None:
    AdminUnit.objects.bulk_create(
        list(units), update_conflicts=True, unique_fields=["code"], update_fields=UPDATED_FIELDS
    )


@transaction.atomic
def load_units(progress: bool = False) -> LoadReport:
    nation, _ = AdminUnit.objects.update_or_create(
        code=NATIONAL_CODE,
        defaults={
            "name": "Việt Nam",
            "codename": "viet_nam",
            "kind": Kind.NATION,
            "level": Level.NATIONAL,
        },
    )
    provinces = sorted(Province.iter_all(), key=lambda p: p.code)
    _upsert(
        AdminUnit(
            code=province_code(p.code),
            name=p.name,
            codename=p.codename,
            kind=KIND_OF_DIVISION[p.division_type],
            level=Level.PROVINCE,
            parent=nation,
        )
        for p in provinces
    )
    province_units = AdminUnit.objects.provinces().in_bulk(field_name="code")
    # A province is its own `province`, so that "inside province P" is one equality test.
    for unit in province_units.values():
        unit.province = unit
    AdminUnit.objects.bulk_update(province_units.values(), ["province"])

    wards_by_province: dict[int, list[Ward]] = {}
    for ward in Ward.iter_all():
        wards_by_province.setdefault(ward.province_code, []).append(ward)
    communes = 0
    for province in tqdm(provinces, desc="Đơn vị hành chính", unit="tỉnh", disable=not progress):
        unit = province_units[province_code(province.code)]
        wards = wards_by_province.get(province.code, [])
        _upsert(
            AdminUnit(
                code=commune_code(w.code),
                name=w.name,
                codename=w.codename,
                kind=KIND_OF_DIVISION[w.division_type],
                level=Level.COMMUNE,
                parent=unit,
                province=unit,
                district=None,
            )
            for w in wards
        )
        communes += len(wards)
    # bulk_create sends no signals: say it ourselves, once the transaction has committed.
    transaction.on_commit(invalidate)
    return LoadReport(provinces=len(provinces), communes=communes)
