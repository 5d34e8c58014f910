"""Searching the portal's pages: folding, ranking, scope, privacy, filters, cost."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import pgettext
from wagtail.models import PageViewRestriction

from loa.orgs.models import Kind
from loa.portal.pages import ArticlePage, SectionPage
from loa.search.models import SearchEntry
from loa.search.query import ELSEWHERE, EXACT_TITLE, FOLDED_TITLE, search
from tests.factories import make_org
from tests.portal.conftest import make_image, provision, publish_article

pytestmark = pytest.mark.django_db

URL = "/tim-kiem/"


def when(day: int, month: int = 11, year: int = 2026) -> datetime:
    return timezone.make_aware(datetime(year, month, day, 9, 0))


def titles(client, site, **params) -> list[str]:
    response = client.get(URL, params, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    results = response.context["results"]
    return [entry.title for entry in results] if results is not None else []


def body(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


# Folding ------------------------------------------------------------------------------------------


def test_a_query_without_diacritics_finds_the_words_with_them(client, site_a):
    publish_article(site_a, "Phường Trấn Biên ra quân làm sạch kênh rạch")
    found = titles(client, site_a, q="phuong tran bien")
    assert found == ["Phường Trấn Biên ra quân làm sạch kênh rạch"]


def test_d_finds_đ_and_đ_finds_d(client, site_a):
    publish_article(site_a, "Đồng Nai khởi công đường vành đai")
    publish_article(site_a, "Bản tin Dong Nai gõ không dấu")
    assert set(titles(client, site_a, q="dong nai")) == {
        "Đồng Nai khởi công đường vành đai",
        "Bản tin Dong Nai gõ không dấu",
    }
    assert set(titles(client, site_a, q="ĐỒNG NAI")) == set(titles(client, site_a, q="dong nai"))


def test_words_of_the_lead_and_the_body_are_found_in_any_order(client, site_a):
    publish_article(
        site_a,
        "Tin ngắn",
        lead="Hội nghị tổng kết công tác tư pháp.",
        body=body("Cấp phiếu lý lịch tư pháp trực tuyến."),
    )
    assert titles(client, site_a, q="ly lich phieu") == ["Tin ngắn"]
    assert titles(client, site_a, q="tong ket hoi nghi") == ["Tin ngắn"]
    assert titles(client, site_a, q="ly lich xe dap") == []  # every word must be there


def test_a_query_of_no_words_finds_nothing(client, site_a):
    publish_article(site_a, "Tin tức hôm nay")
    response = client.get(URL, {"q": "!!! ... ???"}, HTTP_HOST=site_a.hostname)
    assert response.status_code == 200
    assert response.context["results"].paginator.count == 0


def test_quotes_and_operators_in_a_query_are_just_punctuation(client, site_a):
    publish_article(site_a, "Công văn số 12 về OR và NOT")
    for query in ['"cong van', "cong NOT van", "cong* (van)", "van:12", "cong AND van OR"]:
        response = client.get(URL, {"q": query}, HTTP_HOST=site_a.hostname)
        assert response.status_code == 200, query


# Ranking ------------------------------------------------------------------------------------------


def test_exact_title_first_then_folded_title_then_the_rest_newest_first(client, site_a):
    publish_article(site_a, "Hội nghị ở phường Trấn Biên", first_published_at=when(1))
    publish_article(site_a, "Phuong Tran Bien: tin gõ không dấu", first_published_at=when(20))
    publish_article(
        site_a, "Tin trong ngày", lead="Phường Trấn Biên họp dân.", first_published_at=when(25)
    )
    publish_article(site_a, "Phường Trấn Biên đón khách", first_published_at=when(10))
    assert titles(client, site_a, q="phường trấn biên") == [
        "Phường Trấn Biên đón khách",  # exact, newer
        "Hội nghị ở phường Trấn Biên",  # exact, older
        "Phuong Tran Bien: tin gõ không dấu",  # folded title
        "Tin trong ngày",  # lead only, although the newest
    ]
    ranks = [entry.rank for entry in search("phường trấn biên", [site_a.member.site_id])]
    assert ranks == [EXACT_TITLE, EXACT_TITLE, FOLDED_TITLE, ELSEWHERE]


def test_a_query_typed_without_diacritics_ranks_the_folded_titles_by_date(client, site_a):
    publish_article(site_a, "Phường Trấn Biên đón khách", first_published_at=when(10))
    publish_article(site_a, "Phuong Tran Bien: tin gõ không dấu", first_published_at=when(20))
    assert titles(client, site_a, q="phuong tran bien") == [
        "Phuong Tran Bien: tin gõ không dấu",  # the query exactly as typed
        "Phường Trấn Biên đón khách",
    ]


def test_matching_words_are_marked_in_the_results(client, site_a):
    publish_article(site_a, "Đồng Nai & <b>Trấn Biên</b>", lead="Tin về Đồng Nai.")
    response = client.get(URL, {"q": "dong nai"}, HTTP_HOST=site_a.hostname)
    html = response.content.decode()
    assert "<mark>Đồng</mark> <mark>Nai</mark> &amp; &lt;b&gt;Trấn Biên&lt;/b&gt;" in html
    assert "Tin về <mark>Đồng</mark> <mark>Nai</mark>." in html


# Scope --------------------------------------------------------------------------------------------


def test_a_site_finds_only_its_own_pages_unless_asked_for_the_whole_portal(client, site_a, site_b):
    publish_article(site_a, "Cải cách hành chính ở Sở")
    publish_article(site_b, "Cải cách hành chính ở xã")
    assert titles(client, site_b, q="cai cach hanh chinh") == ["Cải cách hành chính ở xã"]
    assert set(titles(client, site_b, q="cai cach hanh chinh", **{"pham-vi": "tat-ca"})) == {
        "Cải cách hành chính ở Sở",
        "Cải cách hành chính ở xã",
    }


def test_portal_wide_results_name_their_site_and_link_to_it(client, site_a, site_b):
    article = publish_article(site_a, "Cải cách hành chính ở Sở")
    response = client.get(URL, {"q": "cai cach", "pham-vi": "tat-ca"}, HTTP_HOST=site_b.hostname)
    html = response.content.decode()
    assert site_a.member.site.site_name in html
    _site_id, root_url, path = article.get_url_parts()
    assert f'href="{root_url}{path}"' in html
    own = client.get(URL, {"q": "cai cach"}, HTTP_HOST=site_a.hostname).content.decode()
    assert 'href="/tin-tuc/' in own  # on its own site the link is relative


def test_the_whole_portal_is_the_province_not_another_one(client, site_a, other_province):
    committee = make_org(Kind.PEOPLES_COMMITTEE, other_province, code="HN-UBND")
    elsewhere = provision(committee, "hanoi.localhost")
    publish_article(elsewhere, "Cải cách hành chính ở Hà Nội")
    publish_article(site_a, "Cải cách hành chính ở Sở")
    found = titles(client, site_a, q="cai cach", **{"pham-vi": "tat-ca"})
    assert found == ["Cải cách hành chính ở Sở"]


def test_sections_and_home_pages_are_found_as_pages(client, site_a):
    with translation.override("en"):
        response = client.get(URL, {"q": "tin tuc"}, HTTP_HOST=site_a.hostname)
    entries = list(response.context["results"])
    assert any(entry.kind == "page" and entry.href == "/tin-tuc/" for entry in entries)


# Privacy ------------------------------------------------------------------------------------------


def test_drafts_are_never_found(client, site_a):
    draft = ArticlePage(
        title="Bản nháp bí mật", lead="Chưa duyệt.", image=make_image(site_a.member.collection),
        image_alt="Ảnh", body=body("Nội dung nháp."), live=False,
    )
    site_a.section().add_child(instance=draft)
    draft.save_revision()
    assert titles(client, site_a, q="ban nhap bi mat") == []


def test_unpublishing_takes_a_page_out_and_publishing_puts_it_back(client, site_a):
    article = publish_article(site_a, "Thông báo tuyển dụng viên chức")
    assert titles(client, site_a, q="tuyen dung") == ["Thông báo tuyển dụng viên chức"]
    article.unpublish()
    assert titles(client, site_a, q="tuyen dung") == []
    article.refresh_from_db()
    article.title = "Thông báo tuyển dụng công chức"
    article.save_revision().publish()
    assert titles(client, site_a, q="tuyen dung") == ["Thông báo tuyển dụng công chức"]


def test_private_pages_and_their_subtree_are_never_found(client, site_a):
    publish_article(site_a, "Tài liệu nội bộ của Sở")
    restriction = PageViewRestriction.objects.create(
        page=site_a.section(), restriction_type=PageViewRestriction.LOGIN
    )
    assert titles(client, site_a, q="tai lieu noi bo") == []
    restriction.delete()
    assert titles(client, site_a, q="tai lieu noi bo") == ["Tài liệu nội bộ của Sở"]


def test_a_page_published_under_a_private_section_is_not_found(client, site_a):
    PageViewRestriction.objects.create(
        page=site_a.section(), restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    publish_article(site_a, "Tài liệu nội bộ của Sở")
    assert titles(client, site_a, q="tai lieu noi bo") == []


# Index maintenance --------------------------------------------------------------------------------


def test_a_moved_page_is_found_at_its_new_address(client, site_a):
    article = publish_article(site_a, "Bài chuyển chuyên mục")
    other = SectionPage(title="Chuyên mục mới", slug="chuyen-muc-moi")
    site_a.home.add_child(instance=other)
    other.save_revision().publish()
    article.move(other, pos="last-child")
    article.refresh_from_db()
    entry = SearchEntry.objects.get(page_id=article.pk)
    assert entry.path.startswith("/chuyen-muc-moi/")
    assert entry.path == article.get_url_parts()[2]


def test_a_deleted_page_leaves_the_index(site_a):
    article = publish_article(site_a, "Bài sẽ bị xóa")
    assert SearchEntry.objects.filter(page_id=article.pk).exists()
    article.delete()
    assert not SearchEntry.objects.filter(page_id=article.pk).exists()


def test_a_private_section_can_be_deleted_with_its_articles(site_a):
    article = publish_article(site_a, "Bài trong chuyên mục riêng")
    section = site_a.section()
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    section.delete()
    assert not SearchEntry.objects.filter(page_id__in=[section.pk, article.pk]).exists()


def test_a_new_site_s_pages_are_indexed_with_it(site_a):
    home_entry = SearchEntry.objects.get(page_id=site_a.home.pk)
    assert home_entry.site_id == site_a.member.site_id
    assert home_entry.path == "/"


def test_rebuilding_the_index_writes_the_same_entries(call, site_a, site_b):
    publish_article(site_a, "Đồng Nai khởi công đường vành đai")
    publish_article(site_b, "Phường tổ chức ngày hội")
    fields = ("page_id", "site_id", "kind", "path", "title", "folded_text", "published_at")
    before = sorted(SearchEntry.objects.values_list(*fields))
    SearchEntry.objects.all().delete()
    call("rebuild_search_index", verbosity=0)
    assert sorted(SearchEntry.objects.values_list(*fields)) == before
    assert search("dong nai vanh dai", [site_a.member.site_id]).count() == 1


# Filters ------------------------------------------------------------------------------------------


def test_filter_by_type(client, site_a):
    publish_article(site_a, "Tin tức về tin tức")
    assert "Tin tức về tin tức" in titles(client, site_a, q="tin tuc")
    assert titles(client, site_a, q="tin tuc", loai="article") == ["Tin tức về tin tức"]
    assert "Tin tức về tin tức" not in titles(client, site_a, q="tin tuc", loai="page")


def test_filter_by_dates_counts_whole_days_in_vietnam_time(client, site_a):
    late_evening = timezone.make_aware(datetime(2026, 3, 10, 23, 30))
    publish_article(site_a, "Họp báo tháng ba", first_published_at=late_evening)
    publish_article(site_a, "Họp báo tháng năm", first_published_at=when(5, month=5))
    one_day = {"tu-ngay": "2026-03-10", "den-ngay": "2026-03-10"}
    assert titles(client, site_a, q="hop bao", **one_day) == ["Họp báo tháng ba"]
    assert titles(client, site_a, q="hop bao", **{"tu-ngay": "11/03/2026"}) == ["Họp báo tháng năm"]
    assert titles(client, site_a, q="hop bao", **{"den-ngay": "2026-04-30"}) == ["Họp báo tháng ba"]


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"tu-ngay": "32/13/2026"}, "since", "Enter a date such as 25/11/2026."),
        ({"den-ngay": "hôm qua"}, "until", "Enter a date such as 25/11/2026."),
        ({"tu-ngay": "0001-01-01"}, "since", "Enter a date between 1900 and 2999."),
        (
            {"tu-ngay": "2026-05-01", "den-ngay": "2026-04-01"},
            "until",
            "The end date comes before the start date.",
        ),
        ({"loai": "khong-co"}, "kind", None),
        ({"pham-vi": "ca-nuoc"}, "scope", None),
        ({"q": "a" * 201}, "q", None),
    ],
)
def test_bad_filters_answer_with_the_form_and_its_errors(client, site_a, params, field, message):
    publish_article(site_a, "Họp báo")
    response = client.get(URL, {"q": "hop bao", **params}, HTTP_HOST=site_a.hostname)
    assert response.status_code == 200
    assert response.context.get("results") is None
    errors = response.context["form"].errors[field]
    if message:
        # The page speaks Vietnamese: the message is the catalogue's translation of `message`.
        with translation.override("vi"):
            assert errors == [pgettext("search", message)]
    assert 'aria-invalid="true"' in response.content.decode()


def test_a_page_number_past_the_end_shows_the_last_page(client, site_a):
    publish_article(site_a, "Họp báo")
    response = client.get(URL, {"q": "hop bao", "page": "999"}, HTTP_HOST=site_a.hostname)
    assert [entry.title for entry in response.context["results"]] == ["Họp báo"]
    response = client.get(URL, {"q": "hop bao", "page": "abc"}, HTTP_HOST=site_a.hostname)
    assert response.status_code == 200


def test_pages_of_results_keep_the_query_and_filters(client, site_a):
    from loa.search import views

    for number in range(views.RESULTS_PER_PAGE + 1):
        publish_article(site_a, f"Họp báo số {number}")
    response = client.get(URL, {"q": "hop bao", "loai": "article"}, HTTP_HOST=site_a.hostname)
    html = response.content.decode()
    assert 'href="?q=hop+bao&amp;loai=article&amp;page=2"' in html


# Cost ---------------------------------------------------------------------------------------------


def _queries(client, site, **params) -> int:
    # The first page after a publish builds the site's frame (and its renditions): not counted.
    client.get(URL, params, HTTP_HOST=site.hostname)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params, HTTP_HOST=site.hostname).status_code == 200
    return len(queries)


def test_a_page_of_results_costs_the_same_queries_whatever_the_number_of_results(
    client, site_a, site_b, django_assert_max_num_queries
):
    publish_article(site_a, "Họp báo đầu tiên")
    publish_article(site_b, "Họp báo ở xã")
    params = {"q": "hop bao", "pham-vi": "tat-ca"}
    few = _queries(client, site_a, **params)
    for number in range(25):
        publish_article(site_a if number % 2 else site_b, f"Họp báo số {number}")
    client.get(URL, params, HTTP_HOST=site_a.hostname)
    with django_assert_max_num_queries(few):
        client.get(URL, params, HTTP_HOST=site_a.hostname)
    with django_assert_max_num_queries(10):
        client.get(URL, params, HTTP_HOST=site_a.hostname)


def test_the_full_text_index_answers_the_query(site_a):
    """The planner can use the index made by migration 0002 for the match."""
    publish_article(site_a, "Đồng Nai khởi công đường vành đai")
    entries = search("dong nai", [site_a.member.site_id])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # With one site in the table its own index would win; take it away (the test's
            # transaction is rolled back) to see whether the full-text index matches the query.
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchentry'"
                " AND indexdef LIKE %s",
                ["%(site_id)%"],
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP INDEX "{name}"')
            cursor.execute("SET LOCAL enable_seqscan = off")
        assert "search_entry_folded_text_fts" in entries.explain()
    else:
        assert "search_searchentry_fts VIRTUAL TABLE INDEX" in entries.explain()
    assert [entry.title for entry in entries] == ["Đồng Nai khởi công đường vành đai"]
