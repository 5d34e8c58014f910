import pytest
from django.core.exceptions import ValidationError

from loa.procedures.models import AdministrativeProcedure, OnlineService

from .conftest import make_procedure

pytestmark = pytest.mark.django_db


def test_codes_of_the_national_database_are_accepted_and_others_refused(site_a):
    for code in ["1.001193", "2.000635", "1.001193.000.00.00.H19"]:
        make_procedure(site_a, code, "Thủ tục thử")
    for code in ["", "1001193", "1.00119", "TTHC-01", "1.001193 ", "12.001193"]:
        with pytest.raises(ValidationError) as error:
            make_procedure(site_a, code, "Thủ tục thử")
        assert "code" in error.value.message_dict


def test_a_code_is_unique_per_site_not_across_sites(site_a, site_b):
    make_procedure(site_a, "1.001193", "Đăng ký khai sinh")
    make_procedure(site_b, "1.001193", "Đăng ký khai sinh")
    with pytest.raises(ValidationError):
        make_procedure(site_a, "1.001193", "Đăng ký khai sinh lần hai")


def test_the_online_service_link_is_http_or_https(site_a):
    for url in ["javascript:alert(1)", "ftp://dichvucong.gov.vn/", "dichvucong.gov.vn"]:
        with pytest.raises(ValidationError) as error:
            make_procedure(site_a, "1.001193", "Đăng ký khai sinh",
                           online_service=OnlineService.FULL, online_service_url=url)
        assert "online_service_url" in error.value.message_dict
    # An online service needs its link, and a link the degree of its service.
    with pytest.raises(ValidationError) as error:
        make_procedure(site_a, "1.001193", "Đăng ký khai sinh", online_service=OnlineService.FULL)
    assert "online_service_url" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_procedure(site_a, "1.001193", "Đăng ký khai sinh",
                       online_service_url="https://dichvucong.gov.vn/")
    assert "online_service" in error.value.message_dict


def test_papers_are_listed_one_per_line_without_typed_bullets(site_a):
    procedure = make_procedure(
        site_a, "1.001193", "Đăng ký khai sinh",
        papers="- Tờ khai đăng ký khai sinh\n\n• Giấy chứng sinh\n2) Giấy tờ tùy thân\n",
    )
    assert procedure.paper_list == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Giấy tờ tùy thân"]


def test_the_search_text_follows_the_name(site_a):
    procedure = make_procedure(site_a, "1.001193", "Đăng ký khai sinh", agency="UBND phường Trấn Biên")
    assert procedure.search_text == "1.001193 dang ky khai sinh ho tich ubnd phuong tran bien"
    procedure.name = "Đăng ký khai tử"
    procedure.save(update_fields=["name"])
    procedure.refresh_from_db()
    assert "khai tu" in procedure.search_text


def test_search_finds_with_or_without_diacritics(catalogue):
    births = {catalogue["birth"], catalogue["late_birth"]}
    for query in ["khai sinh", "KHAI SINH", "khai  sinh", "đăng ký khai sinh", "dang ky khai sinh"]:
        assert set(AdministrativeProcedure.objects.search(query)) == births, query
    assert set(AdministrativeProcedure.objects.search("dang ky ket hon")) == {catalogue["marriage"]}
    assert set(AdministrativeProcedure.objects.search("chung thuc")) == {catalogue["copy"]}


def test_an_exact_code_comes_first_then_the_whole_phrase(site_a):
    apart = make_procedure(site_a, "1.000001", "Khai báo tạm trú cho người sinh sống tại khu vực")
    phrase = make_procedure(site_a, "1.000002", "Đăng ký khai sinh")
    # The code of one procedure appears in the name of another: the one with that code leads.
    coded = make_procedure(site_a, "1.000003", "Xác nhận thông tin hộ tịch")
    mentions = make_procedure(site_a, "1.000004", "Sửa đổi thủ tục 1.000003 về khai sinh")
    found = list(AdministrativeProcedure.objects.search("khai sinh"))
    assert set(found[:2]) == {phrase, mentions} and found[2] == apart
    assert list(AdministrativeProcedure.objects.search("1.000003")) == [coded, mentions]


def test_an_empty_query_finds_everything(catalogue):
    assert AdministrativeProcedure.objects.search("  ").count() == len(catalogue)
