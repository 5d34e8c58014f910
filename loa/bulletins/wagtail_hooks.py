"""Put the Loa channel into the Wagtail admin: its URLs and its menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from loa.admin_menu import ShownToMenuItem

from .models import ChannelPolicy, RoutingRule

# The views and URLs are imported when first needed: building the request form scans Wagtail's
# hooks (for the rich-text features), which imports this module while the views are loading.


def _in_channel(user) -> bool:
    from .views import in_channel

    return in_channel(user)


def _is_author(user) -> bool:
    from .views import is_author

    return is_author(user)


def _is_police(user) -> bool:
    from .views import is_police

    return is_police(user)


@hooks.register("register_admin_urls")
def register_channel_urls() -> list:
    from . import urls

    return [path("loa/", include((urls, "loa_bulletins"), namespace="loa_bulletins"))]


@hooks.register("register_admin_menu_item")
def register_channel_menu() -> MenuItem:
    menu = Menu(
        items=[
            ShownToMenuItem(
                _("Publication requests"),
                reverse("loa_bulletins:index"),
                name="loa-requests",
                icon_name="list-ul",
                order=100,
                shown_to=_in_channel,
            ),
            ShownToMenuItem(
                _("New request"),
                reverse("loa_bulletins:create"),
                name="loa-new-request",
                icon_name="plus",
                order=200,
                shown_to=_is_author,
            ),
            ShownToMenuItem(
                _("Appraisal queue"),
                reverse("loa_bulletins:queue"),
                name="loa-queue",
                icon_name="time",
                order=300,
                shown_to=_is_police,
            ),
        ]
    )
    return SubmenuMenuItem(_("Loa channel"), menu, name="loa-channel", icon_name="mail", order=250)


# The channel's rules kept as data: a province's appraisal deadline and its routing table.
# Superusers only (Django's model permissions), since they change who appraises what.


class ChannelPolicyViewSet(ModelViewSet):
    model = ChannelPolicy
    icon = "time"
    menu_label = _("Appraisal deadlines")
    add_to_settings_menu = True
    list_display = ["province", "appraisal_working_days", "reminder_working_days"]
    form_fields = ["province", "appraisal_working_days", "reminder_working_days"]
    copy_view_enabled = False


class RoutingRuleViewSet(ModelViewSet):
    model = RoutingRule
    icon = "redirect"
    menu_label = _("Routing rules")
    add_to_settings_menu = True
    list_display = ["name", "province", "priority", "handler", "ministry_approval"]
    list_filter = ["handler", "ministry_approval"]
    form_fields = [
        "province",
        "priority",
        "name",
        "sender_levels",
        "sender_kinds",
        "scope_levels",
        "handler",
        "ministry_approval",
    ]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_channel_settings() -> list:
    return [ChannelPolicyViewSet("loa_channel_policies"), RoutingRuleViewSet("loa_routing_rules")]
