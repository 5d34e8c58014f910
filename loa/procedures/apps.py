from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "loa.procedures"
    label = "procedures"
    verbose_name = _("Administrative procedures")

    def ready(self) -> None:
        from loa.search.registry import register

        from .search import ProcedureProvider

        register(ProcedureProvider())
