from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "loa.legal"
    label = "legal"
    verbose_name = _("Legal documents")

    def ready(self) -> None:
        from loa.search.registry import register

        from .search import ConsultationProvider, LegalDocumentProvider

        register(LegalDocumentProvider())
        register(ConsultationProvider())
