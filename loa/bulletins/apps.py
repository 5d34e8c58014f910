from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulletinsConfig(AppConfig):
    name = "loa.bulletins"
    label = "bulletins"
    verbose_name = _("Loa channel")

    def ready(self) -> None:
        from . import audience  # noqa: F401  (connects its receivers)
