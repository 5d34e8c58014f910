"""The citizen API: the contract the VNeID app codes against (DESIGN.md, "The citizen API").

Every call carries the citizen's identity token. A bulletin that is not live or not targeted at the
caller answers 404 exactly like one that does not exist, so the API never tells whether a bulletin
addressed to others exists.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Annotated

import nh3
from django.core.cache import cache
from django.db import connection
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer
from pydantic import StringConstraints, field_validator
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text import expand_db_html

from loa.bulletins.models import PublicationRequest
from loa.process_cache import ProcessCache

from .comments import allow_comment, submit_comment
from .counters import count_view, maybe_flush, touch_interactions
from .feed import (
    FEED_CACHE_SECONDS,
    Cursor,
    InvalidCursor,
    decode_cursor,
    encode_cursor,
    feed_page,
    visible_published_at,
)
from .models import (
    COMMENT_MAX_LENGTH,
    BulletinStats,
    BulletinView,
    Comment,
    CommentStatus,
    Reaction,
    ReactionKind,
    age_band,
)
from .tokens import InvalidIdentityToken, VerifiedCitizen, verify_token

IMAGE_SPEC = "fill-800x450"
# What a summary reads of a request and its relations (not the body, the letter, the notes...).
SUMMARY_FIELDS = ("title", "summary", "image", "image_alt", "sender__name")
BODY_CACHE_SECONDS = 3600
# What every reader gets of a bulletin, as `_shared_json` leaves it, kept by each process as built
# (feed summaries by bulletin; whole bulletins, weighed by their length in characters), without
# their counts. They are keyed by the bulletin's publication time, which changes each time it is
# approved again (a bulletin is not edited otherwise).
_summaries = ProcessCache(maxsize=20_000, seconds=FEED_CACHE_SECONDS)
_bulletins_shared = ProcessCache(maxsize=8_000_000, seconds=FEED_CACHE_SECONDS, sizeof=len)

# What a bulletin body may keep: Wagtail's rich-text features, nothing that runs or frames.
BODY_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "ul", "ol", "li", "a", "img", "hr",
    "blockquote", "figure", "figcaption",
}  # fmt: skip
BODY_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


class CitizenAuth(HttpBearer):
    """`Authorization: Bearer <identity token>`; every failure is a 401 that says why."""

    def __call__(self, request: HttpRequest) -> VerifiedCitizen:
        scheme, _space, token = request.headers.get(self.header, "").partition(" ")
        if scheme.lower() != self.openapi_scheme or not token.strip():
            raise AuthenticationError(
                message=_("Sign in with VNeID: the identity token is missing.")
            )
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> VerifiedCitizen:
        try:
            return verify_token(token)
        except InvalidIdentityToken as exc:
            raise AuthenticationError(message=str(exc)) from exc


router = Router(tags=["citizen"], auth=CitizenAuth())


# Schemas.


class ImageOut(Schema):
    url: str
    width: int
    height: int
    alt: str


class Counts(Schema):
    views: int
    reactions: int
    comments: int


class SharedSummary(Schema):
    """What every reader gets of a bulletin's summary."""

    id: int
    title: str
    summary: str
    image: ImageOut | None
    publisher: str
    published_at: datetime


class BulletinSummary(SharedSummary):
    counts: Counts
    my_reaction: ReactionKind | None


class AttachmentOut(Schema):
    url: str
    name: str
    size: int


class BulletinContent(Schema):
    body: str = Field(description="Sanitized HTML.")
    author_name: str
    source: str
    attachments: list[AttachmentOut]


class SharedBulletin(SharedSummary, BulletinContent):
    """What every reader gets of a bulletin in full."""


class BulletinOut(BulletinSummary, BulletinContent):
    """A bulletin in full, as its reader gets it."""


READER_MEMORY_SECONDS = 24 * 3600
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class FeedPage(Schema):
    items: list[BulletinSummary]
    next_cursor: str | None


class PageParams(Schema):
    limit: int = Field(20, ge=1, le=50)
    cursor: str | None = None


class ReactionIn(Schema):
    kind: ReactionKind


class ReactionOut(Schema):
    kind: ReactionKind


class CommentIn(Schema):
    body: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=COMMENT_MAX_LENGTH)
    ]

    @field_validator("body")
    @classmethod
    def printable(cls, value: str) -> str:
        # Control characters (NUL among them, which PostgreSQL cannot even store) are no text.
        if CONTROL_CHARACTERS.search(value):
            raise ValueError(_("The comment contains characters that are not text."))
        return value


class CommentOut(Schema):
    id: int
    body: str = Field(description="The comment as text, HTML-escaped.")
    created_at: datetime
    mine: bool


class CommentPage(Schema):
    items: list[CommentOut]
    next_cursor: str | None


class CommentCreated(Schema):
    id: int
    status: CommentStatus


class Detail(Schema):
    detail: str


# Endpoints.


@router.get("/feed", response={200: FeedPage, 401: Detail})
def feed(request: HttpRequest, page: Query[PageParams]):
    """Bulletins live now and targeted at the caller, newest first."""
    maybe_flush()
    citizen: VerifiedCitizen = request.auth
    rows, next_cursor = feed_page(citizen, page.limit, _cursor(page.cursor))
    summaries = _shared_summaries(request, rows)
    ids = [pk for pk, _published_at in rows if pk in summaries]
    own = _counts_and_my_reactions(citizen, ids)
    items = ", ".join(_completed(summaries[pk], *own[pk]) for pk in ids if pk in own)
    return _json_response(f'{{"items": [{items}], "next_cursor": {json.dumps(next_cursor)}}}')


@router.get("/bulletins/{bulletin_id}", response={200: BulletinOut, 401: Detail, 404: Detail})
def bulletin(request: HttpRequest, bulletin_id: int):
    """The bulletin in full; reading it counts a view."""
    citizen: VerifiedCitizen = request.auth
    published_at = _visible(citizen, bulletin_id)
    _count_reader(citizen, bulletin_id)
    # Every reader gets the same bulletin but for the counts and `my_reaction`: build the rest once
    # a while per host.
    key = (bulletin_id, published_at, request.get_host())
    shared = _bulletins_shared.get(key)
    if shared is None:
        item = _bulletins().prefetch_related("attachments").filter(pk=bulletin_id).first()
        if item is None:  # deleted since this process read its area's list
            raise HttpError(404, _("No such bulletin."))
        shared = _shared_json(
            SharedBulletin(
                **_summary(request, item, published_at),
                body=body_html(request, item),
                author_name=item.author_name,
                source=item.source,
                attachments=[
                    {
                        "url": request.build_absolute_uri(attachment.file.url),
                        "name": attachment.name,
                        "size": attachment.size,
                    }
                    for attachment in item.attachments.all()
                ],
            ).model_dump(mode="json")
        )
        _bulletins_shared.set(key, shared)
    own = _counts_and_my_reactions(citizen, [bulletin_id])
    if bulletin_id not in own:  # deleted a moment ago
        raise HttpError(404, _("No such bulletin."))
    return _json_response(_completed(shared, *own[bulletin_id]))


@router.put(
    "/bulletins/{bulletin_id}/reaction", response={200: ReactionOut, 401: Detail, 404: Detail}
)
def react(request: HttpRequest, bulletin_id: int, payload: ReactionIn):
    """Set the caller's one reaction to a bulletin, replacing any earlier one."""
    citizen: VerifiedCitizen = request.auth
    _visible(citizen, bulletin_id)
    Reaction.objects.bulk_create(
        [Reaction(request_id=bulletin_id, citizen=citizen.pseudonym, kind=payload.kind)],
        update_conflicts=True,
        unique_fields=["request", "citizen"],
        update_fields=["kind"],
    )
    touch_interactions(bulletin_id)
    return {"kind": payload.kind}


@router.delete("/bulletins/{bulletin_id}/reaction", response={204: None, 401: Detail, 404: Detail})
def unreact(request: HttpRequest, bulletin_id: int):
    """Remove the caller's reaction, if any."""
    citizen: VerifiedCitizen = request.auth
    _visible(citizen, bulletin_id)
    Reaction.objects.filter(request_id=bulletin_id, citizen=citizen.pseudonym).delete()
    touch_interactions(bulletin_id)
    return Status(204, None)


@router.get(
    "/bulletins/{bulletin_id}/comments", response={200: CommentPage, 401: Detail, 404: Detail}
)
def comments(request: HttpRequest, bulletin_id: int, page: Query[PageParams]):
    """Published comments, newest first."""
    citizen: VerifiedCitizen = request.auth
    _visible(citizen, bulletin_id)
    listing = Comment.objects.filter(request_id=bulletin_id, status=CommentStatus.PUBLISHED)
    cursor = _cursor(page.cursor)
    if cursor is not None:
        moment, pk = cursor
        listing = listing.filter(Q(created_at__lt=moment) | Q(created_at=moment, pk__lt=pk))
    rows = list(
        listing.order_by("-created_at", "-pk").only("pk", "body", "created_at", "citizen")[
            : page.limit + 1
        ]
    )
    items = rows[: page.limit]
    next_cursor = None
    if len(rows) > page.limit:
        next_cursor = encode_cursor(items[-1].created_at, items[-1].pk)
    return {
        "items": [
            {
                "id": comment.pk,
                "body": escape(comment.body),
                "created_at": comment.created_at,
                "mine": comment.citizen == citizen.pseudonym,
            }
            for comment in items
        ],
        "next_cursor": next_cursor,
    }


@router.post(
    "/bulletins/{bulletin_id}/comments",
    response={201: CommentCreated, 401: Detail, 404: Detail, 429: Detail},
)
def comment(request: HttpRequest, bulletin_id: int, payload: CommentIn):
    """Comment on a bulletin; the answer says whether it is published or awaits a moderator."""
    citizen: VerifiedCitizen = request.auth
    _visible(citizen, bulletin_id)
    if not allow_comment(citizen):
        raise HttpError(429, _("You are commenting too often; please wait a minute."))
    item = PublicationRequest.objects.only("pk", "comments_need_approval").get(pk=bulletin_id)
    created = submit_comment(citizen, item, payload.body)
    return Status(201, {"id": created.pk, "status": created.status})


# Helpers.


def _visible(citizen: VerifiedCitizen, bulletin_id: int) -> datetime:
    published_at = visible_published_at(citizen, bulletin_id)
    if published_at is None:
        raise HttpError(404, _("No such bulletin."))
    return published_at


def _cursor(value: str | None) -> Cursor | None:
    if value is None:
        return None
    try:
        return decode_cursor(value)
    except InvalidCursor as exc:
        raise ValidationError(
            [
                {
                    "loc": ["query", "cursor"],
                    "type": "value_error",
                    "ctx": {
                        "error": _(
                            "This page cursor is not valid; start again from the first page."
                        )
                    },
                }
            ]
        ) from exc


def _bulletins():
    """Requests with everything a summary shows, in two queries for any page size."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=IMAGE_SPEC)
    return PublicationRequest.objects.select_related("sender", "image").prefetch_related(
        # Where Wagtail's `prefetch_renditions` puts them, so that `get_rendition` finds them.
        Prefetch("image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def _shared_summaries(request: HttpRequest, rows: list[tuple[int, datetime]]) -> dict[int, str]:
    """Every caller's part of these bulletins' summaries, by id, as `_shared_json` leaves it.

    A summary is the same for every citizen who sees the bulletin, so each is kept once per host
    for all of them; the ones missing are built together, in a fixed number of queries. A bulletin
    deleted since its target row was read is left out.
    """
    host = request.get_host()
    keys = {pk: (pk, published_at, host) for pk, published_at in rows}
    cached = _summaries.get_many(keys.values())
    summaries = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = [pk for pk in keys if pk not in summaries]
    if missing:
        published = dict(rows)
        items = _bulletins().only(*SUMMARY_FIELDS).in_bulk(missing).values()
        built = {
            item.pk: _shared_json(
                SharedSummary(**_summary(request, item, published[item.pk])).model_dump(mode="json")
            )
            for item in items
        }
        _summaries.set_many({keys[pk]: summary for pk, summary in built.items()})
        summaries |= built
    return summaries


def _counts_and_my_reactions(
    citizen: VerifiedCitizen, request_ids: list[int]
) -> dict[int, tuple[tuple[int, int, int], str | None]]:
    """The counts of these bulletins and the caller's reactions to them, by bulletin: one query.

    The part of a summary that is not kept with it: counts change with every flush, and the
    reaction is the caller's own. A bulletin missing from the answer was deleted. It runs on every
    feed page and bulletin, so it is written in SQL: the ORM took several times longer to build
    this statement than the database took to answer it.
    """
    if not request_ids:
        return {}
    quote = connection.ops.quote_name
    requests, pk = quote(PublicationRequest._meta.db_table), quote(PublicationRequest._meta.pk.column)
    stats, reactions = quote(BulletinStats._meta.db_table), quote(Reaction._meta.db_table)

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    stats_of = column(BulletinStats, "request")
    reaction_of = column(Reaction, "request")
    placeholders = ", ".join(["%s"] * len(request_ids))
    sql = (
        f"SELECT r.{pk}, COALESCE(s.{column(BulletinStats, 'views')}, 0),"
        f" COALESCE(s.{column(BulletinStats, 'reactions')}, 0),"
        f" COALESCE(s.{column(BulletinStats, 'comments')}, 0), x.{column(Reaction, 'kind')}"
        f" FROM {requests} r LEFT JOIN {stats} s ON s.{stats_of} = r.{pk}"
        f" LEFT JOIN {reactions} x ON x.{reaction_of} = r.{pk}"
        f" AND x.{column(Reaction, 'citizen')} = %s"
        f" WHERE r.{pk} IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [citizen.pseudonym, *request_ids])
        return {
            request_id: ((views, reaction_count, comments), kind)
            for request_id, views, reaction_count, comments, kind in cursor.fetchall()
        }


def _shared_json(item: dict) -> str:
    """What every caller gets of an item, as JSON left open for `_completed` to close."""
    return json.dumps(item, ensure_ascii=False).removesuffix("}")


def _completed(shared: str, counts: tuple[int, int, int], reaction: str | None) -> str:
    """A summary or bulletin: its shared part closed with its counts and the caller's reaction."""
    views, reactions, comments = counts
    mine = "null" if reaction is None else json.dumps(reaction)
    return (
        f'{shared}, "counts": {{"views": {views}, "reactions": {reactions},'
        f' "comments": {comments}}}, "my_reaction": {mine}}}'
    )


def _json_response(content: str) -> HttpResponse:
    return HttpResponse(content, content_type="application/json")


def _summary(request: HttpRequest, item: PublicationRequest, published_at: datetime) -> dict:
    return {
        "id": item.pk,
        "title": item.title,
        "summary": item.summary,
        "image": _image(request, item),
        "publisher": item.sender.name,
        "published_at": published_at,
    }


def _image(request: HttpRequest, item: PublicationRequest) -> dict | None:
    if item.image is None:
        return None
    try:
        rendition = item.image.get_rendition(IMAGE_SPEC)
    except SourceImageIOError:
        return None  # the original file is gone; the bulletin still reads without its picture
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": item.image_alt,
    }


def body_html(request: HttpRequest, item: PublicationRequest) -> str:
    """The body as HTML the app may render: Wagtail's references expanded, then sanitized.

    Cached by the bulletin's last change, since every reader of a bulletin gets the same HTML.
    """
    base = request.build_absolute_uri("/")
    key = f"loa:citizens:body:{item.pk}:{item.updated_at.timestamp()}:{base}"

    def render() -> str:
        return nh3.clean(
            expand_db_html(item.body),
            tags=BODY_TAGS,
            attributes=BODY_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            url_relative=("rewrite_with_base", base),
            link_rel="noopener noreferrer nofollow",
        )

    return cache.get_or_set(key, render, timeout=BODY_CACHE_SECONDS)


def _count_reader(citizen: VerifiedCitizen, request_id: int) -> None:
    """Count a view in the buffer and record the reader once: an INSERT at most, never an UPDATE.

    A reader already recorded (as this process remembers) costs no write at all: on SQLite even an
    INSERT that ignores the conflict takes the database's write lock.
    """
    count_view(request_id)
    if not cache.add(f"loa:reader:{request_id}:{citizen.pseudonym}", True, READER_MEMORY_SECONDS):
        return
    BulletinView.objects.bulk_create(
        [
            BulletinView(
                request_id=request_id,
                citizen=citizen.pseudonym,
                commune=citizen.communes[0] if citizen.communes else None,
                age_band=age_band(citizen.age_on(timezone.localdate())),
                gender=citizen.gender,
            )
        ],
        ignore_conflicts=True,
    )
