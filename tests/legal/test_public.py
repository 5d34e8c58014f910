"""The public section: the list with its filters and search, a document, the drafts."""

from datetime import date

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from loa.legal.models import DocumentType
from loa.orgs.roles import Role

from .conftest import index_url, make_consultation, make_document


def _get(client, site, path="", **params):
    return client.get(index_url(site) + path, params, HTTP_HOST=site.hostname)


def test_the_list_shows_the_sites_documents_newest_first(client, site_a, site_b):
    make_document(site_a, number="1/KH-UBND", issued_on=date(2025, 1, 1), summary="Kế hoạch cũ")
    make_document(site_a, number="2/KH-UBND", issued_on=date(2026, 1, 1), summary="Kế hoạch mới")
    make_document(site_b, number="9/KH-UBND", summary="Của trang khác")
    html = _get(client, site_a).content.decode()
    assert html.index("2/KH-UBND") < html.index("1/KH-UBND")
    assert "9/KH-UBND" not in html
    assert '<th scope="col">' in html and "<caption" in html


def test_the_search_box_and_filters_work_without_javascript(client, site_a):
    make_document(site_a, number="43/2023/NĐ-CP", document_type=DocumentType.DECREE)
    make_document(site_a, number="5/CT-UBND", document_type=DocumentType.DIRECTIVE)
    html = _get(client, site_a, q="nghi dinh").content.decode()
    assert "43/2023/NĐ-CP" in html and "5/CT-UBND" not in html
    html = _get(client, site_a, type="directive").content.decode()
    assert "5/CT-UBND" in html and "43/2023/NĐ-CP" not in html
    # A tampered address narrows by what it can and never fails.
    assert _get(client, site_a, type="nonsense", year="abc", field="x", page="9").status_code == 200


def test_a_document_shows_its_metadata_and_files(client, site_a):
    document = make_document(site_a, number="3/QĐ-UBND", signer="Lê Thị Thanh Hà")
    file = get_document_model().objects.create(
        title="Toàn văn",
        collection=site_a.member.collection,
        file=ContentFile(b"%PDF-1.4", name="toan-van.pdf"),
    )
    document.files.add(file)
    html = _get(client, site_a, f"{document.pk}/").content.decode()
    assert "<dl" in html and "Lê Thị Thanh Hà" in html and "3/QĐ-UBND" in html
    assert file.url in html


def test_another_sites_document_is_not_found_here(client, site_a, site_b):
    other = make_document(site_b, number="4/QĐ-UBND")
    assert _get(client, site_a, f"{other.pk}/").status_code == 404
    assert _get(client, site_b, f"{other.pk}/").status_code == 200


def test_the_list_runs_a_fixed_number_of_queries(client, site_a, django_assert_max_num_queries):
    for number in range(3):
        make_document(site_a, number=f"{number + 1}/TB-UBND")
    _get(client, site_a)  # warm the caches a first visit fills
    with CaptureQueriesContext(connection) as few:
        _get(client, site_a, q="thong bao", year="2026")
    for number in range(3, 30):
        make_document(site_a, number=f"{number + 1}/TB-UBND")
    few = len(few)  # read before the next request, which empties the connection's query log
    _get(client, site_a)  # saving a document emptied the caches: the site's frame is built again
    with django_assert_max_num_queries(few):
        assert _get(client, site_a, q="thong bao", year="2026").status_code == 200


def test_drafts_are_listed_open_first_with_their_closing_date(client, site_a):
    make_consultation(site_a, title="Dự thảo đã đóng", open_now=False)
    make_consultation(site_a, title="Dự thảo đang mở")
    html = _get(client, site_a, "du-thao/").content.decode()
    assert html.index("Dự thảo đang mở") < html.index("Dự thảo đã đóng")


def test_the_editorial_roles_do_not_change_what_the_public_sees(client, site_a):
    client.force_login(site_a.staff(Role.PORTAL_EDITOR))
    assert _get(client, site_a, "du-thao/").status_code == 200
