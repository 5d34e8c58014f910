from django.utils.translation import gettext_lazy as _
from wagtail import hooks

AUDIT_ACTIONS = {
    "loa.schedule.create": (_("Create work schedule"), _("Work schedule created")),
    "loa.schedule.change": (_("Change work schedule"), _("Work schedule changed")),
    "loa.schedule.delete": (_("Delete work schedule"), _("Work schedule deleted")),
    "loa.schedule.publish": (_("Publish work schedule"), _("Work schedule published")),
    "loa.schedule.unpublish": (_("Unpublish work schedule"), _("Work schedule unpublished")),
}


@hooks.register("register_log_actions")
def register_schedule_actions(actions) -> None:
    for action, (label, message) in AUDIT_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("register_admin_viewset")
def register_schedules_viewset():
    from .views import VIEWSET, WeeklyScheduleViewSet  # the admin's URLconf is being built

    return WeeklyScheduleViewSet(VIEWSET)
