from django.utils.translation import gettext_lazy as _
from wagtail import hooks

AUDIT_ACTIONS = {
    "loa.question.create": (_("Create question"), _("Question created")),
    "loa.question.change": (_("Change question"), _("Question changed")),
    "loa.question.delete": (_("Delete question"), _("Question deleted")),
    "loa.question.publish": (_("Publish answer"), _("Answer published")),
    "loa.question.hide": (_("Hide question"), _("Question hidden")),
}


@hooks.register("register_log_actions")
def register_question_actions(actions) -> None:
    for action, (label, message) in AUDIT_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("register_admin_viewset")
def register_questions_viewset():
    from .views import VIEWSET, QuestionViewSet  # the admin's URLconf is being built

    return QuestionViewSet(VIEWSET)
