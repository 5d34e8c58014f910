from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingConfig(AppConfig):
    name = "loa.reading"
    label = "reading"
    verbose_name = _("Reading")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the receivers)
