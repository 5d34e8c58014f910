"""The portal in the Wagtail admin: site provisioning, standard sections, chooser isolation."""

from __future__ import annotations

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .isolation import check_chooser_parent, restrict_pages
from .models import StandardSection
from .views import create_site_view


class StandardSectionViewSet(ModelViewSet):
    """The province's list of standard sections; only superusers hold its model permissions."""

    model = StandardSection
    icon = "list-ul"
    menu_label = _("Standard sections")
    add_to_settings_menu = True
    list_display = [
        "title",
        "slug",
        "page_kind",
        "kinds_display",
        BooleanColumn("show_in_menus", label=_("In the main menu")),
    ]
    search_fields = ["title", "slug", "required_by"]
    sort_order_field = "sort_order"
    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_standard_sections():
    return StandardSectionViewSet("standard_sections")


@hooks.register("register_admin_urls")
def register_create_site_url():
    return [path("portal/sites/new/", create_site_view, name="portal_create_site")]


@hooks.register("register_settings_menu_item")
def register_create_site_menu_item():
    return AdminOnlyMenuItem(
        _("Create member site"), reverse_lazy("portal_create_site"), icon_name="site", order=150
    )


@hooks.register("construct_page_chooser_queryset")
def only_own_sites_in_page_chooser(pages, request):
    check_chooser_parent(request)
    return restrict_pages(pages, request.user)


@hooks.register("register_log_actions")
def register_portal_actions(actions) -> None:
    actions.register_action(
        "loa.portal.provision", _("Provision member site"), _("Member site provisioned")
    )
