"""The public questions and answers: published answers only, no personal data, a guarded form."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from loa.questions.forms import QUESTIONS_PER_WINDOW
from loa.questions.models import Question

from .builders import make_question

pytestmark = pytest.mark.django_db


def section_url(site, suffix: str = "") -> str:
    return site.section("hoi-dap").relative_url(site.member.site) + suffix


def get(client, site, suffix: str = "", **params):
    return client.get(section_url(site, suffix), params, HTTP_HOST=site.hostname)


def post(client, site, data: dict, **extra):
    return client.post(section_url(site, "dat-cau-hoi/"), data, HTTP_HOST=site.hostname, **extra)


def vietnamese(message: str) -> str:
    """The message as the reader of the public (Vietnamese) pages sees it."""
    with translation.override("vi"):
        return gettext(message)


GOOD = {
    "asker_name": "Trần Thị Hỏi",
    "email": "hoi@example.vn",
    "phone": "0251 3822 123",
    "address": "",
    "title": "Thủ tục chứng thực bản sao",
    "content": "Xin hỏi chứng thực bản sao giấy khai sinh ở đâu và mất bao lâu?",
    "website": "",
}


def test_the_list_shows_published_answers_of_this_site_without_personal_data(client, site_a, site_b):
    make_question(site_a.member, "Câu hỏi đã trả lời")
    make_question(site_a.member, "Câu hỏi chưa trả lời", answer="", published=False)
    make_question(site_b.member, "Câu hỏi của trang khác")
    html = get(client, site_a).content.decode()
    assert "Câu hỏi đã trả lời" in html and "Trả lời chi tiết." in html
    assert "chưa trả lời" not in html and "trang khác" not in html
    for private in ("Bí Mật", "bimat@example.vn", "0909 123 456", "Số Riêng"):
        assert private not in html


def test_a_question_has_its_own_page_on_its_own_site_only(client, site_a, site_b):
    published = make_question(site_a.member)
    pending = make_question(site_a.member, "Chưa trả lời", answer="", published=False)
    other = make_question(site_b.member)
    response = get(client, site_a, f"{published.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert published.title in html and "Trả lời chi tiết." in html and "Bí Mật" not in html
    assert get(client, site_a, f"{pending.pk}/").status_code == 404
    assert get(client, site_a, f"{other.pk}/").status_code == 404
    assert get(client, site_a, "9999999/").status_code == 404


def test_search_is_folded_and_paginated(client, site_a):
    for number in range(12):
        make_question(site_a.member, f"Hộ tịch số {number}")
    make_question(site_a.member, "Đất đai")
    assert "Đất đai" in get(client, site_a, q="dat dai").content.decode()
    first = get(client, site_a, q="ho tich")
    assert first.context["questions"].paginator.count == 12
    assert "q=ho%20tich&amp;page=2" in first.content.decode()
    assert get(client, site_a, q="<script>" * 30).status_code == 200
    assert get(client, site_a, page="abc").status_code == 200


def test_the_list_renders_in_a_fixed_number_of_queries(client, site_a, django_assert_max_num_queries):
    make_question(site_a.member)
    get(client, site_a)
    with django_assert_max_num_queries(20) as few:
        get(client, site_a)
    few = len(few.captured_queries)  # read before the next request empties the query log
    for number in range(25):
        make_question(site_a.member, f"Câu hỏi {number}")
    get(client, site_a)  # saving a question emptied the caches: the site's frame is built again
    with django_assert_max_num_queries(few):
        get(client, site_a)


def test_a_citizen_asks_and_is_thanked(client, site_a):
    form = get(client, site_a, "dat-cau-hoi/")
    assert form.status_code == 200
    html = form.content.decode()
    assert 'for="id_asker_name"' in html and 'name="website"' in html
    response = post(client, site_a, {**GOOD, "content": GOOD["content"] + " <script>alert(1)</script><b>Gấp</b>"})
    assert response.status_code == 302
    assert response.url.endswith("dat-cau-hoi/da-gui/")
    question = Question.objects.get()
    assert question.site == site_a.member and question.state == Question.State.RECEIVED
    assert "<" not in question.content and question.content.endswith("alert(1)Gấp")
    thanks = get(client, site_a, "dat-cau-hoi/da-gui/")
    received = vietnamese(
        "The agency has received your question. Its answer will be published in this section; "
        "the agency may also write to you at the e-mail address you gave."
    )
    assert received in thanks.content.decode()


@pytest.mark.parametrize(
    "change, field",
    [
        ({"asker_name": ""}, "asker_name"),
        ({"asker_name": "<b></b>"}, "asker_name"),
        ({"email": "khong-phai-email"}, "email"),
        ({"phone": "abc"}, "phone"),
        ({"title": "x" * 201}, "title"),
        ({"content": "Ngắn quá"}, "content"),
        ({"content": "x" * 5001}, "content"),
    ],
)
def test_bad_input_is_refused_with_a_message(client, site_a, change, field):
    response = post(client, site_a, {**GOOD, **change})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    not_sent = vietnamese("The question was not sent. Please correct what is marked below.")
    assert not_sent in response.content.decode()
    assert not Question.objects.exists()


def test_a_robot_filling_the_trap_is_thanked_but_nothing_is_saved(client, site_a):
    response = post(client, site_a, {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Question.objects.exists()


def test_one_address_may_ask_only_so_often(client, site_a):
    for _ in range(QUESTIONS_PER_WINDOW):
        assert post(client, site_a, GOOD).status_code == 302
    refused = post(client, site_a, GOOD)
    assert refused.status_code == 429
    too_many = vietnamese(
        "You have sent many questions in a short time. Please try again in an hour."
    )
    assert too_many in refused.content.decode()
    assert Question.objects.count() == QUESTIONS_PER_WINDOW
    assert post(client, site_a, GOOD, REMOTE_ADDR="203.0.113.9").status_code == 302
