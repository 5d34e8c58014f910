from .pages import WorkSchedulePage  # noqa: F401
