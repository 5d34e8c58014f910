"""One way to write the audit log: who, when, what, and from where.

Entries go into Wagtail's own log (`wagtail.log_actions`), so the admin's "Site history" report
lists them beside page and snippet changes, filterable by user, action and date. Wagtail's entry has
no field for the client's address; it goes into the entry's data, with the user agent.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from wagtail.log_actions import log

from .middleware import client_address, current_request


def record(instance: models.Model, action: str, *, actor=None, **data: Any):
    """Log `action` on `instance` by `actor` (default: the user of the current request)."""
    request = current_request.get()
    if request is not None:
        data.setdefault("ip", client_address(request))
        data.setdefault("user_agent", request.META.get("HTTP_USER_AGENT", "")[:200])
        if actor is None and getattr(request, "user", None) and request.user.is_authenticated:
            actor = request.user
    return log(instance, action, user=actor, data=data)
