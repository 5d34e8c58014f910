"""Procedure fixtures: two member sites (a department's and a commune's) and sheets to import."""

from __future__ import annotations

import csv
import io

import pytest

from loa.procedures.models import AdministrativeProcedure, Level, OnlineService
from tests.portal.conftest import orgs, site_a, site_b  # noqa: F401  (shared with the portal's tests)

HEADERS = ["Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Thành phần hồ sơ",
           "Mức độ dịch vụ công trực tuyến", "Đường dẫn dịch vụ công trực tuyến"]


def sheet(*rows: list[str], headers: list[str] = HEADERS, delimiter: str = ",") -> io.BytesIO:
    """A CSV file, as Excel's "CSV UTF-8" writes it (with a byte order mark)."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return io.BytesIO(text.getvalue().encode("utf-8-sig"))


def make_procedure(site, code: str, name: str, **fields) -> AdministrativeProcedure:
    procedure = AdministrativeProcedure(
        site=site.member,
        code=code,
        name=name,
        field=fields.pop("field", "Hộ tịch"),
        level=fields.pop("level", Level.COMMUNE),
        **fields,
    )
    procedure.full_clean()
    procedure.save()
    return procedure


@pytest.fixture
def catalogue(site_b):  # noqa: F811  (the imported fixture)
    """A commune's small catalogue, with and without online services."""
    return {
        "birth": make_procedure(
            site_b, "1.001193", "Đăng ký khai sinh", online_service=OnlineService.FULL,
            online_service_url="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
            papers="- Tờ khai đăng ký khai sinh\n- Giấy chứng sinh\n\n",
        ),
        "late_birth": make_procedure(site_b, "1.004859", "Đăng ký lại khai sinh"),
        "marriage": make_procedure(site_b, "1.000894", "Đăng ký kết hôn"),
        "copy": make_procedure(
            site_b, "2.000815", "Chứng thực bản sao từ bản chính", field="Chứng thực",
        ),
        "province": make_procedure(
            site_b, "2.000488", "Cấp Phiếu lý lịch tư pháp", field="Lý lịch tư pháp",
            level=Level.PROVINCE,
        ),
    }
