"""Fill a throwaway site with bulletins for the feed benchmark.

Usage (inside a site prepared by bench/server.py, i.e. with its LOA_VAR_DIR):
    python bench/generate_bulletins.py --count 100000 --live 10000 --citizens 2000

Bulletins spread over several years, every province and commune: mostly commune scopes (one to
three communes of the sender's province), some province scopes, a few national ones; most for
everyone, some for an age range or one gender. `--live` of them have a window around now, the
rest ended in the past. Rows go in with bulk inserts, and their audience rows are built by the
project's own `build_targets`, so the feed reads exactly what approval would have written.
A list of sample citizens (residence communes spread over the country, each with a live bulletin
targeted at them) is written as JSON for the benchmark to make tokens from.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loa.settings")

import django  # noqa: E402

django.setup()

from django.core.files.images import ImageFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402

from loa.bulletins.audience import age_on, build_targets  # noqa: E402
from loa.bulletins.models import (  # noqa: E402
    AudienceTarget,
    Gender,
    PublicationRequest,
    ScopeLevel,
    State,
)
from loa.orgs.models import Kind, Organization  # noqa: E402
from loa.units.models import NATIONAL_CODE, AdminUnit, Level  # noqa: E402

BATCH = 2000
IMAGES = 24
RENDITION = "fill-800x450"


def images() -> list:
    """A handful of shared representative images, with the feed's rendition made in advance."""
    made = []
    for index in range(IMAGES):
        buffer = io.BytesIO()
        colour = (40 + index * 8, 90, 160 - index * 4)
        PILImage.new("RGB", (1200, 675), colour).save(buffer, "JPEG", quality=80)
        image = get_image_model().objects.create(
            title=f"Ảnh thử {index}", file=ImageFile(buffer, name=f"bench-{index}.jpg")
        )
        image.get_rendition(RENDITION)
        made.append(image)
    return made


def senders(provinces: list[AdminUnit]) -> dict[int, Organization]:
    by_province = {}
    for province in provinces:
        by_province[province.pk], _ = Organization.objects.get_or_create(
            code=f"BENCH-{province.code}",
            defaults={
                "name": f"Sở Văn hóa, Thể thao và Du lịch {province.name}",
                "kind": Kind.DEPARTMENT,
                "unit": province,
            },
        )
    return by_province


def audience(rng: random.Random) -> dict:
    ages = (0, 120) if rng.random() < 0.7 else sorted(rng.sample(range(90), 2))
    genders = [] if rng.random() < 0.85 else [rng.choice(Gender.values)]
    return {"age_min": ages[0], "age_max": ages[1], "genders": genders}


def window(rng: random.Random, live: bool, now) -> tuple:
    if live:
        start = now - timedelta(days=rng.uniform(0, 30))
        return start, now + timedelta(days=rng.uniform(1, 60))
    start = now - timedelta(days=rng.uniform(90, 4 * 365))
    return start, start + timedelta(days=rng.uniform(7, 60))


def generate(count: int, live: int, seed: int) -> None:
    rng = random.Random(seed)
    now = timezone.now()
    nation = AdminUnit.objects.get(code=NATIONAL_CODE)
    provinces = list(AdminUnit.objects.filter(level=Level.PROVINCE))
    communes: dict[int, list[AdminUnit]] = {}
    for commune in AdminUnit.objects.filter(level=Level.COMMUNE):
        communes.setdefault(commune.province_id, []).append(commune)
    sender_of = senders(provinces)
    pictures = images()
    live_slots = set(rng.sample(range(count), live))
    for first in range(0, count, BATCH):
        requests, areas = [], []
        for index in range(first, min(first + BATCH, count)):
            province = rng.choice(provinces)
            roll = rng.random()
            if roll < 0.005:
                level, scope = ScopeLevel.NATIONAL, [nation]
            elif roll < 0.3:
                level, scope = ScopeLevel.PROVINCE, [province]
            else:
                level = ScopeLevel.COMMUNE
                scope = rng.sample(communes[province.pk], rng.randint(1, 3))
            starts_at, ends_at = window(rng, index in live_slots, now)
            requests.append(
                PublicationRequest(
                    sender=sender_of[province.pk],
                    state=State.APPROVED,
                    title=f"Bản tin thử số {index} của {province.name}",
                    summary="Nội dung tóm tắt của bản tin dùng để đo hiệu năng.",
                    body="<p>Nội dung bản tin dùng để đo hiệu năng.</p>",
                    image=rng.choice(pictures),
                    author_name="Bộ sinh dữ liệu",
                    scope_level=level,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    approved_at=starts_at - timedelta(days=1),
                    **audience(rng),
                )
            )
            areas.append(scope)
        with transaction.atomic():
            PublicationRequest.objects.bulk_create(requests)
            AudienceTarget.objects.bulk_create(
                [t for request, scope in zip(requests, areas) for t in build_targets(request, scope)]
            )
        print(f"{min(first + BATCH, count):,}/{count:,} bản tin", file=sys.stderr, flush=True)


def sample_citizens(number: int, seed: int) -> list[dict]:
    """Citizens over all communes, born 1950–2008, of both genders, each with a bulletin to open.

    Each is a token's claims (one residence commune, a fifth of them a second one) and `bulletin`:
    a live bulletin chosen at random among those targeted at them, by the rule of DESIGN.md stated
    afresh here rather than by the code under test, so that a detail call that answers 404 shows.
    """
    rng = random.Random(seed + 1)
    now = timezone.now()
    today = timezone.localdate(now)
    nation = AdminUnit.objects.get(code=NATIONAL_CODE).pk
    communes = list(AdminUnit.objects.filter(level=Level.COMMUNE))
    live: dict[int, list[dict]] = {}
    for row in AudienceTarget.objects.filter(
        starts_at__lte=now, ends_at__gt=now, request__state=State.APPROVED
    ).values("unit_id", "request_id", "age_min", "age_max", "for_male", "for_female"):
        live.setdefault(row["unit_id"], []).append(row)
    first_day, last_day = date(1950, 1, 1).toordinal(), date(2008, 12, 31).toordinal()
    citizens = []
    while len(citizens) < number:
        homes = rng.sample(communes, 1 if rng.random() < 0.8 else 2)
        birthdate = date.fromordinal(rng.randint(first_day, last_day))
        gender = rng.choice(Gender.values)
        age = age_on(birthdate, today)
        areas = {nation} | {
            area for unit in homes for area in (unit.pk, unit.district_id, unit.province_id)
        }  # fmt: skip
        readable = sorted({
            row["request_id"]
            for area in areas
            for row in live.get(area, ())
            if row["age_min"] <= age <= row["age_max"]
            and row[f"for_{gender}"]
        })  # fmt: skip
        if not readable:
            continue  # nothing live for this one: draw another
        citizens.append({
            "sub": f"{rng.randrange(10**11, 10**12):012d}",
            "birthdate": birthdate.isoformat(),
            "gender": gender,
            "residence": [unit.code for unit in homes],
            "bulletin": rng.choice(readable),
        })  # fmt: skip
    return citizens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--live", type=int, default=10_000)
    parser.add_argument("--citizens", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--citizens-file", type=Path, required=True)
    args = parser.parse_args()
    if args.live > args.count:
        parser.error("--live cannot exceed --count")
    generate(args.count, args.live, args.seed)
    args.citizens_file.write_text(json.dumps(sample_citizens(args.citizens, args.seed)))


if __name__ == "__main__":
    main()
