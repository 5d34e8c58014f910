from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "loa.questions"
    label = "questions"
    verbose_name = _("Questions and answers")

    def ready(self) -> None:
        from loa.search.registry import register

        from .search import QuestionProvider

        register(QuestionProvider())
