"""Builders for Loa channel tests, on the demo province (Đồng Nai) and its real communes."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from loa.bulletins.models import PublicationRequest, ScopeLevel
from loa.demo.data import load_demo
from loa.orgs.models import Organization
from loa.units.models import AdminUnit

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TRAN_BIEN = "26041"
LONG_THANH = "26368"


def make_image(width: int = 1200, height: int = 675, title: str = "Ảnh đại diện"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (180, 40, 30)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name="anh-dai-dien.png")
    )


def make_request(sender: Organization, *, scope_units=(), user=None, **fields) -> PublicationRequest:
    start = fields.pop("starts_at", datetime(2026, 3, 2, 8, 0, tzinfo=VN))
    values = {
        "title": "Cảnh giác với thủ đoạn lừa đảo qua mạng",
        "summary": "Công an khuyến cáo người dân không cung cấp mã OTP cho bất kỳ ai.",
        "body": "<p>Thời gian gần đây xuất hiện nhiều thủ đoạn lừa đảo.</p>",
        "author_name": "Tổ tuyên truyền",
        "scope_level": ScopeLevel.COMMUNE,
        "starts_at": start,
        "ends_at": start + timedelta(days=30),
        "letter_number": "12/UBND-VHXH",
    }
    values.update(fields)
    if "image" not in values:
        values["image"] = make_image()
    request = PublicationRequest(sender=sender, created_by=user, **values)
    request.full_clean()
    request.save()
    request.scope_units.set(list(scope_units))
    request.save()
    return request


@pytest.fixture
def demo(db):
    load_demo()
    User = get_user_model()

    class Demo:
        users = {user.username: user for user in User.objects.all()}
        orgs = {org.code: org for org in Organization.objects.all()}
        units = {code: AdminUnit.objects.get(code=code) for code in ("75", TRAN_BIEN, LONG_THANH)}

    return Demo
