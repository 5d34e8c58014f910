from .pages import ProcedureIndexPage  # noqa: F401
