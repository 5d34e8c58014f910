"""Legal documents in the site search at /tim-kiem/."""

from __future__ import annotations

import pytest

from loa.legal.models import DocumentType
from loa.search.index import rebuild
from loa.search.models import SearchEntry

from .conftest import make_document

pytestmark = pytest.mark.django_db


def search(client, site, query: str, **params):
    return client.get("/tim-kiem/", {"q": query, **params}, HTTP_HOST=site.hostname)


def found(client, site, query: str, **params) -> dict[str, str]:
    """The titles found on `site`, each with the link the result gives."""
    return {
        entry.title: entry.href
        for entry in search(client, site, query, **params).context["results"]
    }


@pytest.fixture
def decree(site_a):
    return make_document(
        site_a,
        number="42/2022/NĐ-CP",
        document_type=DocumentType.DECREE,
        summary="Quy định về cung cấp thông tin và dịch vụ công trực tuyến trên môi trường mạng",
    )


def test_a_document_is_found_with_and_without_diacritics(client, site_a, decree):
    assert list(found(client, site_a, "dịch vụ công trực tuyến")) == ["Nghị định 42/2022/NĐ-CP"]
    assert list(found(client, site_a, "dich vu cong truc tuyen")) == ["Nghị định 42/2022/NĐ-CP"]
    assert list(found(client, site_a, "nghi dinh 42/2022/nd-cp")) == ["Nghị định 42/2022/NĐ-CP"]
    assert list(found(client, site_a, "nghi dinh", loai="legal_document")) == [
        "Nghị định 42/2022/NĐ-CP"
    ]


def test_the_result_links_to_the_document_s_page_on_its_site(client, site_a, decree):
    href = found(client, site_a, "moi truong mang")["Nghị định 42/2022/NĐ-CP"]
    assert href == site_a.section("van-ban").relative_url(site_a.member.site) + f"{decree.pk}/"
    page = client.get(href, HTTP_HOST=site_a.hostname)
    assert page.status_code == 200 and "42/2022/NĐ-CP" in page.content.decode()


def test_another_site_s_document_is_not_found_on_this_site(client, site_a, site_b, decree):
    assert found(client, site_b, "moi truong mang") == {}


def test_a_document_of_a_site_without_a_live_documents_page_is_not_found(client, site_a):
    site_a.section("van-ban").unpublish()
    make_document(site_a, summary="Quy chế phối hợp quản lý cụm công nghiệp")
    assert found(client, site_a, "cum cong nghiep") == {}
    rebuild()
    assert not SearchEntry.objects.filter(kind="legal_document").exists()


def test_editing_and_deleting_a_document_updates_the_results(client, site_a, decree):
    decree.summary = "Quy định về phòng cháy, chữa cháy"
    decree.save()
    assert found(client, site_a, "moi truong mang") == {}
    assert list(found(client, site_a, "phong chay")) == ["Nghị định 42/2022/NĐ-CP"]
    decree.delete()
    assert found(client, site_a, "phong chay") == {}


def test_rebuilding_the_index_finds_the_documents_again(client, site_a, decree):
    SearchEntry.objects.all().delete()
    rebuild()
    assert list(found(client, site_a, "moi truong mang")) == ["Nghị định 42/2022/NĐ-CP"]


def test_a_draft_for_comment_is_found_from_its_opening(client, site_a):
    from datetime import timedelta

    from django.utils import timezone

    from .conftest import make_consultation

    opened = make_consultation(
        site_a, title="Dự thảo quy định về đỗ xe trên vỉa hè",
        body="<p>Khu vực <b>được phép</b> đỗ xe &amp; thu phí.</p>",
    )
    make_consultation(
        site_a, title="Dự thảo quy định về đỗ xe ban đêm",
        opens_at=timezone.now() + timedelta(days=2), closes_at=timezone.now() + timedelta(days=20),
    )
    results = found(client, site_a, "do xe")
    assert list(results) == ["Dự thảo quy định về đỗ xe trên vỉa hè"]
    href = results["Dự thảo quy định về đỗ xe trên vỉa hè"]
    assert href.endswith(f"du-thao/{opened.pk}/")
    assert client.get(href, HTTP_HOST=site_a.hostname).status_code == 200
    assert list(found(client, site_a, "thu phi", loai="consultation")) == [opened.title]
    assert found(client, site_a, "thu phi", loai="legal_document") == {}


def test_a_deleted_draft_leaves_the_index(client, site_a):
    from .conftest import make_consultation

    make_consultation(site_a, title="Dự thảo về chợ đêm").delete()
    assert found(client, site_a, "cho dem") == {}


def test_documents_follow_their_section_out_of_and_back_into_the_results(client, site_a, decree):
    section = site_a.section("van-ban")
    section.unpublish()
    assert found(client, site_a, "moi truong mang") == {}
    section.save_revision().publish()
    assert list(found(client, site_a, "moi truong mang")) == ["Nghị định 42/2022/NĐ-CP"]


def test_documents_follow_their_section_to_its_new_address(client, site_a, decree):
    section = site_a.section("van-ban")
    section.slug = "van-ban-phap-luat"
    section.save_revision().publish()
    href = found(client, site_a, "moi truong mang")["Nghị định 42/2022/NĐ-CP"]
    assert href.endswith(f"/van-ban-phap-luat/{decree.pk}/")
    assert client.get(href, HTTP_HOST=site_a.hostname).status_code == 200


def test_documents_leave_the_results_with_their_deleted_section(client, site_a, site_b, decree):
    from .conftest import make_document as make

    kept = make(site_b, number="43/2022/NĐ-CP", document_type=DocumentType.DECREE,
                summary="Quy định về môi trường mạng của xã")
    site_a.section("van-ban").delete()
    assert found(client, site_a, "moi truong mang") == {}
    assert list(found(client, site_b, "moi truong mang")) == [f"Nghị định {kept.number}"]
