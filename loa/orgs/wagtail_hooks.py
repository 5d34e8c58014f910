from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from loa.units.models import AdminUnit

from .import_views import import_organizations_view
from .models import Organization


class OrganizationIndexView(IndexView):
    # The listing shows each organization's unit and parent: fetch them in the same query.
    queryset = Organization.objects.select_related("unit", "parent")


class AdminUnitIndexView(IndexView):
    queryset = AdminUnit.objects.select_related("parent")


class OrganizationViewSet(ModelViewSet):
    model = Organization
    index_view_class = OrganizationIndexView
    icon = "site"
    menu_label = _("Organizations")
    list_display = ["name", "code", "kind", "unit", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "english_name", "code"]
    form_fields = [
        "code",
        "name",
        "short_name",
        "english_name",
        "kind",
        "unit",
        "parent",
        "email",
        "phone",
        "address",
        "is_active",
    ]
    inspect_view_enabled = True
    copy_view_enabled = False


class AdminUnitViewSet(ModelViewSet):
    model = AdminUnit
    index_view_class = AdminUnitIndexView
    icon = "globe"
    menu_label = _("Administrative units")
    list_display = ["name", "code", "kind", "level", "parent"]
    list_filter = ["level", "kind"]
    search_fields = ["name", "code", "codename"]
    form_fields = ["code", "name", "codename", "kind", "level", "parent"]
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False


class OrganizationGroup(ModelViewSetGroup):
    menu_label = _("Organizations")
    menu_icon = "site"
    menu_order = 300
    items = (OrganizationViewSet("organizations"), AdminUnitViewSet("units"))


@hooks.register("register_admin_viewset")
def register_organization_group():
    return OrganizationGroup()


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("organizations/import/", import_organizations_view, name="orgs_import")]


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return AdminOnlyMenuItem(
        _("Import organizations"), reverse_lazy("orgs_import"), icon_name="upload", order=900
    )
