"""Citizens' comments: what status a new comment gets, the block list, and the rate limit.

A comment is stored exactly as written (stripped of surrounding space); any HTML in it is text,
and the API escapes it on output. A comment containing a blocked word is held for a moderator
whatever the bulletin's setting; otherwise it appears at once unless the bulletin's comments wait
for approval. Moderators' decisions are in `loa.citizens.moderation`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.core.cache import cache
from django.utils import timezone

from loa.bulletins.models import PublicationRequest

from .counters import touch_interactions
from .models import BlockedWord, Comment, CommentStatus, age_band
from .tokens import VerifiedCitizen

COMMENTS_PER_MINUTE = 5


def fold(text: str) -> str:
    """Lower case without diacritics, so that "Lừa Đảo", "lua dao" and "LỪA ĐẢO" compare equal.

    Vietnamese đ is a letter of its own, not d with a mark, so NFD leaves it: it is mapped by hand.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def blocked_pattern(words: Iterable[str]) -> re.Pattern | None:
    """One pattern matching any of `words` as whole words, on folded text; None for no words."""
    alternatives = sorted(
        {r"\s+".join(map(re.escape, fold(word).split())) for word in words if word.strip()},
        key=len,
        reverse=True,
    )
    if not alternatives:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")


def contains_blocked_word(text: str, words: Iterable[str]) -> bool:
    pattern = blocked_pattern(words)
    return pattern is not None and pattern.search(fold(text)) is not None


def initial_status(request: PublicationRequest, body: str) -> str:
    """The status a new comment starts in."""
    if contains_blocked_word(body, BlockedWord.objects.values_list("word", flat=True)):
        return CommentStatus.HELD
    if request.comments_need_approval:
        return CommentStatus.PENDING
    return CommentStatus.PUBLISHED


def allow_comment(citizen: VerifiedCitizen) -> bool:
    """Whether the citizen may comment now: at most `COMMENTS_PER_MINUTE` in a clock minute."""
    minute = timezone.now().strftime("%Y%m%d%H%M")
    key = f"loa:citizens:comment-rate:{citizen.pseudonym}:{minute}"
    cache.add(key, 0, timeout=60)
    try:
        return cache.incr(key) <= COMMENTS_PER_MINUTE
    except ValueError:  # expired between add and incr: a new minute has begun
        return True


def submit_comment(citizen: VerifiedCitizen, request: PublicationRequest, body: str) -> Comment:
    """Store a citizen's comment on a bulletin they may see."""
    home = citizen.communes[0] if citizen.communes else None
    comment = Comment.objects.create(
        request=request,
        citizen=citizen.pseudonym,
        body=body.strip(),
        status=initial_status(request, body),
        commune=home,
        age_band=age_band(citizen.age_on(timezone.localdate())),
        gender=citizen.gender,
    )
    if comment.status == CommentStatus.PUBLISHED:
        touch_interactions(request.pk)
    return comment
