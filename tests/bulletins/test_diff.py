"""What changed between two rounds: field by field, in words, with areas and images named."""

from __future__ import annotations

import copy

import pytest

from loa.bulletins import workflow
from loa.bulletins.diff import (
    IMAGE,
    LONG_TEXT,
    TEXT,
    Segment,
    changes_between,
    html_to_text,
    word_diff,
)
from tests.bulletins.conftest import LONG_THANH, TRAN_BIEN, make_image, make_request

BASE = {
    "title": "Cảnh giác lừa đảo qua mạng",
    "summary": "Không cung cấp mã OTP cho bất kỳ ai.",
    "body": "<p>Thời gian gần đây xuất hiện nhiều thủ đoạn lừa đảo.</p>",
    "image": None,
    "image_alt": "",
    "author_name": "Tổ tuyên truyền",
    "source": "",
    "age_min": 0,
    "age_max": 120,
    "genders": [],
    "scope_level": "commune",
    "scope_units": [],
    "national_justification": "",
    "starts_at": "2026-03-02T01:00:00Z",
    "ends_at": "2026-04-01T01:00:00Z",
    "notes": "",
    "letter_number": "12/UBND-VHXH",
    "letter_date": None,
    "letter_signer": "",
    "comments_need_approval": True,
    "attachments": [],
    # Fields the comparison leaves alone: they change with every transition.
    "state": "draft",
    "version": 0,
    "updated_at": "2026-03-01T01:00:00Z",
}


def changed(**fields) -> dict:
    content = copy.deepcopy(BASE)
    content.update(fields)
    return content


def by_field(changes) -> dict:
    return {change.field: change for change in changes}


def test_nothing_changed_means_no_changes():
    assert changes_between(BASE, copy.deepcopy(BASE)) == []
    assert (
        changes_between(
            BASE, changed(state="returned", version=3, updated_at="2026-05-01T00:00:00Z")
        )
        == []
    )


def test_a_new_title_is_shown_word_by_word():
    (change,) = changes_between(BASE, changed(title="Cảnh giác lừa đảo qua mạng xã hội"))
    assert change.field == "title" and change.kind == TEXT
    assert (change.old, change.new) == (BASE["title"], "Cảnh giác lừa đảo qua mạng xã hội")
    assert [s for s in change.new_segments if s.op == "insert"] == [Segment("insert", " xã hội")]
    assert all(s.op == "equal" for s in change.old_segments)


def test_whitespace_alone_is_no_change():
    assert changes_between(BASE, changed(title="  Cảnh giác  lừa đảo qua mạng ")) == []


def test_the_body_is_compared_as_text_without_markup():
    new_body = (
        "<p>Thời gian gần đây xuất hiện <b>rất</b> nhiều thủ đoạn lừa đảo.</p><p>Hãy cảnh giác.</p>"
    )
    change = by_field(changes_between(BASE, changed(body=new_body)))["body"]
    assert change.kind == LONG_TEXT
    assert "<" not in change.old and "<" not in change.new
    assert change.new == "Thời gian gần đây xuất hiện rất nhiều thủ đoạn lừa đảo.\nHãy cảnh giác."
    inserted = "".join(s.text for s in change.new_segments if s.op == "insert")
    assert "rất" in inserted and "Hãy cảnh giác" in inserted
    assert not change.formatting_only


def test_a_change_of_formatting_only_is_flagged():
    new_body = "<h2>Thời gian gần đây xuất hiện nhiều thủ đoạn lừa đảo.</h2>"
    change = by_field(changes_between(BASE, changed(body=new_body)))["body"]
    assert change.formatting_only
    assert change.old == change.new


def test_audience_window_and_letter_changes_are_listed_in_form_order():
    changes = changes_between(
        BASE,
        changed(
            age_min=18,
            genders=["female"],
            starts_at="2026-03-05T01:00:00Z",
            notes="Ưu tiên",
            comments_need_approval=False,
            letter_date="2026-02-20",
        ),
    )
    assert [c.field for c in changes] == [
        "age_min",
        "genders",
        "starts_at",
        "notes",
        "letter_date",
        "comments_need_approval",
    ]
    fields = by_field(changes)
    assert (fields["age_min"].old, fields["age_min"].new) == ("0", "18")
    assert fields["starts_at"].old != fields["starts_at"].new
    assert "05" in fields["starts_at"].new and "08" in fields["starts_at"].new  # local time, 8:00


def test_attachments_added_or_replaced_are_listed():
    letter = {"pk": 1, "name": "cong-van.pdf", "file": "loa/attachments/2026/03/cong-van.pdf"}
    change = by_field(changes_between(BASE, changed(attachments=[letter])))["attachments"]
    assert change.new == "cong-van.pdf"
    replaced = {**letter, "pk": 2, "file": "loa/attachments/2026/03/cong-van_x1.pdf"}
    assert "attachments" in by_field(
        changes_between(changed(attachments=[letter]), changed(attachments=[replaced]))
    )


@pytest.mark.django_db
def test_areas_and_images_are_named(demo):
    tran_bien, long_thanh = demo.units[TRAN_BIEN], demo.units[LONG_THANH]
    old_image, new_image = make_image(), make_image(1600, 900)
    changes = by_field(
        changes_between(
            changed(scope_units=[tran_bien.pk], image=old_image.pk),
            changed(scope_units=[long_thanh.pk, tran_bien.pk], image=new_image.pk),
        )
    )
    assert changes["scope_units"].old == tran_bien.name
    assert changes["scope_units"].new == ", ".join(sorted([tran_bien.name, long_thanh.name]))
    assert changes["image"].kind == IMAGE
    assert (changes["image"].old, changes["image"].new) == (old_image, new_image)


@pytest.mark.django_db
def test_two_real_revisions_compare(demo):
    author = demo.users["ubnd.tranbien.tacgia"]
    request = make_request(
        demo.orgs[f"UBND-{TRAN_BIEN}"], scope_units=[demo.units[TRAN_BIEN]], user=author
    )
    first = workflow.save_draft(author, request).latest_revision
    request.title = "Tiêu đề mới"
    request.scope_units.set([demo.units[TRAN_BIEN], demo.units[LONG_THANH]])
    second = workflow.save_draft(author, request).latest_revision
    assert [c.field for c in changes_between(first.content, second.content)] == [
        "title",
        "scope_units",
    ]


def test_word_diff_marks_what_was_removed_and_added():
    old, new = word_diff("một hai ba", "một bốn ba")
    assert old == (Segment("equal", "một "), Segment("delete", "hai"), Segment("equal", " ba"))
    assert new == (Segment("equal", "một "), Segment("insert", "bốn"), Segment("equal", " ba"))


def test_changed_words_separated_by_spaces_read_as_one_change():
    old, new = word_diff("Ủy ban nhân dân xã", "Ảnh của Công an xã")
    assert old == (Segment("delete", "Ủy ban nhân dân"), Segment("equal", " xã"))
    assert new == (Segment("insert", "Ảnh của Công an"), Segment("equal", " xã"))


def test_html_to_text_keeps_one_line_per_block():
    assert html_to_text("<h2>A &amp; B</h2><ul><li>một</li><li>hai</li></ul><p>x<br/>y</p>") == (
        "A & B\nmột\nhai\nx\ny"
    )


def test_the_keys_draftail_gives_blocks_are_not_a_change():
    saved_by_draftail = (
        '<p data-block-key="x1y2z">Thời gian gần đây xuất hiện nhiều thủ đoạn lừa đảo.</p>'
    )
    assert changes_between(BASE, changed(body=saved_by_draftail)) == []
