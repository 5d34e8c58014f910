"""Put delegated account administration into the Wagtail admin: its URLs and its menu item."""

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .views import administers_accounts


class StaffAccountsMenuItem(MenuItem):
    """Shown only to those the screens would let in, so nobody is offered a link to a 404."""

    def is_shown(self, request: HttpRequest) -> bool:
        # Asked on every admin page: one query, remembered for the rest of the request.
        return administers_accounts(request.user)


@hooks.register("register_admin_urls")
def register_account_urls() -> list:
    return [path("accounts/", include((urls, "loa_accounts"), namespace="loa_accounts"))]


@hooks.register("register_admin_menu_item")
def register_staff_accounts_menu_item() -> MenuItem:
    return StaffAccountsMenuItem(
        _("Staff accounts"),
        reverse("loa_accounts:index"),
        name="staff-accounts",
        icon_name="group",
        order=310,
    )
