from .pages import LegalDocumentIndexPage  # noqa: F401
