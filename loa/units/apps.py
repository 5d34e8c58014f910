from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "loa.units"
    label = "units"
    verbose_name = _("Administrative units")

    def ready(self) -> None:
        from . import cache  # noqa: F401  (connects the invalidation receivers)
