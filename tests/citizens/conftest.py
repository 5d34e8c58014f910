"""Builders for the citizen API's tests: approved bulletins with real images, and signed tokens.

The plain functions are imported by the hypothesis test case too, which cannot take fixtures.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable
from datetime import datetime, timedelta

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.test import Client
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from loa.bulletins.audience import write_targets
from loa.bulletins.models import PublicationRequest, ScopeLevel, State
from loa.citizens import tokens
from loa.orgs.models import Kind, Organization
from loa.units.models import AdminUnit
from tests.factories import make_org

SUB = "012345678901"
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def scratch_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("citizens")


@pytest.fixture(autouse=True)
def citizen_environment(settings, scratch_dir):
    """Keys and media kept out of the project's var/, and each test starts with an empty cache."""
    settings.VAR_DIR = scratch_dir
    settings.MEDIA_ROOT = scratch_dir / "media"
    settings.LOA_CITIZEN_JWKS = ""
    cache.clear()
    yield
    cache.clear()


def token_for(
    *,
    sub: str = SUB,
    birthdate: str = "1990-05-01",
    gender: str = "female",
    residence: Iterable[str] = (),
    expires_in: int = 3600,
) -> str:
    tokens.ensure_dev_key()
    return tokens.issue_dev_token(
        sub=sub,
        birthdate=birthdate,
        gender=gender,
        residence=list(residence),
        expires_in=expires_in,
    )


def citizen_client(enforce_csrf_checks: bool = False, **claims) -> Client:
    return Client(
        enforce_csrf_checks=enforce_csrf_checks,
        headers={"Authorization": f"Bearer {token_for(**claims)}"},
    )


def make_image(width: int = 1200, height: int = 900):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (200, 30, 40)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=f"Ảnh {next(_numbers)}", file=ImageFile(buffer, name="anh.png")
    )


def make_bulletin(
    sender: Organization,
    *,
    scope_level: str = ScopeLevel.NATIONAL,
    units: Iterable[AdminUnit] = (),
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    approved_at: datetime | None = None,
    age_min: int = 0,
    age_max: int = 120,
    genders: Iterable[str] = (),
    image=None,
    state: str = State.APPROVED,
    **fields,
) -> PublicationRequest:
    """An approved request with its audience rows written, as the approval workflow leaves it."""
    now = timezone.now()
    starts_at = starts_at or now - timedelta(hours=1)
    number = next(_numbers)
    request = PublicationRequest.objects.create(
        sender=sender,
        state=state,
        title=fields.pop("title", f"Bản tin {number}"),
        summary=fields.pop("summary", "Tóm tắt"),
        body=fields.pop("body", "<p>Nội dung</p>"),
        image=image,
        author_name=fields.pop("author_name", "Phóng viên"),
        age_min=age_min,
        age_max=age_max,
        genders=list(genders),
        scope_level=scope_level,
        national_justification="Toàn quốc" if scope_level == ScopeLevel.NATIONAL else "",
        starts_at=starts_at,
        ends_at=ends_at or now + timedelta(days=7),
        approved_at=approved_at or starts_at,
        **fields,
    )
    request.scope_units.set(units)
    if state == State.APPROVED:
        write_targets(request)
    return request


@pytest.fixture
def sender(province) -> Organization:
    return make_org(Kind.DEPARTMENT, province, name="Sở Tư pháp tỉnh Đồng Nai")


@pytest.fixture
def image(db):
    return make_image()


@pytest.fixture
def reader(commune) -> Client:
    """A citizen living in the first commune of Đồng Nai, born 1990, female."""
    return citizen_client(residence=[commune.code])


@pytest.fixture
def bulletin(sender, image, commune) -> PublicationRequest:
    """A live bulletin for the reader's commune."""
    return make_bulletin(sender, scope_level=ScopeLevel.COMMUNE, units=[commune], image=image)


@pytest.fixture
def elsewhere(sender, image, other_province) -> PublicationRequest:
    """A live bulletin for Hà Nội only, which the reader must not see."""
    return make_bulletin(
        sender, scope_level=ScopeLevel.PROVINCE, units=[other_province], image=image
    )
