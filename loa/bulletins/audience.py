"""Who a bulletin reaches: the targeting rule of DESIGN.md, stated once.

A bulletin is shown to a citizen when the display window contains now, the citizen's age today lies
in the audience's age range, the citizen's gender is among the audience's genders (or the audience
names none), and one of the citizen's residence communes lies in the scope (a province scope covers
all its communes; national covers all).

`is_targeted` states the rule on plain values; `write_targets` turns an approved request into the
`AudienceTarget` rows the feed query reads, so that the query and the rule agree by construction
(a property-based test checks they do).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.core.cache import cache
from django.db import transaction

from loa.units.cache import CACHE_SECONDS, cache_key
from loa.units.models import NATIONAL_CODE, AdminUnit

from .models import AudienceTarget, Gender, PublicationRequest, ScopeLevel


@dataclass(frozen=True)
class Citizen:
    """What the identity token tells about a citizen; the identity number is already a pseudonym."""

    pseudonym: str
    birthdate: date
    gender: str
    residence: tuple[str, ...]  # commune codes, permanent residence first

    def age_on(self, day: date) -> int:
        return age_on(self.birthdate, day)


def age_on(birthdate: date, day: date) -> int:
    """Age in whole years on `day`; someone born on 29 February turns a year older on 1 March."""
    had_birthday = (day.month, day.day) >= (birthdate.month, birthdate.day)
    return day.year - birthdate.year - (0 if had_birthday else 1)


def is_targeted(
    *,
    starts_at: datetime,
    ends_at: datetime,
    age_min: int,
    age_max: int,
    genders: Iterable[str],
    scope_units: Iterable[AdminUnit],
    citizen: Citizen,
    citizen_units: Iterable[AdminUnit],
    now: datetime,
) -> bool:
    """The rule itself, on loaded values: `citizen_units` are the citizen's residence communes."""
    genders = set(genders)
    scope = list(scope_units)
    return (
        starts_at <= now < ends_at
        and age_min <= citizen.age_on(now.date()) <= age_max
        and (not genders or citizen.gender in genders)
        and any(area.contains(home) for area in scope for home in citizen_units)
    )


def scope_areas(request: PublicationRequest) -> list[AdminUnit]:
    """The units whose rows make up the request's scope: the nation, a province, or communes."""
    if request.scope_level == ScopeLevel.NATIONAL:
        return [AdminUnit.objects.get(code=NATIONAL_CODE)]
    return list(request.scope_units.all())


def build_targets(request: PublicationRequest, areas: Iterable[AdminUnit]) -> list[AudienceTarget]:
    """The unsaved target rows of `request` over `areas` (see `scope_areas`)."""
    genders = set(request.genders) or set(Gender.values)
    published_at = max(request.starts_at, request.approved_at or request.starts_at)
    return [
        AudienceTarget(
            request=request,
            unit=area,
            starts_at=request.starts_at,
            ends_at=request.ends_at,
            age_min=request.age_min,
            age_max=request.age_max,
            for_male=Gender.MALE in genders,
            for_female=Gender.FEMALE in genders,
            published_at=published_at,
        )
        for area in areas
    ]


@transaction.atomic
def write_targets(request: PublicationRequest) -> list[AudienceTarget]:
    """Replace the request's target rows with its current audience, scope and window."""
    clear_targets(request)
    return AudienceTarget.objects.bulk_create(build_targets(request, scope_areas(request)))


FEED_GENERATION_KEY = "loa:feed:generation"
# Bumped when buffered counts (views, reactions, comments) reach the database: bulletins' cached
# summaries show them, the areas' cached lists of live bulletins do not.
COUNTS_GENERATION_KEY = "loa:feed:counts-generation"


def feed_changed() -> None:
    """Make cached feed lists and summaries stale: a bulletin was approved or withdrawn."""
    _bump(FEED_GENERATION_KEY)


def counts_changed() -> None:
    """Make cached summaries stale, not the lists of live bulletins: new counts were written."""
    _bump(COUNTS_GENERATION_KEY)


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # nothing cached under any generation yet
        cache.set(key, 1, None)


def clear_targets(request: PublicationRequest) -> None:
    AudienceTarget.objects.filter(request=request).delete()
    # Now, and again once committed, so no page cached in between outlives the change.
    feed_changed()
    transaction.on_commit(feed_changed)


def citizen_area_ids(communes: Iterable[AdminUnit]) -> set[int]:
    """The units whose target rows concern a citizen: their communes, their provinces, the nation.

    A district, where the optional level is used, counts too.
    """
    ids: set[int] = set()
    for commune in communes:
        ids.update(
            pk for pk in (commune.pk, commune.district_id, commune.province_id) if pk is not None
        )
    nation = cache.get_or_set(
        cache_key("national-pk"),
        lambda: AdminUnit.objects.filter(code=NATIONAL_CODE).values_list("pk", flat=True).first(),
        CACHE_SECONDS,
    )
    if nation is not None:
        ids.add(nation)
    return ids
