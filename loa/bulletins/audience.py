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

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from loa.process_cache import ProcessCache, SharedGeneration, shared_token
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
    targets = AudienceTarget.objects.bulk_create(build_targets(request, scope_areas(request)))
    _areas_changed_now_and_on_commit({target.unit_id for target in targets})
    return targets


def clear_targets(request: PublicationRequest) -> None:
    """Delete the request's target rows: it leaves every feed."""
    areas = set(AudienceTarget.objects.filter(request=request).values_list("unit_id", flat=True))
    AudienceTarget.objects.filter(request=request).delete()
    _areas_changed_now_and_on_commit(areas)


@receiver(pre_delete, sender=PublicationRequest, dispatch_uid="loa.bulletins.request_deleted")
def _request_deleted(sender, instance: PublicationRequest, **kwargs) -> None:
    # Its target rows go with it: the lists of their areas must be read again.
    clear_targets(instance)


def _areas_changed_now_and_on_commit(area_ids: set[int]) -> None:
    # Now, and again once committed, so that no list read in between outlives the change.
    if not area_ids:
        return  # a draft, say: on no list
    areas_changed(area_ids)
    transaction.on_commit(lambda: areas_changed(area_ids))


# Generations: what makes the areas' lists cached in each process stale. Each area (a commune, a
# province, the nation) has one, a random token kept in the shared cache that every process of the
# server sees. Approving or withdrawing a bulletin gives the areas of its scope new tokens, so that
# every process leaves its lists of those areas unread and keeps the others. An area that never
# changed has no token of its own and goes by the origin, a token set once.
#
# Reading an area's token from the shared cache on every call would cost more than the rest of the
# call, so each process keeps the tokens it read for as long as the changes epoch, one more token
# that every change renews as well, stays the same; the epoch itself is read again at most every
# GENERATION_SECONDS. A change made in one process is thus seen at once there, and in the others
# within that many seconds. When the shared cache loses its tokens, the epoch and the origin are
# set anew, and whatever was cached under the old ones is left unread, as after a change.
AREA_GENERATION_KEY = "loa:feed:area:{}"
ORIGIN_KEY = "loa:feed:origin"
GENERATION_SECONDS = 1
_epoch = SharedGeneration("loa:feed:epoch", seconds=GENERATION_SECONDS)
_area_tokens = ProcessCache(maxsize=20_000, seconds=24 * 3600)  # by (epoch, key)


def area_generations(area_ids: Iterable[int]) -> dict[int, str]:
    """The current generation of each of these areas, by area id."""
    epoch = _epoch.current()
    names = {area: AREA_GENERATION_KEY.format(area) for area in area_ids}
    kept = _area_tokens.get_many((epoch, name) for name in names.values())
    tokens = {name: kept[(epoch, name)] for name in names.values() if (epoch, name) in kept}
    missing = [name for name in names.values() if name not in tokens]
    if missing:
        origin = _origin(epoch)
        read = caches["shared"].get_many(missing)
        found = {name: read.get(name, origin) for name in missing}
        _area_tokens.set_many({(epoch, name): token for name, token in found.items()})
        tokens |= found
    return {area: tokens[name] for area, name in names.items()}


def areas_changed(area_ids: Iterable[int]) -> None:
    """Make the cached lists of these areas stale in every process: their live bulletins changed."""
    tokens = {AREA_GENERATION_KEY.format(area): uuid.uuid4().hex for area in area_ids}
    # The areas first: a process that sees the new epoch must find the new tokens.
    caches["shared"].set_many(tokens, None)
    epoch = _epoch.renew()
    _area_tokens.set_many({(epoch, name): token for name, token in tokens.items()})


def _origin(epoch: str) -> str:
    origin = _area_tokens.get((epoch, ORIGIN_KEY))
    if origin is None:
        origin = shared_token(ORIGIN_KEY)
        _area_tokens.set((epoch, ORIGIN_KEY), origin)
    return origin


# The nation's unit, asked for on every call of the citizen API, under the units' generation.
_nation = ProcessCache(maxsize=4, seconds=CACHE_SECONDS)
_MISSING = object()


def citizen_area_ids(communes: Iterable[AdminUnit]) -> set[int]:
    """The units whose target rows concern a citizen: their communes, their provinces, the nation.

    A district, where the optional level is used, counts too.
    """
    ids: set[int] = set()
    for commune in communes:
        ids.update(
            pk for pk in (commune.pk, commune.district_id, commune.province_id) if pk is not None
        )
    key = cache_key("national-pk")
    nation = _nation.get(key, _MISSING)
    if nation is _MISSING:
        nation = AdminUnit.objects.filter(code=NATIONAL_CODE).values_list("pk", flat=True).first()
        _nation.set(key, nation)
    if nation is not None:
        ids.add(nation)
    return ids
