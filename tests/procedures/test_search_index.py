"""Administrative procedures in the site search at /tim-kiem/."""

from __future__ import annotations

import pytest

from loa.search.index import rebuild
from loa.search.models import SearchEntry

from .conftest import make_procedure

pytestmark = pytest.mark.django_db


def found(client, site, query: str, **params) -> dict[str, str]:
    """The titles found on `site`, each with the link the result gives."""
    response = client.get("/tim-kiem/", {"q": query, **params}, HTTP_HOST=site.hostname)
    return {entry.title: entry.href for entry in response.context["results"]}


@pytest.fixture
def birth(site_b):
    return make_procedure(
        site_b, "1.001193", "Đăng ký khai sinh", papers="Tờ khai đăng ký khai sinh\nGiấy chứng sinh"
    )


def test_a_procedure_is_found_with_and_without_diacritics(client, site_b, birth):
    assert list(found(client, site_b, "Đăng ký khai sinh")) == ["Đăng ký khai sinh"]
    assert list(found(client, site_b, "dang ky khai sinh")) == ["Đăng ký khai sinh"]
    assert list(found(client, site_b, "giay chung sinh", loai="procedure")) == ["Đăng ký khai sinh"]
    assert list(found(client, site_b, "1.001193")) == ["Đăng ký khai sinh"]


def test_the_result_links_to_the_procedure_s_page_at_its_code(client, site_b, birth):
    href = found(client, site_b, "khai sinh")["Đăng ký khai sinh"]
    assert href == "/thu-tuc-hanh-chinh/1-001193/"
    page = client.get(href, HTTP_HOST=site_b.hostname)
    assert page.status_code == 200 and "Đăng ký khai sinh" in page.content.decode()


def test_another_site_s_procedure_is_not_found_on_this_site(client, site_a, site_b, birth):
    assert found(client, site_a, "khai sinh") == {}


def test_a_procedure_of_a_site_without_a_live_catalogue_is_not_found(client, site_b):
    site_b.section("thu-tuc-hanh-chinh").unpublish()
    make_procedure(site_b, "1.000894", "Đăng ký kết hôn")
    assert found(client, site_b, "ket hon") == {}
    rebuild()
    assert not SearchEntry.objects.filter(kind="procedure").exists()


def test_renaming_and_deleting_a_procedure_updates_the_results(client, site_b, birth):
    birth.name = "Đăng ký khai sinh có yếu tố nước ngoài"
    birth.save()
    assert list(found(client, site_b, "nuoc ngoai")) == ["Đăng ký khai sinh có yếu tố nước ngoài"]
    birth.delete()
    assert found(client, site_b, "khai sinh") == {}


def test_rebuilding_the_index_finds_the_procedures_again(client, site_b, birth):
    SearchEntry.objects.all().delete()
    rebuild()
    assert list(found(client, site_b, "khai sinh")) == ["Đăng ký khai sinh"]
