"""The demo province: Đồng Nai (where seed 001 comes from), its agencies, police and accounts.

Everything is keyed by a stable code or username, so loading twice changes nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from loa.orgs.models import Kind, Organization, RoleAssignment
from loa.orgs.roles import Role
from loa.units.models import NATIONAL_CODE, AdminUnit

PROVINCE_CODE = "75"
# Two real communes whose staff get demo accounts: an urban ward and a rural commune.
DEMO_COMMUNES = {"26041": "tranbien", "26368": "longthanh"}
# Staff names for each demo commune: police head, appraiser, culture officer, committee chair.
COMMUNE_STAFF = {
    "26041": ("Trịnh Công Sơn", "Huỳnh Bảo Ngọc", "Tạ Minh Châu", "Dương Văn Phúc"),
    "26368": ("Lâm Quốc Việt", "Cao Thị Mai", "Kiều Anh Tuấn", "Phan Thanh Bình"),
}
DEMO_PASSWORD = os.environ.get("LOA_DEMO_PASSWORD", "Loa-demo-2026")


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    job_title: str
    roles: tuple[tuple[str, Role], ...]  # (organization code, role)
    superuser: bool = False


def _lower_first(name: str) -> str:
    """"Phường Trấn Biên" → "phường Trấn Biên", as it reads after "Công an"."""
    return name[:1].lower() + name[1:]


def _organizations(province: AdminUnit) -> list[dict]:
    nation = AdminUnit.objects.get(code=NATIONAL_CODE)
    orgs = [
        dict(code="BCA-C06", kind=Kind.MINISTRY_POLICE, unit=nation, parent=None,
             name="Cục Cảnh sát quản lý hành chính về trật tự xã hội (C06), Bộ Công an",
             short_name="Cục C06"),
        dict(code="DNI-UBND", kind=Kind.PEOPLES_COMMITTEE, unit=province, parent=None,
             name="Ủy ban nhân dân tỉnh Đồng Nai", short_name="UBND tỉnh"),
        dict(code="DNI-STP", kind=Kind.DEPARTMENT, unit=province, parent="DNI-UBND",
             name="Sở Tư pháp tỉnh Đồng Nai", short_name="Sở Tư pháp"),
        dict(code="DNI-SVHTTDL", kind=Kind.DEPARTMENT, unit=province, parent="DNI-UBND",
             name="Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai", short_name="Sở VHTTDL"),
        dict(code="DNI-SKHCN", kind=Kind.DEPARTMENT, unit=province, parent="DNI-UBND",
             name="Sở Khoa học và Công nghệ tỉnh Đồng Nai", short_name="Sở KH&CN"),
        dict(code="DNI-MTTQ", kind=Kind.FATHERLAND_FRONT, unit=province, parent=None,
             name="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai", short_name="UBMTTQ tỉnh"),
        dict(code="DNI-TDOAN", kind=Kind.SOCIO_POLITICAL, unit=province, parent="DNI-MTTQ",
             name="Tỉnh Đoàn Đồng Nai", short_name="Tỉnh Đoàn"),
        dict(code="DNI-THUE", kind=Kind.CENTRAL_AGENCY, unit=province, parent=None,
             name="Thuế tỉnh Đồng Nai", short_name="Thuế tỉnh"),
        dict(code="DNI-CAT", kind=Kind.PROVINCIAL_POLICE, unit=province, parent=None,
             name="Công an tỉnh Đồng Nai", short_name="Công an tỉnh"),
        dict(code="DNI-PC06", kind=Kind.POLICE_DIVISION, unit=province, parent="DNI-CAT",
             name="Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06), Công an tỉnh Đồng Nai",
             short_name="Phòng PC06"),
        dict(code="DNI-BBT", kind=Kind.EDITORIAL_BOARD, unit=province, parent="DNI-UBND",
             name="Ban Biên tập Cổng thông tin điện tử tỉnh Đồng Nai", short_name="Ban Biên tập"),
    ]
    for commune in AdminUnit.objects.communes_of(province).order_by("code"):
        orgs.append(dict(code=f"UBND-{commune.code}", kind=Kind.PEOPLES_COMMITTEE, unit=commune,
                         parent="DNI-UBND", name=f"Ủy ban nhân dân {_lower_first(commune.name)}",
                         short_name=f"UBND {commune.name}"))
        orgs.append(dict(code=f"CA-{commune.code}", kind=Kind.COMMUNE_POLICE, unit=commune,
                         parent="DNI-CAT", name=f"Công an {_lower_first(commune.name)}",
                         short_name=f"Công an {commune.name}"))
    return orgs


def _accounts() -> list[DemoAccount]:
    accounts = [
        DemoAccount("quantri", "Nguyễn Văn Quản", "Quản trị hệ thống", (("DNI-UBND", Role.SYSTEM_ADMIN),), superuser=True),
        DemoAccount("c06.lanhdao", "Trần Quốc Hùng", "Phó Cục trưởng", (("BCA-C06", Role.POLICE_LEADER),)),
        DemoAccount("cat.quantri", "Lê Minh Tâm", "Cán bộ quản trị Đề án 06",
                    (("DNI-CAT", Role.UNIT_ADMIN), ("DNI-CAT", Role.POLICE_LEADER))),
        DemoAccount("pc06.lanhdao", "Phạm Thị Hoa", "Trưởng phòng PC06", (("DNI-PC06", Role.POLICE_LEADER),)),
        DemoAccount("pc06.thamdinh", "Võ Thành Long", "Cán bộ thẩm định", (("DNI-PC06", Role.POLICE_APPRAISER),)),
        DemoAccount("ubnd.quantri", "Đỗ Thu Trang", "Chuyên viên Văn phòng UBND tỉnh",
                    (("DNI-UBND", Role.UNIT_ADMIN), ("DNI-UBND", Role.AGENCY_HEAD))),
        DemoAccount("stp.tacgia", "Bùi Ngọc Lan", "Chuyên viên Phòng Phổ biến pháp luật", (("DNI-STP", Role.AGENCY_AUTHOR),)),
        DemoAccount("stp.lanhdao", "Hoàng Văn Nam", "Giám đốc Sở Tư pháp", (("DNI-STP", Role.AGENCY_HEAD),)),
        DemoAccount("svh.tacgia", "Ngô Mỹ Duyên", "Chuyên viên Sở VHTTDL", (("DNI-SVHTTDL", Role.AGENCY_AUTHOR),)),
        DemoAccount("bbt.phongvien", "Lý Hải Đăng", "Phóng viên", (("DNI-BBT", Role.PORTAL_REPORTER),)),
        DemoAccount("bbt.bientap", "Mai Anh Thư", "Biên tập viên", (("DNI-BBT", Role.PORTAL_EDITOR),)),
        DemoAccount("bbt.tongbientap", "Đặng Quốc Bảo", "Trưởng Ban Biên tập", (("DNI-BBT", Role.EDITOR_IN_CHIEF),)),
    ]
    for code, slug in DEMO_COMMUNES.items():
        head, appraiser, author, chair = COMMUNE_STAFF[code]
        accounts += [
            DemoAccount(f"ca.{slug}.truong", head, "Trưởng Công an",
                        ((f"CA-{code}", Role.UNIT_ADMIN), (f"CA-{code}", Role.POLICE_LEADER))),
            DemoAccount(f"ca.{slug}.thamdinh", appraiser, "Cán bộ Công an",
                        ((f"CA-{code}", Role.POLICE_APPRAISER),)),
            DemoAccount(f"ubnd.{slug}.tacgia", author, "Công chức Văn hóa - Xã hội",
                        ((f"UBND-{code}", Role.AGENCY_AUTHOR),)),
            DemoAccount(f"ubnd.{slug}.chutich", chair, "Chủ tịch UBND",
                        ((f"UBND-{code}", Role.AGENCY_HEAD),)),
        ]
    return accounts


def demo_accounts() -> list[DemoAccount]:
    return _accounts()


@transaction.atomic
def load_demo() -> tuple[int, int]:
    """Create or refresh the demo organizations and accounts; returns (organizations, accounts)."""
    province = AdminUnit.objects.get(code=PROVINCE_CODE)
    orgs = _organizations(province)
    by_code: dict[str, Organization] = {}
    for spec in orgs:  # parents come before their children in the list
        parent_code = spec.pop("parent")
        spec["parent"] = by_code.get(parent_code) if parent_code else None
        code = spec.pop("code")
        by_code[code], _ = Organization.objects.update_or_create(code=code, defaults=spec)
    User = get_user_model()
    accounts = _accounts()
    for account in accounts:
        family_name, _, given_name = account.full_name.rpartition(" ")
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={"first_name": given_name, "last_name": family_name,
                      "job_title": account.job_title, "is_superuser": account.superuser,
                      "is_staff": account.superuser},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        for org_code, role in account.roles:
            RoleAssignment.objects.get_or_create(user=user, organization=by_code[org_code], role=role)
    return len(orgs), len(accounts)
