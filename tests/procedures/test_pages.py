import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loa.procedures.models import Level
from loa.procedures.pages import PROCEDURES_PER_PAGE, ProcedureIndexPage

from .conftest import make_procedure

pytestmark = pytest.mark.django_db


def catalogue_page(site) -> ProcedureIndexPage:
    return ProcedureIndexPage.objects.descendant_of(site.home).get()


def get(client, site, suffix: str = "", **params):
    return client.get(catalogue_page(site).url + suffix, params, HTTP_HOST=site.hostname)


def names(response) -> list[str]:
    return re.findall(r'class="procedure-item__name"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_each_site_lists_its_own_procedures(client, catalogue, site_a):
    make_procedure(site_a, "1.009999", "Thủ tục của sở")
    assert names(get(client, site_a)) == ["Thủ tục của sở"]


def test_the_catalogue_lists_the_procedures_with_their_facts(client, catalogue, site_b):
    response = get(client, site_b)
    html = response.content.decode()
    assert sorted(names(response)) == sorted(procedure.name for procedure in catalogue.values())
    assert "1.001193" in html and "Hộ tịch" in html
    assert 'href="/thu-tuc-hanh-chinh/1-001193/">Đăng ký khai sinh</a>' in html
    assert html.count('class="badge badge--full"') == 1
    assert '<label for="id_q">' in html and 'method="get"' in html


@pytest.mark.parametrize("query", ["khai sinh", "đăng ký khai sinh", "dang ky khai sinh", "KHAI SINH"])
def test_search_folds_diacritics(client, catalogue, site_b, query):
    assert set(names(get(client, site_b, q=query))) == {"Đăng ký khai sinh", "Đăng ký lại khai sinh"}


def test_an_exact_code_comes_first(client, catalogue, site_b):
    make_procedure(site_b, "1.000001", "Hướng dẫn thủ tục 1.004859 cho người đăng ký")
    assert names(get(client, site_b, q="1.004859"))[0] == "Đăng ký lại khai sinh"


def test_filters_by_field_and_level(client, catalogue, site_b):
    assert names(get(client, site_b, field="Chứng thực")) == ["Chứng thực bản sao từ bản chính"]
    assert names(get(client, site_b, level=Level.PROVINCE)) == ["Cấp Phiếu lý lịch tư pháp"]
    assert names(get(client, site_b, field="Hộ tịch", q="ket hon")) == ["Đăng ký kết hôn"]
    assert names(get(client, site_b, level=Level.CENTRAL)) == []


def test_values_a_user_may_type_never_fail(client, catalogue, site_b):
    for params in ({"level": "bogus"}, {"field": "Không có"}, {"page": "x"}, {"page": "999"},
                   {"q": "x" * 500}, {"q": "%_'\""}):
        assert get(client, site_b, **params).status_code == 200, params
    # A filter that is not a choice is ignored, not applied.
    assert len(names(get(client, site_b, level="bogus"))) == len(catalogue)


def test_pages_keep_the_search(client, site_b):
    for number in range(PROCEDURES_PER_PAGE + 3):
        make_procedure(site_b, f"1.{number:06d}", f"Đăng ký thủ tục số {number:02d}")
    response = get(client, site_b, q="dang ky")
    assert len(names(response)) == PROCEDURES_PER_PAGE
    assert "?q=dang+ky&amp;page=2" in response.content.decode()
    assert len(names(get(client, site_b, q="dang ky", page=2))) == 3


def test_a_procedure_page_shows_everything_and_links_to_the_online_service(client, catalogue, site_b):
    response = get(client, site_b, "1-001193/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1 class=\"page-title\">Đăng ký khai sinh</h1>" in html
    assert "<li>Tờ khai đăng ký khai sinh</li><li>Giấy chứng sinh</li>" in html
    assert 'class="online-service__link" href="https://dichvucong.gov.vn/p/home/' in html


def test_a_procedure_of_another_site_or_an_unknown_code_is_404(client, catalogue, site_a, site_b):
    make_procedure(site_a, "1.009999", "Thủ tục của sở")
    assert get(client, site_b, "1-009999/").status_code == 404
    assert get(client, site_b, "9-999999/").status_code == 404
    assert get(client, site_b, "../").status_code == 404


def queries(client, site, *suffix, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert get(client, site, *suffix, **params).status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_the_catalogue(client, site_b):
    make_procedure(site_b, "1.000001", "Đăng ký khai sinh", online_service="full",
                   online_service_url="https://dichvucong.gov.vn/")
    reads = [((), {"q": "dang ky"}), ((), {}), (("1-000001/",), {})]

    def counts() -> list[int]:
        # Each address once to warm what is kept (the site's frame, its route), then counted.
        for suffix, params in reads:
            get(client, site_b, *suffix, **params)
        return [queries(client, site_b, *suffix, **params) for suffix, params in reads]

    few = counts()
    for number in range(2, 60):
        make_procedure(site_b, f"1.{number:06d}", f"Đăng ký thủ tục số {number}",
                       field=f"Lĩnh vực {number % 7}", level=Level.COMMUNE)
    assert counts() == few
