"""A bulletin in full, reactions, comments, and the counters beside them."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from loa.bulletins.models import Attachment, ScopeLevel, State
from loa.citizens import counters
from loa.citizens.comments import contains_blocked_word, fold
from loa.citizens.counters import flush_counters, view_key
from loa.citizens.models import (
    BlockedWord,
    BulletinStats,
    BulletinView,
    Comment,
    CommentStatus,
    Reaction,
)
from loa.citizens.tasks import flush_counters_task
from loa.citizens.tokens import pseudonym
from tests.citizens.conftest import SUB, citizen_client, make_bulletin

pytestmark = pytest.mark.django_db

JSON = "application/json"


def url(bulletin_id, tail: str = "") -> str:
    return f"/api/v1/bulletins/{bulletin_id}{tail}"


def stats(request) -> BulletinStats:
    return BulletinStats.objects.get(pk=request.pk)


# The bulletin in full.


def test_detail(reader, sender, image, commune):
    body = (
        '<h2>Cảnh báo</h2><p onclick="steal()">Thủ đoạn <b>mới</b>'
        "<script>alert(1)</script></p>"
        '<p><a href="javascript:alert(1)">bấm</a> <a href="https://dichvucong.gov.vn">Cổng</a></p>'
        f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Ảnh minh họa"/>'
        '<iframe src="https://evil.example"></iframe><img src="x" onerror="alert(1)">'
    )
    bulletin = make_bulletin(
        sender,
        scope_level=ScopeLevel.COMMUNE,
        units=[commune],
        image=image,
        image_alt="Ảnh đại diện",
        body=body,
        author_name="Nguyễn Văn A",
        source="Công an tỉnh",
    )
    Attachment.objects.create(
        request=bulletin, file=ContentFile(b"%PDF-1.4", name="van-ban.pdf"), name="Văn bản", size=8
    )

    response = reader.get(url(bulletin.pk))

    assert response.status_code == 200
    item = response.json()
    assert item["id"] == bulletin.pk and item["title"] == bulletin.title
    assert item["author_name"] == "Nguyễn Văn A" and item["source"] == "Công an tỉnh"
    assert item["publisher"] == sender.name
    assert item["image"]["alt"] == "Ảnh đại diện" and item["image"]["width"] == 800
    html = item["body"]
    assert "<h2>Cảnh báo</h2>" in html and "<b>mới</b>" in html
    for unsafe in ("<script", "onclick", "javascript:", "<iframe", "onerror", "<embed"):
        assert unsafe not in html
    assert 'href="https://dichvucong.gov.vn"' in html and "noopener" in html
    assert 'alt="Ảnh minh họa"' in html
    assert 'src="http://testserver/media/images/' in html
    [attachment] = item["attachments"]
    assert attachment["name"] == "Văn bản" and attachment["size"] == 8
    assert attachment["url"].startswith("http://testserver/media/loa/attachments/")
    assert item["my_reaction"] is None
    assert item["counts"] == {"views": 0, "reactions": 0, "comments": 0}


def invisible_bulletins(sender, other_province) -> list[int]:
    """Bulletins the reader (Đồng Nai, born 1990, female) must not see, each for one reason."""
    now = timezone.now()
    elsewhere = make_bulletin(sender, scope_level=ScopeLevel.PROVINCE, units=[other_province])
    ended = make_bulletin(
        sender, starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1)
    )
    future = make_bulletin(sender, starts_at=now + timedelta(days=1))
    too_old = make_bulletin(sender, age_min=60)
    for_men = make_bulletin(sender, genders=["male"])
    draft = make_bulletin(sender, state=State.UNDER_APPRAISAL)
    withdrawn = make_bulletin(sender)
    type(withdrawn).objects.filter(pk=withdrawn.pk).update(state=State.WITHDRAWN)
    return [elsewhere.pk, ended.pk, future.pk, too_old.pk, for_men.pk, draft.pk, withdrawn.pk]


def test_anything_not_targeted_at_me_is_a_404_like_nothing(reader, sender, other_province):
    hidden = invisible_bulletins(sender, other_province)
    nowhere = [max(hidden) + 1000, 0, -1, 2**63, 10**30]
    answers = set()
    for bulletin_id in hidden + nowhere:
        for method, tail, payload in (
            ("get", "", None),
            ("put", "/reaction", {"kind": "like"}),
            ("delete", "/reaction", None),
            ("get", "/comments", None),
            ("post", "/comments", {"body": "Xin chào"}),
        ):
            call = getattr(reader, method)
            response = (
                call(url(bulletin_id, tail), payload, content_type=JSON)
                if payload
                else call(url(bulletin_id, tail))
            )
            assert response.status_code == 404, (bulletin_id, method, tail)
            answers.add(response.content)
    assert len(answers) == 1
    assert not Reaction.objects.exists() and not Comment.objects.exists()
    assert not BulletinView.objects.exists()
    assert all(cache.get(view_key(pk)) is None for pk in hidden)


def test_a_bulletin_opened_before_closes_on_time(reader, sender, monkeypatch):
    ends_at = timezone.now() + timedelta(minutes=5)
    bulletin = make_bulletin(sender, ends_at=ends_at)
    assert reader.get(url(bulletin.pk)).status_code == 200  # its cohort now remembers it is live
    later = ends_at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert reader.get(url(bulletin.pk)).status_code == 404


def test_a_path_id_that_is_not_a_number_is_a_422(reader):
    assert reader.get(url("abc")).status_code == 422


# Views and counters.


def test_a_view_is_counted_without_any_update(reader, bulletin):
    reader.get("/api/v1/feed")  # renders the image, as the feed does before anyone opens a bulletin
    with CaptureQueriesContext(connection) as queries:
        assert reader.get(url(bulletin.pk)).status_code == 200
        assert reader.get(url(bulletin.pk)).status_code == 200
    statements = [query["sql"].lstrip().upper() for query in queries.captured_queries]
    assert not [sql for sql in statements if sql.startswith("UPDATE")]
    assert len([sql for sql in statements if sql.startswith("INSERT")]) == 1  # the reader, once
    assert cache.get(view_key(bulletin.pk)) == 2
    assert BulletinView.objects.filter(request=bulletin).count() == 1
    assert not BulletinStats.objects.exists()


def test_the_reader_row_carries_the_dashboard_breakdown(bulletin, commune, other_commune):
    client = citizen_client(
        birthdate="2000-01-01", gender="male", residence=[commune.code, other_commune.code]
    )
    client.get(url(bulletin.pk))
    reader = BulletinView.objects.get()
    assert reader.citizen == pseudonym(SUB)
    assert reader.commune == commune  # permanent residence first
    assert reader.gender == "male" and reader.age_band in {"18-24", "25-34"}


def test_flush_applies_the_buffered_deltas(reader, bulletin, sender, commune):
    other = make_bulletin(sender, scope_level=ScopeLevel.COMMUNE, units=[commune])
    for _ in range(3):
        reader.get(url(bulletin.pk))
    reader.get(url(other.pk))
    assert flush_counters() == 2
    assert stats(bulletin).views == 3 and stats(other).views == 1
    assert cache.get(view_key(bulletin.pk)) == 0
    assert flush_counters() == 0
    reader.get(url(bulletin.pk))
    flush_counters()
    assert stats(bulletin).views == 4


def test_a_failed_flush_gives_the_counts_back(reader, bulletin, monkeypatch):
    reader.get(url(bulletin.pk))
    reader.get(url(bulletin.pk))

    def broken(deltas):
        raise DatabaseError("disk full")

    monkeypatch.setattr(counters, "_add_views", broken)
    with pytest.raises(DatabaseError):
        flush_counters()
    assert cache.get(view_key(bulletin.pk)) == 2
    monkeypatch.undo()
    flush_counters()
    assert stats(bulletin).views == 2


def test_the_feed_flushes_at_most_every_few_seconds(reader, bulletin):
    reader.get(url(bulletin.pk))
    [item] = reader.get("/api/v1/feed").json()["items"]
    assert item["counts"]["views"] == 1
    reader.get(url(bulletin.pk))
    [item] = reader.get("/api/v1/feed").json()["items"]
    assert item["counts"]["views"] == 1  # the lock holds until FLUSH_EVERY seconds have passed
    cache.delete(counters.FLUSH_LOCK)
    [item] = reader.get("/api/v1/feed").json()["items"]
    assert item["counts"]["views"] == 2


def test_the_feed_flushes_only_what_its_process_counted(
    reader, bulletin, sender, commune, django_assert_num_queries
):
    others = [make_bulletin(sender, scope_level=ScopeLevel.COMMUNE, units=[commune]) for _ in "ab"]
    reader.get(url(bulletin.pk))
    reader.get("/api/v1/feed")
    assert stats(bulletin).views == 1
    assert not BulletinStats.objects.filter(request__in=others).exists()
    # Nothing counted since: the next feed looks through no counters at all, lock or not.
    cache.delete(counters.FLUSH_LOCK)
    with django_assert_num_queries(1):  # the caller's reactions, beside the cached page
        reader.get("/api/v1/feed")


def test_the_command_and_the_task_flush(reader, bulletin):
    reader.get(url(bulletin.pk))
    out = StringIO()
    call_command("flush_counters", stdout=out)
    assert "1" in out.getvalue()
    assert stats(bulletin).views == 1
    reader.get(url(bulletin.pk))
    result = flush_counters_task.enqueue()
    assert result.return_value == 1
    assert stats(bulletin).views == 2


# Reactions.


def test_put_replace_and_delete_a_reaction(reader, bulletin):
    response = reader.put(url(bulletin.pk, "/reaction"), {"kind": "like"}, content_type=JSON)
    assert response.status_code == 200 and response.json() == {"kind": "like"}
    response = reader.put(url(bulletin.pk, "/reaction"), {"kind": "concerned"}, content_type=JSON)
    assert response.json() == {"kind": "concerned"}
    assert list(Reaction.objects.values_list("citizen", "kind")) == [(pseudonym(SUB), "concerned")]
    assert reader.get(url(bulletin.pk)).json()["my_reaction"] == "concerned"
    flush_counters()
    assert stats(bulletin).reactions == 1

    response = reader.delete(url(bulletin.pk, "/reaction"))
    assert response.status_code == 204 and response.content == b""
    assert not Reaction.objects.exists()
    assert reader.delete(url(bulletin.pk, "/reaction")).status_code == 204
    flush_counters()
    assert stats(bulletin).reactions == 0


def test_each_citizen_has_one_reaction(reader, bulletin, commune):
    other = citizen_client(sub="111111111111", residence=[commune.code])
    reader.put(url(bulletin.pk, "/reaction"), {"kind": "like"}, content_type=JSON)
    other.put(url(bulletin.pk, "/reaction"), {"kind": "love"}, content_type=JSON)
    flush_counters()
    assert stats(bulletin).reactions == 2
    assert reader.get(url(bulletin.pk)).json()["my_reaction"] == "like"
    assert other.get(url(bulletin.pk)).json()["my_reaction"] == "love"


@pytest.mark.parametrize("payload", [{"kind": "angry"}, {"kind": ""}, {}, {"kind": 1}])
def test_an_unknown_reaction_is_a_422(reader, bulletin, payload):
    response = reader.put(url(bulletin.pk, "/reaction"), payload, content_type=JSON)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "kind" and error["msg"]
    assert not Reaction.objects.exists()


# Comments.


def post(client, bulletin, body):
    return client.post(url(bulletin.pk, "/comments"), {"body": body}, content_type=JSON)


def listing(client, bulletin, **params):
    return client.get(url(bulletin.pk, "/comments"), params).json()


def test_a_comment_waits_for_approval_by_default(reader, bulletin):
    response = post(reader, bulletin, "  Cảm ơn cơ quan  ")
    assert response.status_code == 201
    assert response.json() == {"id": Comment.objects.get().pk, "status": "pending"}
    comment = Comment.objects.get()
    assert comment.body == "Cảm ơn cơ quan"
    assert comment.citizen == pseudonym(SUB) and comment.gender == "female"
    assert listing(reader, bulletin)["items"] == []


def test_a_comment_appears_at_once_when_the_bulletin_allows(reader, bulletin, commune):
    type(bulletin).objects.filter(pk=bulletin.pk).update(comments_need_approval=False)
    response = post(reader, bulletin, "Thông tin hữu ích")
    assert response.status_code == 201 and response.json()["status"] == "published"
    [item] = listing(reader, bulletin)["items"]
    assert item["body"] == "Thông tin hữu ích" and item["mine"] is True
    other = citizen_client(sub="222222222222", residence=[commune.code])
    assert listing(other, bulletin)["items"][0]["mine"] is False
    flush_counters()
    assert stats(bulletin).comments == 1


@pytest.mark.parametrize("need_approval", [True, False])
def test_a_blocked_word_holds_the_comment(reader, bulletin, need_approval):
    BlockedWord.objects.create(word="lừa đảo")
    type(bulletin).objects.filter(pk=bulletin.pk).update(comments_need_approval=need_approval)
    assert post(reader, bulletin, "Trang này LUA   DAO!").json()["status"] == "held"
    assert post(reader, bulletin, "Lừa đảo").json()["status"] == "held"
    assert post(reader, bulletin, "Cảnh giác lừa đảoooo").json()["status"] != "held"
    shown = [item["body"] for item in listing(reader, bulletin)["items"]]
    assert shown == ([] if need_approval else ["Cảnh giác lừa đảoooo"])


def test_blocked_words_match_whole_words_without_case_or_diacritics():
    assert fold("ĐẢNG Đoàn Lừa") == "dang doan lua"
    words = ["đần", "lừa đảo"]
    assert contains_blocked_word("Đồ ĐẦN!", words)
    assert contains_blocked_word("thằng dan", words)
    assert contains_blocked_word("lừa\nđảo", words)
    assert not contains_blocked_word("Cần Thơ, Đà Nẵng", words)
    assert not contains_blocked_word("đầnđộn", words)  # not a whole word
    assert not contains_blocked_word("không có gì", [])


def test_html_in_a_comment_is_text(reader, bulletin):
    type(bulletin).objects.filter(pk=bulletin.pk).update(comments_need_approval=False)
    body = '<script>alert("x")</script><img src=x onerror=alert(1)> & <b>đậm</b>'
    assert post(reader, bulletin, body).status_code == 201
    assert Comment.objects.get().body == body  # stored as written
    [item] = listing(reader, bulletin)["items"]
    assert "<" not in item["body"] and ">" not in item["body"]
    assert item["body"].startswith("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    assert "&amp;" in item["body"]


@pytest.mark.parametrize("body", ["", "   ", "\n\t", "x" * 2001])
def test_an_empty_or_long_comment_is_a_422(reader, bulletin, body):
    response = post(reader, bulletin, body)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "body" and error["msg"]
    assert not Comment.objects.exists()


def test_a_comment_without_body_is_a_422(reader, bulletin):
    response = reader.post(url(bulletin.pk, "/comments"), {}, content_type=JSON)
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "body"


def test_the_longest_comment_is_accepted(reader, bulletin):
    assert post(reader, bulletin, "ư" * 2000).status_code == 201


def test_comments_are_rate_limited_per_citizen(reader, bulletin, commune):
    for number in range(5):
        assert post(reader, bulletin, f"Ý kiến {number}").status_code == 201
    response = post(reader, bulletin, "Một ý kiến nữa")
    assert response.status_code == 429
    assert isinstance(response.json()["detail"], str) and response.json()["detail"]
    assert Comment.objects.count() == 5
    other = citizen_client(sub="333333333333", residence=[commune.code])
    assert post(other, bulletin, "Tôi chưa nói gì").status_code == 201


def test_comment_pages(reader, bulletin, commune):
    type(bulletin).objects.filter(pk=bulletin.pk).update(comments_need_approval=False)
    moment = timezone.now()
    published = [
        Comment.objects.create(
            request=bulletin,
            citizen="x" * 64,
            body=f"Ý kiến {number}",
            status=CommentStatus.PUBLISHED,
            created_at=moment - timedelta(minutes=number // 2),  # ties broken by id
            age_band="35-44",
            gender="male",
        )
        for number in range(5)
    ]
    Comment.objects.create(
        request=bulletin, citizen="y" * 64, body="Chờ duyệt", age_band="35-44", gender="male"
    )
    expected = [c.pk for c in sorted(published, key=lambda c: (c.created_at, c.pk), reverse=True)]
    seen, cursor = [], None
    while True:
        page = listing(reader, bulletin, limit=2, **({"cursor": cursor} if cursor else {}))
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == expected
    response = reader.get(url(bulletin.pk, "/comments"), {"cursor": "xyz"})
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "cursor"


def test_writes_need_no_csrf_token_since_no_cookie_is_involved(bulletin, commune):
    client = citizen_client(residence=[commune.code], enforce_csrf_checks=True)
    response = client.put(url(bulletin.pk, "/reaction"), {"kind": "love"}, content_type=JSON)
    assert response.status_code == 200


def test_the_openapi_document_describes_the_citizen_api(client):
    document = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/feed", "/api/v1/bulletins/{bulletin_id}/comments"} <= set(document["paths"])
    feed = document["paths"]["/api/v1/feed"]["get"]
    assert feed["tags"] == ["citizen"] and "401" in feed["responses"]
    [scheme] = document["components"]["securitySchemes"].values()
    assert scheme == {"type": "http", "scheme": "bearer"}


@pytest.mark.parametrize("body", ["Xin\x00chào", "chuông\x07"])
def test_control_characters_in_a_comment_are_refused(reader, bulletin, body):
    response = reader.post(
        f"/api/v1/bulletins/{bulletin.pk}/comments", {"body": body}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "body"
