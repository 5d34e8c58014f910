from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "loa.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the receivers)
        from .caching import connect_signals
        from .isolation import narrow_admin_filters

        narrow_admin_filters()
        connect_signals()
