"""Put the channel's reach screens into the Wagtail admin: URLs, menu items and model viewsets.

The menu items stand on their own (not inside the "Loa channel" submenu), each shown only to those
its screen would let in, so nobody is offered a link to a 404.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from loa.admin_menu import ShownToMenuItem

# The views are imported when first needed, as the channel's own hooks do: the admin's URLconf
# is being built while this module loads.


def _reads_reach(user) -> bool:
    from .reach import reads_reach

    return reads_reach(user)


def _follows_quotas(user) -> bool:
    from .views import follows_quotas

    return follows_quotas(user)


@hooks.register("register_admin_urls")
def register_reach_urls() -> list:
    from . import urls

    return [path("loa-reach/", include((urls, "loa_citizens"), namespace="loa_citizens"))]


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item() -> MenuItem:
    return ShownToMenuItem(
        _("Channel dashboard"),
        reverse("loa_citizens:index"),
        name="loa-reach",
        icon_name="view",
        order=252,
        shown_to=_reads_reach,
    )


@hooks.register("register_admin_menu_item")
def register_quota_menu_item() -> MenuItem:
    return ShownToMenuItem(
        _("Monthly quotas"),
        reverse("loa_citizens:quota"),
        name="loa-quotas",
        icon_name="calendar-check",
        order=255,
        shown_to=_follows_quotas,
    )


@hooks.register("register_admin_viewset")
def register_blocked_words_viewset():
    from .views import BLOCKED_WORDS_VIEWSET, BlockedWordViewSet

    return BlockedWordViewSet(BLOCKED_WORDS_VIEWSET)


@hooks.register("register_admin_viewset")
def register_quotas_viewset():
    from .views import QUOTAS_VIEWSET, MonthlyQuotaViewSet

    return MonthlyQuotaViewSet(QUOTAS_VIEWSET)
