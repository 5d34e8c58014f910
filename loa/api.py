"""The JSON API at /api/v1: OpenAPI 3.1 at /api/v1/openapi.json, docs at /api/v1/docs."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema, Status
from ninja.errors import HttpError, ValidationError

from loa.citizens.api import router as citizens_router
from loa.units.api import router as units_router

api = NinjaAPI(
    title="Loa API",
    version="1",
    description="Administrative units and the citizen API of the Loa channel.",
    urls_namespace="api",
)


def field_message(error: dict) -> str:
    """A Vietnamese message for one pydantic error, by its type."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind in {"int_parsing", "int_type"}:
        return _("Enter a whole number.")
    if kind in {"enum", "literal_error"}:
        return _("Choose one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind == "string_too_long":
        return _("At most %(n)s characters.") % {"n": ctx.get("max_length")}
    if kind == "string_too_short":
        return _("At least %(n)s characters.") % {"n": ctx.get("min_length")}
    if kind in {"greater_than_equal", "greater_than"}:
        return _("Must be at least %(n)s.") % {"n": ctx.get("ge", ctx.get("gt"))}
    if kind in {"less_than_equal", "less_than"}:
        return _("Must be at most %(n)s.") % {"n": ctx.get("le", ctx.get("lt"))}
    if kind == "string_pattern_mismatch":
        return _("This is not a valid code.")
    if kind == "json_invalid":
        return _("The request body is not valid JSON.")
    if kind == "value_error" and ctx.get("error"):
        return str(ctx["error"])
    return _("Invalid value.")


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    detail = [
        {
            "loc": list(error.get("loc", [])),
            "field": str(error.get("loc", ["", ""])[-1]),
            "msg": field_message(error),
        }
        for error in exc.errors
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": exc.message}, status=exc.status_code)


class Health(Schema):
    status: str
    database: str


@api.get("/health", response={200: Health, 503: Health}, tags=["operations"])
def health(request: HttpRequest):
    """Ready when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready"; the reason goes to the log
        return Status(503, {"status": "error", "database": "unavailable"})
    return Status(200, {"status": "ok", "database": "ok"})


@api.get("/ping", tags=["operations"])
def ping(request: HttpRequest) -> dict:
    """A trivial endpoint: the baseline that benchmarks compare real endpoints against."""
    return {"pong": True}


api.add_router("/units", units_router)
api.add_router("", citizens_router)
