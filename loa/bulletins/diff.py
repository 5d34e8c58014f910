"""What changed between two submissions of a request: the appraiser's view of a resubmission.

Each round keeps the revision that was submitted (`Round.revision.content`, the request's
serialized cluster). After a refusal the agency revises and resubmits (seed 000, step 3); the
appraiser of round N wants to see, field by field, what differs from round N-1 rather than read
the whole bulletin again. `changes_between` compares two such contents and says it in display
values: text with word-level insertions and deletions, rich text compared as its words (markup
stripped), images and areas as the objects they name.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from loa.units.models import AdminUnit

from .models import Gender, PublicationRequest, ScopeLevel

# Kinds of change, which the template shows differently.
TEXT = "text"  # short text: old and new side by side, words marked
LONG_TEXT = "long_text"  # paragraphs: old and new, words marked, line breaks kept
IMAGE = "image"  # old and new Wagtail images (None when there was none)
VALUE = "value"  # anything else, as display strings


@dataclass(frozen=True)
class Segment:
    """A run of words of a text diff: kept ("equal"), removed ("delete") or added ("insert")."""

    op: str
    text: str


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    old: Any
    new: Any
    kind: str = VALUE
    # For text kinds: the old text with deletions marked, and the new one with insertions.
    old_segments: tuple[Segment, ...] = ()
    new_segments: tuple[Segment, ...] = ()
    # Rich text whose words are the same but whose markup (headings, links, lists) changed.
    formatting_only: bool = False


def _label(name: str) -> str:
    return str(PublicationRequest._meta.get_field(name).verbose_name)


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def word_diff(old: str, new: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """The old text with its deleted words marked, and the new one with its inserted words."""
    a, b = _TOKEN.findall(old or ""), _TOKEN.findall(new or "")
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    old_parts: list[Segment] = []
    new_parts: list[Segment] = []

    def add(parts: list[Segment], op: str, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if parts and parts[-1].op == op:
            parts[-1] = Segment(op, parts[-1].text + text)
        else:
            parts.append(Segment(op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add(old_parts, "equal", a[i1:i2])
            add(new_parts, "equal", b[j1:j2])
        else:
            add(old_parts, "delete", a[i1:i2])
            add(new_parts, "insert", b[j1:j2])
    return _bridged(old_parts), _bridged(new_parts)


def _bridged(parts: list[Segment]) -> tuple[Segment, ...]:
    """Changed words separated only by a space read as one change, not as several."""
    merged: list[Segment] = []
    for part in parts:
        if (
            len(merged) >= 2
            and part.op != "equal"
            and merged[-1].op == "equal"
            and merged[-1].text.isspace()
            and merged[-2].op == part.op
        ):
            gap = merged.pop()
            merged[-1] = Segment(part.op, merged[-1].text + gap.text + part.text)
        else:
            merged.append(part)
    return tuple(merged)


_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|div)\s*>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)


def html_to_text(value: str) -> str:
    """The words of a rich-text body, one line per paragraph, heading or list item."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", value or "")))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# Draftail gives every block a random key on each save; it is not a change of the text or its form.
_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def _markup(value: str) -> str:
    return _BLOCK_KEY.sub("", value or "")


def _text(value: Any) -> str:
    return " ".join(str(value or "").split()) if value is not None else ""


def _multiline(value: Any) -> str:
    lines = (" ".join(line.split()) for line in str(value or "").replace("\r", "").split("\n"))
    return "\n".join(line for line in lines if line)


def _datetime(value: Any) -> str:
    moment = parse_datetime(value) if isinstance(value, str) else value
    if moment is None:
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date_format(moment, "SHORT_DATETIME_FORMAT")


def _date(value: Any) -> str:
    day = parse_date(value) if isinstance(value, str) else value
    return date_format(day, "SHORT_DATE_FORMAT") if day else ""


def _genders(value: Any) -> str:
    chosen = list(value or [])
    if not chosen:
        return _("Everyone")
    labels = dict(Gender.choices)
    return ", ".join(str(labels.get(code, code)) for code in chosen)


def _scope_level(value: Any) -> str:
    return str(dict(ScopeLevel.choices).get(value, value or ""))


def _yes_no(value: Any) -> str:
    return _("Yes") if value else _("No")


def _attachments(value: Any) -> list[tuple[str, str]]:
    """(name, stored file) of each attachment: a file replaced under the same name is a change."""
    return sorted(
        (str(item.get("name") or item.get("file") or ""), str(item.get("file") or ""))
        for item in value or []
    )


# (field, kind, how to show a value); compared in this order, which is the form's order.
_TEXT_FIELDS: list[tuple[str, str, Callable[[Any], str]]] = [
    ("title", TEXT, _text),
    ("summary", LONG_TEXT, _multiline),
]
_AFTER_IMAGE: list[tuple[str, str, Callable[[Any], str]]] = [
    ("image_alt", TEXT, _text),
    ("author_name", TEXT, _text),
    ("source", TEXT, _text),
    ("age_min", VALUE, lambda v: "" if v is None else str(v)),
    ("age_max", VALUE, lambda v: "" if v is None else str(v)),
    ("genders", VALUE, _genders),
    ("scope_level", VALUE, _scope_level),
]
_AFTER_UNITS: list[tuple[str, str, Callable[[Any], str]]] = [
    ("national_justification", LONG_TEXT, _multiline),
    ("starts_at", VALUE, _datetime),
    ("ends_at", VALUE, _datetime),
    ("notes", LONG_TEXT, _multiline),
    ("letter_number", TEXT, _text),
    ("letter_date", VALUE, _date),
    ("letter_signer", TEXT, _text),
    ("comments_need_approval", VALUE, _yes_no),
]


def _compare(
    name: str, kind: str, show: Callable[[Any], str], old: Mapping, new: Mapping
) -> Change | None:
    before, after = show(old.get(name)), show(new.get(name))
    if before == after:
        return None
    if kind in (TEXT, LONG_TEXT):
        old_segments, new_segments = word_diff(before, after)
        return Change(name, _label(name), before, after, kind, old_segments, new_segments)
    return Change(name, _label(name), before, after, kind)


def _unit_names(ids: Iterable[int]) -> dict[int, str]:
    wanted = {pk for pk in ids if pk is not None}
    if not wanted:
        return {}
    return dict(AdminUnit.objects.filter(pk__in=wanted).values_list("pk", "name"))


def _images(ids: Iterable[int | None]) -> dict[int, Any]:
    from wagtail.images import get_image_model

    wanted = {pk for pk in ids if pk is not None}
    return get_image_model().objects.in_bulk(wanted) if wanted else {}


def changes_between(old_content: Mapping[str, Any], new_content: Mapping[str, Any]) -> list[Change]:
    """What differs from one submitted revision of a request to the next, field by field.

    Both arguments are `Revision.content` dicts of a `PublicationRequest`. Areas and images are
    looked up (one query each, and only when they changed) so that the answer names them.
    """
    old, new = old_content or {}, new_content or {}
    changes: list[Change] = []

    def add(change: Change | None) -> None:
        if change is not None:
            changes.append(change)

    for name, kind, show in _TEXT_FIELDS:
        add(_compare(name, kind, show, old, new))

    old_body, new_body = old.get("body") or "", new.get("body") or ""
    if _markup(old_body) != _markup(new_body):
        before, after = html_to_text(old_body), html_to_text(new_body)
        old_segments, new_segments = word_diff(before, after)
        changes.append(
            Change(
                "body",
                _label("body"),
                before,
                after,
                LONG_TEXT,
                old_segments,
                new_segments,
                formatting_only=before == after,
            )
        )

    if old.get("image") != new.get("image"):
        images = _images([old.get("image"), new.get("image")])
        changes.append(
            Change(
                "image",
                _label("image"),
                images.get(old.get("image")),
                images.get(new.get("image")),
                IMAGE,
            )
        )

    for name, kind, show in _AFTER_IMAGE:
        add(_compare(name, kind, show, old, new))

    old_units, new_units = list(old.get("scope_units") or []), list(new.get("scope_units") or [])
    if set(old_units) != set(new_units):
        names = _unit_names([*old_units, *new_units])

        def listed(ids: list[int]) -> str:
            return ", ".join(sorted(names.get(pk, f"#{pk}") for pk in ids)) or "—"

        changes.append(
            Change("scope_units", _label("scope_units"), listed(old_units), listed(new_units))
        )

    for name, kind, show in _AFTER_UNITS:
        add(_compare(name, kind, show, old, new))

    old_files, new_files = (
        _attachments(old.get("attachments")),
        _attachments(new.get("attachments")),
    )
    if old_files != new_files:
        changes.append(
            Change(
                "attachments",
                _("Attachments"),
                ", ".join(n for n, _f in old_files) or "—",
                ", ".join(n for n, _f in new_files) or "—",
            )
        )
    return changes
