"""Legal documents fixtures: two member sites (from the portal's fixtures) and their records."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from django.utils import timezone

from loa.legal.models import Consultation, DocumentType, LegalDocument, SubjectArea
from loa.orgs.roles import Role
from tests.portal.conftest import orgs, site_a, site_b  # noqa: F401  (fixtures)

_numbers = itertools.count(1)


def make_document(site, **fields) -> LegalDocument:
    """A valid document of `site` (a SiteUnderTest), saved the way the admin saves it."""
    values = {
        "number": f"{next(_numbers)}/QĐ-UBND",
        "document_type": DocumentType.DECISION,
        "issuer": "Ủy ban nhân dân tỉnh",
        "signer": "Nguyễn Văn Hải",
        "issued_on": date(2026, 3, 2),
        "summary": "Về việc ban hành quy chế làm việc.",
    }
    values.update(fields)
    document = LegalDocument(site=site.member, **values)
    document.full_clean()
    document.save()
    return document


def make_consultation(site, *, open_now: bool = True, **fields) -> Consultation:
    now = timezone.now()
    values = {
        "title": "Dự thảo quy định về trợ giúp pháp lý",
        "drafting_agency": "Sở Thử nghiệm",
        "summary": "Lấy ý kiến về dự thảo.",
        "opens_at": now - timedelta(days=3),
        "closes_at": now + timedelta(days=7) if open_now else now - timedelta(days=1),
    }
    values.update(fields)
    return Consultation.objects.create(site=site.member, **values)


@pytest.fixture
def land(db) -> SubjectArea:
    return SubjectArea.objects.create(name="Đất đai")


@pytest.fixture
def editor_a(site_a):
    return site_a.staff(Role.PORTAL_EDITOR)


@pytest.fixture
def editor_b(site_b):
    return site_b.staff(Role.PORTAL_EDITOR)


def index_url(site) -> str:
    return site.section("van-ban").url
