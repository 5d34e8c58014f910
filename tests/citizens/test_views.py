"""The reach screens, driven with the test client as the demo province's users.

Tests look at status codes, the database, workbooks and marked elements (data-loa-* attributes),
never at wording: the interface is translated.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from loa.bulletins.models import MonthlyQuota, Round, ScopeLevel, State
from loa.citizens import views
from loa.citizens.models import (
    BlockedWord,
    BulletinStats,
    BulletinView,
    Comment,
    CommentStatus,
    Reaction,
)
from loa.citizens.moderation import HIDE_ACTION, PUBLISH_ACTION
from loa.demo.data import load_demo
from loa.orgs.models import Organization
from loa.units.models import AdminUnit
from tests.bulletins.conftest import LONG_THANH, TRAN_BIEN, VN
from tests.citizens.conftest import make_bulletin

pytestmark = pytest.mark.django_db

ORGS = ["DNI-STP", "DNI-SVHTTDL", "DNI-PC06", f"UBND-{TRAN_BIEN}", f"UBND-{LONG_THANH}"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def demo(db):
    """The demo province's organizations and accounts, by code and username (as in
    tests/bulletins, whose fixture a test module elsewhere cannot share without shadowing it)."""
    load_demo()
    User = get_user_model()

    class Demo:
        users = {user.username: user for user in User.objects.all()}
        orgs = {org.code: org for org in Organization.objects.filter(code__in=ORGS)}
        units = {code: AdminUnit.objects.get(code=code) for code in ("75", TRAN_BIEN, LONG_THANH)}

    return Demo


def client_for(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def citizen(n: int) -> str:
    return f"{n:064x}"


@pytest.fixture
def stp(demo, image):
    """Sở Tư pháp's live bulletin for the province, with readers, reactions and comments."""
    bulletin = make_bulletin(
        demo.orgs["DNI-STP"],
        scope_level=ScopeLevel.PROVINCE,
        units=[demo.units["75"]],
        image=image,
        title="Những điểm mới của Luật Căn cước",
        handler=demo.orgs["DNI-PC06"],
    )
    tran_bien, long_thanh = demo.units[TRAN_BIEN], demo.units[LONG_THANH]
    BulletinView.objects.bulk_create(
        [
            BulletinView(
                request=bulletin,
                citizen=citizen(1),
                age_band="18-24",
                gender="female",
                commune=tran_bien,
            ),
            BulletinView(
                request=bulletin,
                citizen=citizen(2),
                age_band="25-34",
                gender="male",
                commune=tran_bien,
            ),
            BulletinView(
                request=bulletin,
                citizen=citizen(3),
                age_band="25-34",
                gender="female",
                commune=long_thanh,
            ),
        ]
    )
    Reaction.objects.create(request=bulletin, citizen=citizen(1), kind="like")
    Reaction.objects.create(request=bulletin, citizen=citizen(9), kind="thanks")
    BulletinStats.objects.create(request=bulletin, views=42, reactions=2, comments=1)
    return bulletin


@pytest.fixture
def longthanh(demo, image):
    """Long Thành commune's own live bulletin."""
    return make_bulletin(
        demo.orgs[f"UBND-{LONG_THANH}"],
        scope_level=ScopeLevel.COMMUNE,
        units=[demo.units[LONG_THANH]],
        image=image,
        title="Xã Long Thành ra quân vệ sinh môi trường",
    )


def add_comment(
    bulletin, body: str, status: str = CommentStatus.PENDING, minutes: int = 0
) -> Comment:
    return Comment.objects.create(
        request=bulletin,
        citizen=citizen(abs(hash(body)) % 10**12),
        body=body,
        status=status,
        age_band="25-34",
        gender="female",
        created_at=timezone.now() - timedelta(minutes=minutes),
    )


def marked(content: bytes, attribute: str) -> list[str]:
    """The values of a data-loa-* attribute, in the order of the page."""
    return [value.decode() for value in re.findall(rf'{attribute}="([^"]*)"'.encode(), content)]


def detail_url(bulletin) -> str:
    return reverse("loa_citizens:detail", args=[bulletin.pk])


def all_urls(bulletin) -> list[str]:
    return [
        detail_url(bulletin),
        reverse("loa_citizens:export", args=[bulletin.pk]),
        reverse("loa_citizens:comments", args=[bulletin.pk]),
    ]


# The dashboard ---------------------------------------------------------------------------------


def test_an_author_sees_only_their_organizations_requests(demo, stp, longthanh):
    response = client_for(demo.users["stp.tacgia"]).get(reverse("loa_citizens:index"))
    assert response.status_code == 200
    assert detail_url(stp).encode() in response.content
    assert detail_url(longthanh).encode() not in response.content
    response = client_for(demo.users["ubnd.longthanh.tacgia"]).get(reverse("loa_citizens:index"))
    assert detail_url(longthanh).encode() in response.content
    assert detail_url(stp).encode() not in response.content


def test_a_head_and_a_superuser_see_the_dashboard(demo, stp, longthanh):
    head = client_for(demo.users["stp.lanhdao"]).get(reverse("loa_citizens:index"))
    assert detail_url(stp).encode() in head.content
    everyone = client_for(demo.users["quantri"]).get(reverse("loa_citizens:index"))
    assert detail_url(stp).encode() in everyone.content
    assert detail_url(longthanh).encode() in everyone.content


@pytest.mark.parametrize("username", ["pc06.thamdinh", "pc06.lanhdao", "cat.quantri"])
def test_the_police_have_no_dashboard(demo, stp, username):
    client = client_for(demo.users[username])
    assert client.get(reverse("loa_citizens:index")).status_code == 404
    for url in all_urls(stp):
        assert client.get(url).status_code == 404


def test_outsiders_get_404_for_another_organizations_bulletin(demo, stp):
    for username in ("ubnd.longthanh.tacgia", "svh.tacgia"):
        client = client_for(demo.users[username])
        for url in all_urls(stp):
            assert client.get(url).status_code == 404, (username, url)
    anonymous = Client().get(detail_url(stp))
    assert anonymous.status_code == 302  # to the login page


def test_the_dashboard_search_and_its_results_fragment(demo, stp, image):
    other = make_bulletin(demo.orgs["DNI-STP"], image=image, title="Tuyên truyền phòng cháy")
    client = client_for(demo.users["stp.tacgia"])
    response = client.get(reverse("loa_citizens:index_results"), {"q": "Căn cước"})
    assert response.status_code == 200
    assert detail_url(stp).encode() in response.content
    assert detail_url(other).encode() not in response.content


def test_the_dashboard_takes_the_same_queries_for_one_bulletin_or_many(demo, stp, image):
    client = client_for(demo.users["stp.tacgia"])
    client.get(reverse("loa_citizens:index"))  # warm up: session, menus, content types
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("loa_citizens:index")).status_code == 200
    for number in range(6):
        bulletin = make_bulletin(demo.orgs["DNI-STP"], image=image, title=f"Bản tin {number}")
        BulletinStats.objects.create(request=bulletin, views=number)
        Round.objects.create(
            request=bulletin,
            number=1,
            received_at=timezone.now(),
            deadline=timezone.now() + timedelta(days=3),
            handler=demo.orgs["DNI-PC06"],
            routing_explanation="PC06",
        )
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("loa_citizens:index")).status_code == 200
    assert len(many) == len(one)


def test_the_dashboard_shows_a_pending_requests_deadline_and_state(demo, image):
    pending = make_bulletin(demo.orgs["DNI-STP"], image=image, state=State.UNDER_APPRAISAL)
    deadline = datetime(2026, 3, 12, 17, 0, tzinfo=VN)
    Round.objects.create(
        request=pending,
        number=1,
        received_at=deadline - timedelta(days=8),
        deadline=deadline,
        handler=demo.orgs["DNI-PC06"],
        routing_explanation="PC06",
    )
    response = client_for(demo.users["stp.tacgia"]).get(reverse("loa_citizens:index"))
    assert b"12/03/2026" in response.content


# One bulletin's charts ------------------------------------------------------------------------


def test_the_detail_page_draws_the_breakdowns(demo, stp):
    response = client_for(demo.users["stp.tacgia"]).get(detail_url(stp))
    assert response.status_code == 200
    content = response.content
    assert set(marked(content, "data-loa-chart")) == {
        "age",
        "gender",
        "commune",
        "reactions",
        "comments",
    }
    bars = dict(
        zip(marked(content, "data-loa-bar"), marked(content, "data-loa-count"), strict=True)
    )
    assert bars["25-34"] == "2" and bars["18-24"] == "1" and bars["male"] == "1"
    assert bars[str(demo.units[TRAN_BIEN].pk)] == "2"
    assert bars["like"] == "1" and bars["thanks"] == "1"
    assert b'style="width: 100.0%"' in content and b'style="width: 50.0%"' in content
    assert b"<details" in content and b"<table" in content  # the table alternative
    assert b"<script>alert" not in content


def test_the_commune_chart_keeps_the_fifteen_largest(demo, stp):
    communes = list(AdminUnit.objects.communes_of(demo.units["75"]).order_by("code")[:18])
    BulletinView.objects.bulk_create(
        BulletinView(
            request=stp, citizen=citizen(1000 + n), age_band="35-44", gender="male", commune=unit
        )
        for n, unit in enumerate(communes)
    )
    content = client_for(demo.users["stp.tacgia"]).get(detail_url(stp)).content
    chart = content.split(b'data-loa-chart="commune"')[1].split(b"</figure>")[0]
    assert chart.count(b"data-loa-bar=") == views.COMMUNES_CHARTED


def test_a_draft_has_a_page_with_zeros(demo, image):
    draft = make_bulletin(demo.orgs["DNI-STP"], image=image, state=State.DRAFT)
    response = client_for(demo.users["stp.tacgia"]).get(detail_url(draft))
    assert response.status_code == 200


# Excel ----------------------------------------------------------------------------------------


def open_workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="loa-reach-') and disposition.endswith(
        '.xlsx"'
    )
    disposition.encode("ascii")
    return load_workbook(io.BytesIO(response.content))


def test_the_bulletins_workbook(demo, stp):
    add_comment(stp, "Rất hữu ích", CommentStatus.PUBLISHED)
    response = client_for(demo.users["stp.tacgia"]).get(
        reverse("loa_citizens:export", args=[stp.pk])
    )
    workbook = open_workbook(response)
    assert f"loa-reach-{stp.pk}-" in response["Content-Disposition"]
    assert workbook.sheetnames == [
        "Tổng quan",
        "Độ tuổi",
        "Giới tính",
        "Xã, phường",
        "Cảm xúc",
        "Bình luận",
    ]
    overview = {row[0]: row[1] for row in workbook["Tổng quan"].iter_rows(values_only=True)}
    assert overview["Mã"] == stp.pk
    assert overview["Tiêu đề"] == stp.title
    assert overview["Cơ quan gửi"] == "Sở Tư pháp tỉnh Đồng Nai"
    assert overview["Lượt xem"] == 42 and overview["Người đọc"] == 3
    assert overview["Lượt cảm xúc"] == 2 and overview["Bình luận đã đăng"] == 1
    assert overview["Đang hiển thị"] == "Có"
    ages = list(workbook["Độ tuổi"].iter_rows(values_only=True))
    assert ages[0] == ("Độ tuổi", "Người đọc", "Lượt cảm xúc", "Bình luận", "Tỷ lệ người đọc")
    by_band = {row[0]: row[1:] for row in ages[1:]}
    assert by_band["25–34"][:3] == (2, 0, 1)
    assert by_band["18–24"][:2] == (1, 1)
    assert by_band["25–34"][3] == pytest.approx(2 / 3)
    communes = list(workbook["Xã, phường"].iter_rows(values_only=True))
    assert communes[0][:2] == ("Xã, phường, đặc khu", "Tỉnh, thành phố")
    assert communes[1][:3] == (demo.units[TRAN_BIEN].name, demo.units["75"].name, 2)
    assert None not in communes[1]
    kinds = {row[0]: row[1] for row in workbook["Cảm xúc"].iter_rows(min_row=2, values_only=True)}
    assert sorted(kinds.values()) == [0, 0, 1, 1]


def test_the_dashboards_workbook_lists_only_the_users_bulletins(demo, stp, longthanh, image):
    trap = make_bulletin(demo.orgs["DNI-STP"], image=image, title='=HYPERLINK("http://x")')
    response = client_for(demo.users["stp.tacgia"]).get(reverse("loa_citizens:export_list"))
    workbook = open_workbook(response)
    rows = list(workbook["Tổng quan"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Mã", "Tiêu đề", "Cơ quan gửi")
    ids = {row[0] for row in rows[1:]}
    assert ids == {stp.pk, trap.pk}
    sheet = workbook["Tổng quan"]
    title_cell = next(row[1] for row in sheet.iter_rows(min_row=2) if row[0].value == trap.pk)
    assert title_cell.data_type == "s" and title_cell.value == trap.title  # text, not a formula
    ages = list(workbook["Độ tuổi"].iter_rows(values_only=True))
    assert ages[0][:3] == ("Mã", "Tiêu đề", "Độ tuổi")
    assert {row[0] for row in ages[1:]} == {stp.pk, trap.pk}


# Comment moderation ---------------------------------------------------------------------------


@pytest.fixture
def comments(stp):
    return {
        "published": add_comment(stp, "Đã đăng", CommentStatus.PUBLISHED, minutes=1),
        "pending": add_comment(stp, "<script>alert(1)</script> chờ duyệt", minutes=30),
        "hidden": add_comment(stp, "Đã ẩn", CommentStatus.HIDDEN, minutes=2),
        "held": add_comment(stp, "Từ bị chặn", CommentStatus.HELD, minutes=60),
    }


def log_of(comment) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(comment.pk))
        .order_by("timestamp")
        .values_list("action", flat=True)
    )


def test_the_moderation_page_puts_what_waits_first_and_escapes_bodies(demo, stp, comments):
    response = client_for(demo.users["stp.tacgia"]).get(
        reverse("loa_citizens:comments", args=[stp.pk])
    )
    assert response.status_code == 200
    assert marked(response.content, "data-loa-status") == ["pending", "held", "published", "hidden"]
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content
    statuses = dict(
        zip(
            marked(response.content, "data-loa-status-count"),
            marked(response.content, "data-loa-count"),
            strict=True,
        )
    )
    assert statuses == {"pending": "1", "held": "1", "published": "1", "hidden": "1"}
    assert b"csrfmiddlewaretoken" in response.content and b"data-loa-bulk" in response.content


def test_publishing_a_comment(demo, stp, comments):
    author = demo.users["stp.tacgia"]
    comment = comments["held"]
    url = reverse("loa_citizens:publish_comment", args=[stp.pk, comment.pk])
    response = client_for(author).post(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("loa_citizens:comments", args=[stp.pk]))
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED and comment.moderated_by == author
    assert log_of(comment) == [PUBLISH_ACTION]
    assert BulletinStats.objects.get(pk=stp.pk).comments == 2


def test_hiding_a_comment_with_a_reason(demo, stp, comments):
    head = demo.users["stp.lanhdao"]
    comment = comments["published"]
    url = reverse("loa_citizens:hide_comment", args=[stp.pk, comment.pk])
    response = client_for(head).post(url, {"reason": "Thông tin sai sự thật", "p": "1"})
    assert response.status_code == 302 and response["Location"].endswith("?p=1")
    comment.refresh_from_db()
    assert (
        comment.status == CommentStatus.HIDDEN and comment.hidden_reason == "Thông tin sai sự thật"
    )
    entry = ModelLogEntry.objects.get(object_id=str(comment.pk), action=HIDE_ACTION)
    assert entry.user == head and entry.data["reason"] == "Thông tin sai sự thật"


@pytest.mark.parametrize("data", [{}, {"reason": "   "}])
def test_hiding_without_a_reason_is_refused(demo, stp, comments, data):
    comment = comments["pending"]
    url = reverse("loa_citizens:hide_comment", args=[stp.pk, comment.pk])
    response = client_for(demo.users["stp.tacgia"]).post(url, data, follow=True)
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING and not log_of(comment)
    assert any(message.level_tag == "error" for message in response.context["messages"])


def test_publishing_the_selected_comments(demo, stp, comments):
    url = reverse("loa_citizens:publish_selected", args=[stp.pk])
    chosen = [comments["pending"], comments["held"]]
    response = client_for(demo.users["stp.tacgia"]).post(url, {"comment": [c.pk for c in chosen]})
    assert response.status_code == 302
    for comment in chosen:
        comment.refresh_from_db()
        assert comment.status == CommentStatus.PUBLISHED and log_of(comment) == [PUBLISH_ACTION]
    comments["hidden"].refresh_from_db()
    assert comments["hidden"].status == CommentStatus.HIDDEN


def test_outsiders_cannot_moderate(demo, stp, comments):
    comment = comments["pending"]
    urls = [
        (reverse("loa_citizens:publish_comment", args=[stp.pk, comment.pk]), {}),
        (reverse("loa_citizens:hide_comment", args=[stp.pk, comment.pk]), {"reason": "Lạc đề"}),
        (reverse("loa_citizens:publish_selected", args=[stp.pk]), {"comment": [comment.pk]}),
    ]
    for username in ("ubnd.longthanh.tacgia", "pc06.lanhdao", "quantri"):
        client = client_for(demo.users[username])
        for url, data in urls:
            assert client.post(url, data).status_code == 404, (username, url)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING and not log_of(comment)


def test_a_comment_of_another_bulletin_is_not_found_through_this_one(demo, stp, longthanh):
    foreign = add_comment(longthanh, "Bình luận của xã")
    url = reverse("loa_citizens:publish_comment", args=[stp.pk, foreign.pk])
    assert client_for(demo.users["stp.tacgia"]).post(url).status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == CommentStatus.PENDING


def test_moderation_needs_post_and_csrf(demo, stp, comments):
    comment = comments["pending"]
    url = reverse("loa_citizens:publish_comment", args=[stp.pk, comment.pk])
    author = demo.users["stp.tacgia"]
    assert client_for(author).get(url).status_code == 405
    assert client_for(author, enforce_csrf_checks=True).post(url).status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_a_superuser_reads_comments_without_moderating(demo, stp, comments):
    response = client_for(demo.users["quantri"]).get(
        reverse("loa_citizens:comments", args=[stp.pk])
    )
    assert response.status_code == 200
    assert b"data-loa-bulk" not in response.content
    assert (
        reverse("loa_citizens:publish_comment", args=[stp.pk, comments["pending"].pk]).encode()
        not in response.content
    )


# Blocked words and quotas as model screens ----------------------------------------------------


def test_superusers_keep_the_block_list(demo):
    superuser = demo.users["quantri"]
    client = client_for(superuser)
    assert client.get(reverse("loa_blocked_words:index")).status_code == 200
    response = client.post(reverse("loa_blocked_words:add"), {"word": "lừa đảo"})
    assert response.status_code == 302
    word = BlockedWord.objects.get(word="lừa đảo")
    assert word.created_by == superuser


@pytest.mark.parametrize("username", ["stp.tacgia", "cat.quantri", "pc06.lanhdao"])
def test_others_cannot_touch_the_block_list(demo, username):
    client = client_for(demo.users[username])
    assert client.get(reverse("loa_blocked_words:index")).status_code != 200
    client.post(reverse("loa_blocked_words:add"), {"word": "cấm"})
    assert not BlockedWord.objects.exists()


def test_superusers_set_quotas(demo):
    client = client_for(demo.users["quantri"])
    response = client.post(
        reverse("loa_quotas:add"),
        {"organization": demo.orgs["DNI-STP"].pk, "bulletins_per_month": 2},
    )
    assert response.status_code == 302
    assert MonthlyQuota.objects.get(organization=demo.orgs["DNI-STP"]).bulletins_per_month == 2
    police = client.post(
        reverse("loa_quotas:add"),
        {"organization": demo.orgs["DNI-PC06"].pk, "bulletins_per_month": 1},
    )
    assert police.status_code == 200  # a police unit owes no bulletins: not offered
    assert not MonthlyQuota.objects.filter(organization=demo.orgs["DNI-PC06"]).exists()
    other = client_for(demo.users["cat.quantri"])
    assert other.get(reverse("loa_quotas:index")).status_code != 200


# The monthly quota table ---------------------------------------------------------------------


@pytest.fixture
def quotas(demo, image):
    """Sở Tư pháp owes two a month and sent one in March 2026; Sở VHTTDL owes one and sent one."""
    MonthlyQuota.objects.create(organization=demo.orgs["DNI-STP"], bulletins_per_month=2)
    MonthlyQuota.objects.create(organization=demo.orgs["DNI-SVHTTDL"], bulletins_per_month=1)
    MonthlyQuota.objects.create(organization=demo.orgs[f"UBND-{TRAN_BIEN}"], bulletins_per_month=1)
    for code in ("DNI-STP", "DNI-SVHTTDL"):
        request = make_bulletin(demo.orgs[code], image=image, state=State.UNDER_APPRAISAL)
        received = datetime(2026, 3, 10, 9, 0, tzinfo=VN)
        Round.objects.create(
            request=request,
            number=1,
            received_at=received,
            deadline=received + timedelta(days=8),
            handler=demo.orgs["DNI-PC06"],
            routing_explanation="PC06",
        )
    for username in ("stp.tacgia", "stp.lanhdao", "svh.tacgia", "ubnd.tranbien.tacgia"):
        user = demo.users[username]
        user.email = f"{username}@example.vn"
        user.save()


def quota_page(user, **params):
    return client_for(user).get(reverse("loa_citizens:quota"), params)


def test_the_quota_table_for_a_month(demo, quotas):
    response = quota_page(demo.users["quantri"], month="2026-03")
    assert response.status_code == 200
    assert marked(response.content, "data-loa-month") == ["2026-03"]
    rows = dict(
        zip(
            marked(response.content, "data-loa-quota"),
            marked(response.content, "data-loa-met"),
            strict=True,
        )
    )
    assert rows == {"DNI-STP": "no", "DNI-SVHTTDL": "yes", f"UBND-{TRAN_BIEN}": "no"}
    assert (
        b'href="?month=2026-02"' in response.content
        and b'href="?month=2026-04"' in response.content
    )
    assert b"data-loa-remind" in response.content
    april = quota_page(demo.users["quantri"], month="2026-04")
    assert set(marked(april.content, "data-loa-met")) == {"no"}


@pytest.mark.parametrize("month", ["2026-13", "abc", "2026-3-1", "1999-12", "9999-12", "2026-00"])
def test_a_wrong_month_shows_an_error_and_this_month(demo, quotas, month):
    response = quota_page(demo.users["quantri"], month=month)
    assert response.status_code == 200
    assert b"data-loa-month-invalid" in response.content
    this_month = timezone.localdate().strftime("%Y-%m")
    assert marked(response.content, "data-loa-month") == [this_month]


def test_no_month_means_this_month(demo, quotas):
    response = quota_page(demo.users["quantri"])
    assert response.status_code == 200 and b"data-loa-month-invalid" not in response.content
    assert marked(response.content, "data-loa-month") == [timezone.localdate().strftime("%Y-%m")]


def test_months_roll_over_the_year():
    assert views.shift_month(date(2026, 1, 1), -1) == date(2025, 12, 1)
    assert views.shift_month(date(2025, 12, 1), 1) == date(2026, 1, 1)


def test_the_police_and_unit_administrators_see_their_jurisdiction(demo, quotas):
    province = quota_page(demo.users["cat.quantri"], month="2026-03")
    assert set(marked(province.content, "data-loa-quota")) == {
        "DNI-STP",
        "DNI-SVHTTDL",
        f"UBND-{TRAN_BIEN}",
    }
    assert b"data-loa-remind" not in province.content
    commune = quota_page(demo.users["ca.tranbien.truong"], month="2026-03")
    assert marked(commune.content, "data-loa-quota") == [f"UBND-{TRAN_BIEN}"]
    elsewhere = quota_page(demo.users["ca.longthanh.truong"], month="2026-03")
    assert elsewhere.status_code == 200 and not marked(elsewhere.content, "data-loa-quota")


@pytest.mark.parametrize("username", ["stp.tacgia", "stp.lanhdao", "pc06.thamdinh"])
def test_others_have_no_quota_page(demo, quotas, username):
    assert quota_page(demo.users[username]).status_code == 404


def test_a_superuser_reminds_those_behind(demo, quotas):
    client = client_for(demo.users["quantri"])
    response = client.post(reverse("loa_citizens:quota"), {"month": "2026-03"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith("?month=2026-03")
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == [
        "stp.lanhdao@example.vn",
        "stp.tacgia@example.vn",
        "ubnd.tranbien.tacgia@example.vn",
    ]
    assert [m.level_tag for m in response.context["messages"]] == ["success"]


def test_only_a_superuser_sends_reminders(demo, quotas):
    response = client_for(demo.users["cat.quantri"]).post(
        reverse("loa_citizens:quota"), {"month": "2026-03"}
    )
    # Wagtail answers a refused action with a message on the admin's home page.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert (
        client_for(demo.users["stp.tacgia"])
        .post(reverse("loa_citizens:quota"), {"month": "2026-03"})
        .status_code
        == 404
    )
    assert not mail.outbox


def test_a_reminder_for_a_wrong_month_sends_nothing(demo, quotas):
    response = client_for(demo.users["quantri"]).post(
        reverse("loa_citizens:quota"), {"month": "2026-13"}, follow=True
    )
    assert response.status_code == 200 and not mail.outbox
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


# The admin menu -------------------------------------------------------------------------------


def menu_urls(user) -> str:
    return client_for(user).get(reverse("wagtailadmin_home")).content.decode()


def menu_link(url_name: str) -> str:
    """How the sidebar's data names a menu item's URL."""
    return f'"url": "{reverse(url_name)}"'


def test_menu_items_are_shown_to_those_let_in(demo):
    dashboard, quota = menu_link("loa_citizens:index"), menu_link("loa_citizens:quota")
    words = menu_link("loa_blocked_words:index")
    author = menu_urls(demo.users["stp.tacgia"])
    assert dashboard in author and quota not in author and words not in author
    police = menu_urls(demo.users["cat.quantri"])
    assert dashboard not in police and quota in police
    superuser = menu_urls(demo.users["quantri"])
    assert dashboard in superuser and quota in superuser and words in superuser
