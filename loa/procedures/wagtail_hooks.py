from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .views import ProcedureGroup

AUDIT_ACTIONS = {
    "loa.procedure.import": (
        _("Import administrative procedure"), _("Administrative procedure imported")
    ),
    "loa.procedure.create": (
        _("Create administrative procedure"), _("Administrative procedure created")
    ),
    "loa.procedure.change": (
        _("Change administrative procedure"), _("Administrative procedure changed")
    ),
    "loa.procedure.delete": (
        _("Delete administrative procedure"), _("Administrative procedure deleted")
    ),
}


@hooks.register("register_admin_viewset")
def register_procedure_group():
    return ProcedureGroup()


@hooks.register("register_log_actions")
def register_procedure_actions(actions) -> None:
    for action, (label, message) in AUDIT_ACTIONS.items():
        actions.register_action(action, label, message)
