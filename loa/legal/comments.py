"""Receiving the public's comments on drafts: open window, rate limit, audit.

Comments go to the drafting site's editors only. Anyone can send one without an account, so each
address may send a few per quarter of an hour (counted in the cache, which every app server
shares when Redis is configured), and robots that fill the hidden field are turned away silently.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from loa.audit.log import record
from loa.audit.middleware import client_address

from .models import Consultation, ConsultationComment

COMMENTS_PER_WINDOW = 5
WINDOW_SECONDS = 15 * 60


def _key(request: HttpRequest) -> str:
    return f"loa.legal.comments:{client_address(request)}"


def may_comment(request: HttpRequest) -> bool:
    """Whether the client's address has sent fewer than `COMMENTS_PER_WINDOW` comments lately."""
    return cache.get(_key(request), 0) < COMMENTS_PER_WINDOW


def count_comment(request: HttpRequest) -> None:
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1, WINDOW_SECONDS)


def receive_comment(
    consultation: Consultation, comment: ConsultationComment, request: HttpRequest
) -> bool:
    """Store `comment` on `consultation` if the draft is still open; audit-log it. False when closed."""
    if not consultation.is_open(timezone.now()):
        return False
    comment.consultation = consultation
    comment.save()
    count_comment(request)
    record(comment, "loa.legal.comment.receive", consultation=consultation.pk)
    return True
