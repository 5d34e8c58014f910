from .pages import QuestionIndexPage  # noqa: F401
