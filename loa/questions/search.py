"""Published questions and answers in the portal's search, found on their site's Q&A page.

Only a question published with its answer is found. Who asked (name, e-mail, phone, address) is
personal data the site never shows, so none of it is given to the index: only what the question's
public page shows is.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from loa.search.pages import section_path
from loa.search.registry import Kind, SearchDocument

from .models import Question
from .pages import QuestionIndexPage


class QuestionProvider:
    model = Question
    kind = Kind("question", _("Questions and answers"))
    section = QuestionIndexPage

    def public(self) -> QuerySet[Question]:
        return Question.objects.published().select_related("site__site__root_page")

    def document(self, record: Question) -> SearchDocument | None:
        if not (record.is_published and record.has_answer):
            return None
        path = section_path(self.section, record.site.site)
        if path is None:
            return None
        return SearchDocument(
            site_id=record.site.site_id,
            kind=self.kind.code,
            path=f"{path}{record.pk}/",
            title=record.title,
            published_at=record.answered_at or record.submitted_at,
            summary=record.content,
            text=" ".join([record.field, record.answer_text, record.answerer]),
        )
