"""Published questions and answers in the site search at /tim-kiem/; who asked is never found."""

from __future__ import annotations

import pytest

from loa.search.index import rebuild
from loa.search.models import SearchEntry

from .builders import make_question

pytestmark = pytest.mark.django_db

TITLE = "Hỏi về thủ tục cấp đổi giấy phép lái xe"


def found(client, site, query: str, **params) -> dict[str, str]:
    """The titles found on `site`, each with the link the result gives."""
    response = client.get("/tim-kiem/", {"q": query, **params}, HTTP_HOST=site.hostname)
    return {entry.title: entry.href for entry in response.context["results"]}


@pytest.fixture
def question(site_a):
    return make_question(
        site_a.member,
        title=TITLE,
        content="Giấy phép lái xe của tôi sắp hết hạn, tôi cần làm gì?",
        answer="<p>Ông nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia.</p>",
        asker_name="Trần Thị Riêng Tư",
        email="rieng.tu@example.vn",
        phone="0912 345 678",
        address="45 đường Hẻm Kín",
    )


def test_a_published_question_is_found_by_its_words_and_its_answer(client, site_a, question):
    assert list(found(client, site_a, "giấy phép lái xe")) == [TITLE]
    assert list(found(client, site_a, "giay phep lai xe")) == [TITLE]
    assert list(found(client, site_a, "cong dich vu cong quoc gia", loai="question")) == [TITLE]


def test_the_result_links_to_the_question_s_page(client, site_a, question):
    href = found(client, site_a, "lai xe")[TITLE]
    assert href == site_a.section("hoi-dap").relative_url(site_a.member.site) + f"{question.pk}/"
    page = client.get(href, HTTP_HOST=site_a.hostname)
    assert page.status_code == 200 and TITLE in page.content.decode()


@pytest.mark.parametrize(
    "query", ["rieng.tu@example.vn", "rieng tu", "0912 345 678", "0912345678", "hem kin"]
)
def test_who_asked_is_never_found(client, site_a, question, query):
    assert found(client, site_a, query) == {}
    rebuild()
    assert found(client, site_a, query) == {}


def test_another_site_s_question_is_not_found_on_this_site(client, site_a, site_b, question):
    assert found(client, site_b, "lai xe") == {}


def test_a_received_question_is_not_found_until_published(client, site_a):
    waiting = make_question(site_a.member, title="Hỏi về chứng thực bản sao", published=False)
    assert found(client, site_a, "chung thuc") == {}
    waiting.publish(None)
    assert list(found(client, site_a, "chung thuc")) == ["Hỏi về chứng thực bản sao"]


def test_hiding_a_published_question_takes_it_out(client, site_a, question):
    question.hide("Trùng với câu hỏi đã trả lời.")
    assert found(client, site_a, "lai xe") == {}
    rebuild()
    assert found(client, site_a, "lai xe") == {}


def test_a_question_of_a_site_without_a_live_questions_page_is_not_found(client, site_a):
    site_a.section("hoi-dap").unpublish()
    make_question(site_a.member, title="Hỏi về đăng ký kết hôn")
    assert found(client, site_a, "ket hon") == {}
    rebuild()
    assert not SearchEntry.objects.filter(kind="question").exists()


def test_deleting_a_question_removes_it(client, site_a, question):
    question.delete()
    assert found(client, site_a, "lai xe") == {}


def test_rebuilding_the_index_finds_the_published_questions_again(client, site_a, question):
    make_question(site_a.member, title="Hỏi về xe máy chưa trả lời", published=False)
    SearchEntry.objects.all().delete()
    rebuild()
    assert list(found(client, site_a, "xe")) == [TITLE]
