"""Legal documents in the Wagtail admin: the site-narrowed screens and the audit log's actions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .views import LegalGroup, SubjectAreaViewSet


@hooks.register("register_admin_viewset")
def register_legal_viewsets():
    return LegalGroup()


@hooks.register("register_admin_viewset")
def register_subject_areas():
    return SubjectAreaViewSet("legal_subject_areas")


@hooks.register("register_log_actions")
def register_legal_actions(actions) -> None:
    actions.register_action(
        "loa.legal.comment.receive",
        _("Receive comment on a draft"),
        _("Comment on a draft received"),
    )
