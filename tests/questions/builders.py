"""Questions built for tests."""

from __future__ import annotations

from loa.questions.models import Question


def make_question(member, title: str = "Hỏi về đăng ký khai sinh", answer: str = "<p>Trả lời chi tiết.</p>",
                  published: bool = True, **fields) -> Question:
    question = Question.objects.create(
        site=member,
        title=title,
        asker_name=fields.pop("asker_name", "Nguyễn Văn Bí Mật"),
        email=fields.pop("email", "bimat@example.vn"),
        phone=fields.pop("phone", "0909 123 456"),
        address=fields.pop("address", "12 đường Số Riêng"),
        content=fields.pop("content", "Xin hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì?"),
        answer=answer,
        **fields,
    )
    if published:
        question.publish(None)
    return question
