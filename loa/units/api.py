from __future__ import annotations

from typing import Literal

import json

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from .cache import CACHE_SECONDS, cache_key
from .models import NATIONAL_CODE, AdminUnit, Level

router = Router(tags=["units"])


class UnitOut(Schema):
    code: str
    name: str
    level: str
    kind: str
    parent: str | None


class UnitFilter(Schema):
    level: Literal["province", "district", "commune"] | None = None
    # Official codes are short runs of digits (and "VN"); anything else cannot name a unit.
    parent: str | None = Field(None, pattern=r"^[0-9A-Za-z]{1,10}$")


@router.get("", response=list[UnitOut])
def list_units(request: HttpRequest, filters: Query[UnitFilter]):
    """Administrative units, for the app's and the forms' pickers.

    `parent` takes a province (or district) code and lists what lies inside it. Answers are
    cached: the list changes only when units are loaded or edited (see `loa.units.cache`).
    """
    key = cache_key("api", filters.level or "", filters.parent or "")
    body = cache.get(key)
    if body is None:
        body = json.dumps(_unit_rows(filters), ensure_ascii=False).encode()
        cache.set(key, body, CACHE_SECONDS)
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


def _unit_rows(filters: UnitFilter) -> list[dict]:
    units = AdminUnit.objects.exclude(level=Level.NATIONAL)
    if filters.level:
        units = units.filter(level=filters.level)
    if filters.parent:
        parent = AdminUnit.objects.filter(code=filters.parent).first()
        if parent is None:
            raise ValidationError(
                [
                    {
                        "loc": ["query", "parent"],
                        "type": "value_error",
                        "ctx": {
                            "error": _("No administrative unit has the code %(code)s.")
                            % {"code": filters.parent}
                        },
                    }
                ]
            )
        units = units.within(parent).exclude(pk=parent.pk)
    return [
        {
            "code": code,
            "name": name,
            "level": level,
            "kind": kind,
            "parent": parent_code if parent_code != NATIONAL_CODE else None,
        }
        for code, name, level, kind, parent_code in units.order_by("code").values_list(
            "code", "name", "level", "kind", "parent__code"
        )
    ]
