from datetime import date

from loa.legal.models import DocumentType, LegalDocument
from loa.legal.queries import documents_matching
from loa.legal.status import Status

from .conftest import make_document

TODAY = date(2026, 11, 25)


def _numbers(filters: dict) -> list[str]:
    return [d.number for d in documents_matching(LegalDocument.objects.all(), filters, TODAY)]


def test_a_search_without_diacritics_finds_the_vietnamese_words(site_a):
    make_document(
        site_a,
        number="42/2022/NĐ-CP",
        document_type=DocumentType.DECREE,
        summary="Cung cấp thông tin trên môi trường mạng",
    )
    make_document(
        site_a, number="15/CT-UBND", document_type=DocumentType.DIRECTIVE, summary="Phòng cháy"
    )
    assert _numbers({"q": "nghi dinh"}) == ["42/2022/NĐ-CP"]
    assert _numbers({"q": "MOI TRUONG  mang"}) == ["42/2022/NĐ-CP"]
    assert _numbers({"q": "phòng cháy"}) == ["15/CT-UBND"]
    assert _numbers({"q": "nghị định phòng cháy"}) == []


def test_the_exact_number_comes_first(site_a):
    make_document(
        site_a,
        number="7/2026/QĐ-UBND",
        issued_on=date(2026, 1, 5),
        summary="Sửa đổi Quyết định 12/QĐ-UBND",
    )
    make_document(site_a, number="12/QĐ-UBND", issued_on=date(2024, 1, 5), summary="Quy chế")
    assert _numbers({"q": "12/QĐ-UBND"}) == ["12/QĐ-UBND", "7/2026/QĐ-UBND"]
    assert _numbers({"q": "12/qd-ubnd"})[0] == "12/QĐ-UBND"


def test_without_a_search_the_newest_come_first(site_a):
    make_document(site_a, number="1/KH-UBND", issued_on=date(2025, 1, 1))
    make_document(site_a, number="2/KH-UBND", issued_on=date(2026, 1, 1))
    assert _numbers({}) == ["2/KH-UBND", "1/KH-UBND"]


def test_the_filters_narrow_the_list(site_a, land):
    make_document(
        site_a,
        number="1/QĐ-UBND",
        document_type=DocumentType.DECISION,
        issued_on=date(2025, 3, 1),
        issuer="Ủy ban nhân dân tỉnh",
        subject_area=land,
    )
    make_document(
        site_a,
        number="2/CT-UBND",
        document_type=DocumentType.DIRECTIVE,
        issued_on=date(2026, 3, 1),
        issuer="Sở Tư pháp",
    )
    make_document(
        site_a,
        number="3/QĐ-UBND",
        document_type=DocumentType.DECISION,
        issued_on=date(2026, 4, 1),
        effective_on=date(2027, 1, 1),
        issuer="Sở Tư pháp",
    )
    assert _numbers({"type": DocumentType.DIRECTIVE}) == ["2/CT-UBND"]
    assert _numbers({"field": land}) == ["1/QĐ-UBND"]
    assert _numbers({"year": 2026}) == ["3/QĐ-UBND", "2/CT-UBND"]
    assert _numbers({"issuer": "Sở Tư pháp"}) == ["3/QĐ-UBND", "2/CT-UBND"]
    assert _numbers({"status": Status.NOT_YET_IN_FORCE}) == ["3/QĐ-UBND"]
    assert _numbers({"status": Status.IN_FORCE, "type": DocumentType.DECISION}) == ["1/QĐ-UBND"]
