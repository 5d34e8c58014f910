"""How far a bulletin reached: views, readers, reactions and comments, and who they came from.

The sending agency reads these numbers on its dashboard (seed 000: the agencies take citizens'
feedback into account). Readers and commenters carry a coarse age band, a gender and a commune
(`BulletinView`, `Comment`); a reaction carries none, so it borrows them from its citizen's reader
row, matched on (bulletin, citizen). A reaction whose citizen has no reader row (the view was never
recorded) counts as "unknown", as does any reader or comment whose field is empty.

Everything is counted in the database with grouped queries, a fixed number of them whatever the
number of bulletins or rows: `reach_by_request` answers for a whole list of bulletins at once.
The view count is the flushed `BulletinStats.views`; views still buffered in the cache are left
out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from loa.bulletins import workflow
from loa.bulletins.models import Gender, PublicationRequest
from loa.orgs.models import RoleAssignment
from loa.orgs.roles import Role, roles_implying

from .models import (
    AgeBand,
    BulletinStats,
    BulletinView,
    Comment,
    CommentStatus,
    Reaction,
    ReactionKind,
)

UNKNOWN = "unknown"
UNKNOWN_LABEL = _("Unknown")
# The moderator's order: what still waits for a decision comes first.
STATUS_ORDER = [
    CommentStatus.PENDING,
    CommentStatus.HELD,
    CommentStatus.PUBLISHED,
    CommentStatus.HIDDEN,
]
AWAITING_MODERATION = (CommentStatus.PENDING, CommentStatus.HELD)


class Dimension(str, Enum):
    AGE_BAND = "age_band"
    GENDER = "gender"
    COMMUNE = "commune"


# Who may read a bulletin's reach ---------------------------------------------------------------


def reporting_organizations(user) -> QuerySet:
    """The active organizations in which `user` writes (author or head): theirs to report on."""
    return RoleAssignment.objects.filter(
        user=user, role__in=roles_implying(Role.AGENCY_AUTHOR), organization__is_active=True
    ).values("organization")


def reported_requests(user) -> QuerySet[PublicationRequest]:
    """The requests whose reach `user` may see: those their own organizations sent.

    A superuser sees every request. The police units that handled a request see it in the
    channel's screens, but its audience is the sending agency's business.
    """
    requests = workflow.visible_requests(user)
    if user.is_authenticated and user.is_superuser:
        return requests
    return requests.filter(sender__in=reporting_organizations(user))


def reads_reach(user) -> bool:
    """Whether `user` has a dashboard at all; kept on the user object for the request."""
    if not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(user, "_loa_reads_reach"):
        user._loa_reads_reach = user.is_superuser or reporting_organizations(user).exists()
    return user._loa_reads_reach


# The numbers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One category of a breakdown, with what a chart and a table need to show it."""

    key: str
    label: str | Promise
    count: int
    share: float  # percent of the breakdown's total, 0–100
    scale: float  # percent of the largest category, the bar's length
    note: str = ""  # a commune's province

    @property
    def width(self) -> str:
        """The bar's CSS width: a string, so that no locale writes its decimal comma into CSS."""
        return f"{self.scale:.1f}%"

    @property
    def is_unknown(self) -> bool:
        return self.key == UNKNOWN


@dataclass(frozen=True)
class Series:
    bars: tuple[Bar, ...]
    total: int

    def top(self, limit: int) -> Series:
        """The `limit` largest categories (already sorted so for communes)."""
        return Series(self.bars[:limit], self.total)

    @property
    def rest(self) -> int:
        return self.total - sum(bar.count for bar in self.bars)

    def count(self, key: str) -> int:
        return next((bar.count for bar in self.bars if bar.key == key), 0)


@dataclass(frozen=True)
class Audience:
    """One population (readers, reactions or comments) broken down three ways."""

    total: int
    by_age_band: Series
    by_gender: Series
    by_commune: Series

    def along(self, dimension: Dimension) -> Series:
        return getattr(self, f"by_{dimension.value}")


@dataclass(frozen=True)
class BreakdownRow:
    """One category with its readers, reactions and comments side by side, for tables."""

    key: str
    label: str | Promise
    note: str
    readers: int
    reactions: int
    comments: int
    readers_share: float  # percent of all readers, 0–100


@dataclass(frozen=True)
class Reach:
    request_id: int
    views: int
    readers: Audience
    reactions: Audience
    reactions_by_kind: Series
    comments: Audience
    comments_by_status: Series

    @property
    def awaiting_moderation(self) -> int:
        return sum(self.comments_by_status.count(status) for status in AWAITING_MODERATION)

    @property
    def published_comments(self) -> int:
        return self.comments_by_status.count(CommentStatus.PUBLISHED)

    def rows(self, dimension: Dimension) -> list[BreakdownRow]:
        """Readers, reactions and comments per category, in the readers' order.

        Categories without readers but with reactions or comments follow, in their own order.
        """
        populations = (self.readers, self.reactions, self.comments)
        counts = [
            {bar.key: bar.count for bar in population.along(dimension).bars}
            for population in populations
        ]
        seen: dict[str, Bar] = {}
        for population in populations:
            for bar in population.along(dimension).bars:
                seen.setdefault(bar.key, bar)
        ordered = sorted(seen.values(), key=lambda bar: bar.is_unknown)  # stable: unknown last
        readers, reactions, comments = counts
        total = self.readers.total
        return [
            BreakdownRow(
                key=bar.key,
                label=bar.label,
                note=bar.note,
                readers=readers.get(bar.key, 0),
                reactions=reactions.get(bar.key, 0),
                comments=comments.get(bar.key, 0),
                readers_share=100 * readers.get(bar.key, 0) / total if total else 0.0,
            )
            for bar in ordered
        ]


def reach_of(request: PublicationRequest | int) -> Reach:
    """The reach of one bulletin."""
    pk = request if isinstance(request, int) else request.pk
    return reach_by_request([pk])[pk]


def reach_by_request(requests: Iterable[PublicationRequest | int] | QuerySet) -> dict[int, Reach]:
    """The reach of every bulletin in `requests`, in twelve queries however many there are."""
    if isinstance(requests, QuerySet):
        ids = list(requests.order_by().values_list("pk", flat=True))
    else:
        ids = [item if isinstance(item, int) else item.pk for item in requests]
    if not ids:
        return {}
    where = Q(request__in=ids)
    views = dict(BulletinStats.objects.filter(where).values_list("request", "views"))
    readers = BulletinView.objects.filter(where)
    reader = BulletinView.objects.filter(request=OuterRef("request"), citizen=OuterRef("citizen"))
    reactions = Reaction.objects.filter(where).annotate(
        reader_age_band=Subquery(reader.values("age_band")[:1]),
        reader_gender=Subquery(reader.values("gender")[:1]),
        reader_commune=Subquery(reader.values("commune")[:1]),
        reader_commune_name=Subquery(reader.values("commune__name")[:1]),
        reader_province_name=Subquery(reader.values("commune__province__name")[:1]),
    )
    comments = Comment.objects.filter(where)

    reader_audience = _audiences(
        ids, readers, "age_band", "gender", ("commune", "commune__name", "commune__province__name")
    )
    reaction_audience = _audiences(
        ids,
        reactions,
        "reader_age_band",
        "reader_gender",
        ("reader_commune", "reader_commune_name", "reader_province_name"),
    )
    comment_audience = _audiences(
        ids, comments, "age_band", "gender", ("commune", "commune__name", "commune__province__name")
    )
    kinds = _grouped(reactions, "kind")
    statuses = _grouped(comments, "status")
    return {
        pk: Reach(
            request_id=pk,
            views=views.get(pk, 0),
            readers=reader_audience[pk],
            reactions=reaction_audience[pk],
            reactions_by_kind=_fixed_series(kinds[pk], ReactionKind.choices),
            comments=comment_audience[pk],
            comments_by_status=_fixed_series(
                statuses[pk], [(status, status.label) for status in STATUS_ORDER]
            ),
        )
        for pk in ids
    }


# How the numbers are counted ------------------------------------------------------------------


def _grouped(queryset: QuerySet, field: str) -> Mapping[int, dict[str, int]]:
    """Counts per request and value of `field`: one GROUP BY query."""
    counts: defaultdict[int, dict[str, int]] = defaultdict(dict)
    rows = queryset.order_by().values("request", field).annotate(n=Count("pk"))
    for row in rows:
        key = row[field] or UNKNOWN
        counts[row["request"]][key] = counts[row["request"]].get(key, 0) + row["n"]
    return counts


def _audiences(
    ids: list[int],
    queryset: QuerySet,
    band_field: str,
    gender_field: str,
    commune_fields: tuple[str, str, str],
) -> dict[int, Audience]:
    bands = _grouped(queryset, band_field)
    genders = _grouped(queryset, gender_field)
    commune, name, province = commune_fields
    communes: defaultdict[int, list[tuple[str, str, str, int]]] = defaultdict(list)
    rows = (
        queryset.order_by()
        .values("request", commune, name, province)
        .annotate(n=Count("pk"))
        .order_by("request", "-n", name)
    )
    for row in rows:
        key = str(row[commune]) if row[commune] is not None else UNKNOWN
        communes[row["request"]].append((key, row[name] or "", row[province] or "", row["n"]))
    audiences = {}
    for pk in ids:
        by_band = _fixed_series(bands[pk], AgeBand.choices)
        audiences[pk] = Audience(
            total=by_band.total,
            by_age_band=by_band,
            by_gender=_fixed_series(genders[pk], Gender.choices),
            by_commune=_ranked_series(communes[pk]),
        )
    return audiences


def _bars(items: list[tuple[str, str | Promise, int, str]]) -> Series:
    total = sum(count for _key, _label, count, _note in items)
    largest = max((count for _key, _label, count, _note in items), default=0)
    return Series(
        tuple(
            Bar(
                key=key,
                label=label,
                count=count,
                share=100 * count / total if total else 0.0,
                scale=100 * count / largest if largest else 0.0,
                note=note,
            )
            for key, label, count, note in items
        ),
        total,
    )


def _fixed_series(counts: Mapping[str, int], choices: Iterable[tuple[str, str]]) -> Series:
    """Every category of `choices` in their order, zeros included; unknown last, when any."""
    known = dict(choices)
    items = [(key, label, counts.get(key, 0), "") for key, label in known.items()]
    # Values outside the choices (there should be none) are unknown as far as a reader can tell.
    unknown = sum(count for key, count in counts.items() if key not in known)
    if unknown:
        items.append((UNKNOWN, UNKNOWN_LABEL, unknown, ""))
    return _bars(items)


def _ranked_series(rows: list[tuple[str, str, str, int]]) -> Series:
    """Communes, the most frequent first, unknown last."""
    known = [(key, name, count, province) for key, name, province, count in rows if key != UNKNOWN]
    unknown = sum(count for key, _name, _province, count in rows if key == UNKNOWN)
    if unknown:
        known.append((UNKNOWN, UNKNOWN_LABEL, unknown, ""))
    return _bars(known)
