from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from loa.legal.models import DocumentType

from .conftest import make_document


def test_effective_date_defaults_to_the_issue_date(site_a):
    document = make_document(site_a, issued_on=date(2026, 5, 4))
    assert document.effective_on == date(2026, 5, 4)


def test_a_document_cannot_take_effect_before_it_is_issued(site_a):
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            make_document(site_a, issued_on=date(2026, 5, 4), effective_on=date(2026, 5, 3))
        assert "before it is issued" in str(error.value.message_dict["effective_on"])


def test_expiry_comes_after_the_effective_date(site_a):
    with pytest.raises(ValidationError) as error:
        make_document(site_a, issued_on=date(2026, 5, 4), expires_on=date(2026, 5, 4))
    assert "expires_on" in error.value.message_dict


@pytest.mark.parametrize(
    "number", ["42/2022/NĐ-CP", "148/2025/QH15", "15/CT-UBND", "1280/STP-HCTP", "05a/2024/TT-BTP"]
)
def test_sane_numbers_are_accepted(site_a, number):
    assert make_document(site_a, number=number).number == number


@pytest.mark.parametrize(
    "number", ["NĐ-CP", "42", "42/", "42//NĐ", "42/2022/NĐ CP;", "<b>1</b>/QĐ"]
)
def test_insane_numbers_are_refused(site_a, number):
    with pytest.raises(ValidationError) as error:
        make_document(site_a, number=number)
    assert "number" in error.value.message_dict


def test_spaces_in_a_number_are_dropped(site_a):
    assert make_document(site_a, number=" 42/2022/ NĐ-CP ").number == "42/2022/NĐ-CP"


def test_a_number_is_unique_per_site_not_across_sites(site_a, site_b):
    make_document(site_a, number="12/QĐ-UBND")
    with pytest.raises(ValidationError) as error:
        make_document(site_a, number="12/qđ-ubnd")
    assert "number" in error.value.message_dict
    assert make_document(site_b, number="12/QĐ-UBND").pk


def test_the_search_text_is_folded_and_names_the_type_in_vietnamese(site_a, land):
    document = make_document(
        site_a,
        number="42/2022/NĐ-CP",
        document_type=DocumentType.DECREE,
        subject_area=land,
        summary="Quy định về Cổng thông tin điện tử",
    )
    assert "nghi dinh" in document.search_text
    assert "decree" in document.search_text
    assert "dat dai" in document.search_text
    assert "cong thong tin dien tu" in document.search_text
    assert document.number_key == "42/2022/nd-cp"
