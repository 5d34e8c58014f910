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

from .comments import allow_comment, submit_comment
from .counters import count_view, maybe_flush, touch_interactions
from .feed import (
    FEED_CACHE_SECONDS,
    Cursor,
    InvalidCursor,
    decode_cursor,
    encode_cursor,
    feed_page,
    summary_generation,
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
SUMMARY_FIELDS = (
    "title", "summary", "image", "image_alt", "sender__name",
    "stats__views", "stats__reactions", "stats__comments",
)  # fmt: skip
BODY_CACHE_SECONDS = 3600

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


class BulletinSummary(Schema):
    id: int
    title: str
    summary: str
    image: ImageOut | None
    publisher: str
    published_at: datetime
    counts: Counts
    my_reaction: ReactionKind | None


class AttachmentOut(Schema):
    url: str
    name: str
    size: int


class BulletinOut(BulletinSummary):
    body: str = Field(description="Sanitized HTML.")
    author_name: str
    source: str
    attachments: list[AttachmentOut]


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
    reactions = _my_reactions(citizen, ids)
    # Summaries were checked against BulletinSummary when they were cached; only reactions are new.
    mine = ", ".join(_with_my_reaction(summaries[pk], reactions.get(pk)) for pk in ids)
    return _json_response(f'{{"items": [{mine}], "next_cursor": {json.dumps(next_cursor)}}}')


@router.get("/bulletins/{bulletin_id}", response={200: BulletinOut, 401: Detail, 404: Detail})
def bulletin(request: HttpRequest, bulletin_id: int):
    """The bulletin in full; reading it counts a view."""
    citizen: VerifiedCitizen = request.auth
    published_at = _visible(citizen, bulletin_id)
    _count_reader(citizen, bulletin_id)
    # Every reader gets the same bulletin but for `my_reaction`: build it once a while per host.
    key = f"loa:citizens:bulletin:{summary_generation()}:{bulletin_id}:{request.get_host()}"
    shared = cache.get(key)
    if shared is None:
        item = _bulletins().prefetch_related("attachments").get(pk=bulletin_id)
        shared = _shared_json(
            BulletinOut(
                **_summary(request, item, published_at, None),
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
        cache.set(key, shared, FEED_CACHE_SECONDS)
    reaction = _my_reactions(citizen, [bulletin_id]).get(bulletin_id)
    return _json_response(_with_my_reaction(shared, reaction))


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
    return PublicationRequest.objects.select_related("sender", "stats", "image").prefetch_related(
        # Where Wagtail's `prefetch_renditions` puts them, so that `get_rendition` finds them.
        Prefetch("image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def _shared_summaries(request: HttpRequest, rows: list[tuple[int, datetime]]) -> dict[int, str]:
    """Every caller's part of these bulletins' summaries, by id, as `_shared_json` leaves it.

    A summary is the same for every citizen who sees the bulletin, so each is cached once per host
    for all of them; the ones missing are built together, in a fixed number of queries. A bulletin
    deleted since its target row was read is left out.
    """
    generation, host = summary_generation(), request.get_host()
    keys = {pk: f"loa:citizens:summary:{generation}:{pk}:{host}" for pk, _published_at in rows}
    cached = cache.get_many(keys.values())
    summaries = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = [pk for pk in keys if pk not in summaries]
    if missing:
        published = dict(rows)
        items = _bulletins().only(*SUMMARY_FIELDS).in_bulk(missing).values()
        built = {
            item.pk: _shared_json(
                BulletinSummary(**_summary(request, item, published[item.pk], None)).model_dump(
                    mode="json"
                )
            )
            for item in items
        }
        cache.set_many({keys[pk]: summary for pk, summary in built.items()}, FEED_CACHE_SECONDS)
        summaries |= built
    return summaries


def _my_reactions(citizen: VerifiedCitizen, request_ids: list[int]) -> dict[int, str]:
    """The caller's reactions to these bulletins, by bulletin: one query.

    It runs on every feed page and bulletin, and is the one part of them that is the caller's own,
    so it is written in SQL: the ORM took several times longer to build this statement than the
    database took to answer it.
    """
    if not request_ids:
        return {}
    quote = connection.ops.quote_name
    fields = ("request", "kind", "citizen")
    column = {name: quote(Reaction._meta.get_field(name).column) for name in fields}
    placeholders = ", ".join(["%s"] * len(request_ids))
    sql = (
        f"SELECT {column['request']}, {column['kind']} FROM {quote(Reaction._meta.db_table)}"
        f" WHERE {column['citizen']} = %s AND {column['request']} IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [citizen.pseudonym, *request_ids])
        return dict(cursor.fetchall())


def _shared_json(item: dict) -> str:
    """What every caller gets of an item, as JSON left open for `_with_my_reaction` to close."""
    shared = {key: value for key, value in item.items() if key != "my_reaction"}
    return json.dumps(shared, ensure_ascii=False).removesuffix("}")


def _with_my_reaction(shared: str, reaction: str | None) -> str:
    mine = "null" if reaction is None else json.dumps(reaction)
    return f'{shared}, "my_reaction": {mine}}}'


def _json_response(content: str) -> HttpResponse:
    return HttpResponse(content, content_type="application/json")


def _summary(
    request: HttpRequest, item: PublicationRequest, published_at: datetime, my_reaction: str | None
) -> dict:
    try:
        stats = item.stats
    except BulletinStats.DoesNotExist:
        stats = BulletinStats()
    return {
        "id": item.pk,
        "title": item.title,
        "summary": item.summary,
        "image": _image(request, item),
        "publisher": item.sender.name,
        "published_at": published_at,
        "counts": {"views": stats.views, "reactions": stats.reactions, "comments": stats.comments},
        "my_reaction": my_reaction,
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
