"""Questions: folded search text, publishing only with an answer."""

import pytest

from .builders import make_question

pytestmark = pytest.mark.django_db


def test_search_finds_words_typed_without_diacritics(site_a):
    question = make_question(site_a.member, "Đăng ký hộ tịch", field="Hộ tịch", answer="<p>Nộp tại <b>phường</b>.</p>")
    make_question(site_a.member, "Tách thửa đất", content="Diện tích tối thiểu để tách thửa ở phường là bao nhiêu?")
    assert list(question.__class__.objects.matching("DANG KY ho tich")) == [question]
    assert list(question.__class__.objects.matching("nop tai phuong")) == [question]
    assert question.__class__.objects.matching("phuong").count() == 2
    assert "<b>" not in question.search_text


def test_a_question_is_published_only_with_its_answer(site_a):
    question = make_question(site_a.member, answer="<p> </p>", published=False)
    with pytest.raises(ValueError):
        question.publish(None)
    question.answer = "<p>Đã có câu trả lời.</p>"
    question.save()
    question.publish(None)
    question.refresh_from_db()
    assert question.is_published and question.answered_at is not None
    question.hide("Trùng lặp")
    question.refresh_from_db()
    assert not question.is_published and question.hidden_reason == "Trùng lặp"
