"""Reach statistics: who read, reacted to and commented on a bulletin, counted in the database."""

from __future__ import annotations

import pytest

from loa.citizens.models import (
    BulletinStats,
    BulletinView,
    Comment,
    CommentStatus,
    Reaction,
)
from loa.citizens.reach import (
    UNKNOWN,
    Dimension,
    reach_by_request,
    reach_of,
    reads_reach,
    reported_requests,
)
from loa.orgs.models import Kind
from loa.orgs.roles import Role
from loa.units.models import AdminUnit
from tests.citizens.conftest import make_bulletin
from tests.factories import make_org, make_user

pytestmark = pytest.mark.django_db

QUERIES = 12


def citizen(n: int) -> str:
    return f"{n:064x}"


def counts(series) -> dict[str, int]:
    return {bar.key: bar.count for bar in series.bars}


@pytest.fixture
def place(commune, other_commune):
    return {"A": commune, "B": other_commune}


@pytest.fixture
def audience(bulletin, place):
    """Four readers, three reactions (one from a citizen never recorded as a reader), three
    comments, and seventeen flushed views."""
    a, b = place["A"], place["B"]
    BulletinView.objects.bulk_create(
        [
            BulletinView(
                request=bulletin, citizen=citizen(1), age_band="25-34", gender="female", commune=a
            ),
            BulletinView(
                request=bulletin, citizen=citizen(2), age_band="25-34", gender="male", commune=a
            ),
            BulletinView(
                request=bulletin, citizen=citizen(3), age_band="65+", gender="female", commune=b
            ),
            BulletinView(
                request=bulletin, citizen=citizen(4), age_band="18-24", gender="male", commune=None
            ),
        ]
    )
    Reaction.objects.bulk_create(
        [
            Reaction(request=bulletin, citizen=citizen(1), kind="like"),
            Reaction(request=bulletin, citizen=citizen(3), kind="love"),
            Reaction(request=bulletin, citizen=citizen(5), kind="thanks"),
        ]
    )
    Comment.objects.bulk_create(
        [
            Comment(
                request=bulletin,
                citizen=citizen(1),
                body="Hay",
                age_band="25-34",
                gender="female",
                commune=a,
                status=CommentStatus.PENDING,
            ),
            Comment(
                request=bulletin,
                citizen=citizen(2),
                body="Cảm ơn",
                age_band="25-34",
                gender="male",
                commune=a,
                status=CommentStatus.PUBLISHED,
            ),
            Comment(
                request=bulletin,
                citizen=citizen(6),
                body="Sai",
                age_band="0-17",
                gender="female",
                commune=b,
                status=CommentStatus.HIDDEN,
            ),
        ]
    )
    BulletinStats.objects.create(request=bulletin, views=17)
    return bulletin


def test_views_and_distinct_readers(audience):
    reach = reach_of(audience)
    assert reach.views == 17
    assert reach.readers.total == 4


def test_readers_by_age_band_gender_and_commune(audience, place):
    readers = reach_of(audience).readers
    bands = counts(readers.by_age_band)
    assert list(bands) == ["0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
    assert bands == {
        "0-17": 0,
        "18-24": 1,
        "25-34": 2,
        "35-44": 0,
        "45-54": 0,
        "55-64": 0,
        "65+": 1,
    }
    assert counts(readers.by_gender) == {"male": 2, "female": 2}
    communes = readers.by_commune.bars
    assert [bar.key for bar in communes] == [str(place["A"].pk), str(place["B"].pk), UNKNOWN]
    assert [bar.count for bar in communes] == [2, 1, 1]
    assert communes[0].label == place["A"].name
    assert communes[0].note == place["A"].province.name


def test_reactions_take_the_reader_breakdown_and_unknown_without_a_view(audience, place):
    reach = reach_of(audience)
    assert reach.reactions.total == 3
    assert counts(reach.reactions_by_kind) == {"like": 1, "love": 1, "thanks": 1, "concerned": 0}
    bands = counts(reach.reactions.by_age_band)
    assert bands["25-34"] == 1 and bands["65+"] == 1 and bands[UNKNOWN] == 1
    assert list(bands)[-1] == UNKNOWN
    assert counts(reach.reactions.by_gender) == {"male": 0, "female": 2, UNKNOWN: 1}
    assert counts(reach.reactions.by_commune) == {
        str(place["A"].pk): 1,
        str(place["B"].pk): 1,
        UNKNOWN: 1,
    }


def test_comments_by_status_and_breakdown(audience, place):
    reach = reach_of(audience)
    assert reach.comments.total == 3
    assert list(counts(reach.comments_by_status).items()) == [
        ("pending", 1),
        ("held", 0),
        ("published", 1),
        ("hidden", 1),
    ]
    assert reach.awaiting_moderation == 1 and reach.published_comments == 1
    assert counts(reach.comments.by_age_band)["25-34"] == 2
    assert counts(reach.comments.by_age_band)["0-17"] == 1
    assert counts(reach.comments.by_gender) == {"male": 1, "female": 2}
    assert counts(reach.comments.by_commune) == {str(place["A"].pk): 2, str(place["B"].pk): 1}


def test_shares_and_bar_widths(audience):
    readers = reach_of(audience).readers
    bar = next(bar for bar in readers.by_age_band.bars if bar.key == "25-34")
    assert bar.share == 50.0 and bar.scale == 100.0 and bar.width == "100.0%"
    half = next(bar for bar in readers.by_age_band.bars if bar.key == "65+")
    assert half.share == 25.0 and half.width == "50.0%"


def test_rows_put_the_three_populations_side_by_side(audience, place):
    rows = reach_of(audience).rows(Dimension.COMMUNE)
    assert [(row.key, row.readers, row.reactions, row.comments) for row in rows] == [
        (str(place["A"].pk), 2, 1, 2),
        (str(place["B"].pk), 1, 1, 1),
        (UNKNOWN, 1, 1, 0),
    ]
    assert rows[0].readers_share == 50.0
    band_rows = reach_of(audience).rows(Dimension.AGE_BAND)
    assert [row.key for row in band_rows][-1] == UNKNOWN  # the reaction without a reader
    assert next(row for row in band_rows if row.key == "0-17").comments == 1


def test_a_bulletin_without_interactions(bulletin):
    reach = reach_of(bulletin)
    assert reach.views == 0 and reach.readers.total == 0 and reach.reactions.total == 0
    assert all(bar.count == 0 and bar.width == "0.0%" for bar in reach.readers.by_age_band.bars)
    assert reach.readers.by_commune.bars == ()
    assert counts(reach.comments_by_status) == {
        "pending": 0,
        "held": 0,
        "published": 0,
        "hidden": 0,
    }


def test_other_bulletins_do_not_leak_in(audience, sender, image, commune):
    other = make_bulletin(sender, units=[commune], image=image)
    BulletinView.objects.create(request=other, citizen=citizen(1), age_band="45-54", gender="male")
    results = reach_by_request([audience, other])
    assert results[audience.pk].readers.total == 4
    assert results[other.pk].readers.total == 1
    assert counts(results[other.pk].readers.by_age_band)["45-54"] == 1
    assert counts(results[audience.pk].readers.by_age_band)["45-54"] == 0


def test_a_constant_number_of_queries(audience, sender, image, commune, django_assert_num_queries):
    with django_assert_num_queries(QUERIES):
        reach_of(audience)
    many = [make_bulletin(sender, units=[commune], image=image) for _ in range(5)]
    communes = list(AdminUnit.objects.communes_of(commune.province)[:10])
    for number, bulletin in enumerate(many):
        for reader in range(8):
            BulletinView.objects.create(
                request=bulletin,
                citizen=citizen(100 * number + reader),
                age_band="35-44",
                gender="female",
                commune=communes[reader],
            )
            Reaction.objects.create(
                request=bulletin, citizen=citizen(100 * number + reader), kind="like"
            )
    with django_assert_num_queries(QUERIES):
        results = reach_by_request([audience, *many])
    assert results[many[0].pk].reactions.total == 8
    assert counts(results[many[0].pk].reactions.by_age_band)["35-44"] == 8
    with django_assert_num_queries(QUERIES + 1):  # the one query that lists the ids
        reach_by_request(type(audience).objects.filter(pk__in=[b.pk for b in many]))


def test_nothing_asked_nothing_counted(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert reach_by_request([]) == {}


def test_who_reads_the_reach(bulletin, sender, province):
    author = make_user((sender, Role.AGENCY_AUTHOR))
    head = make_user((sender, Role.AGENCY_HEAD))
    other_agency = make_user((make_org(Kind.DEPARTMENT, province), Role.AGENCY_HEAD))
    police = make_user((make_org(Kind.PROVINCIAL_POLICE, province), Role.POLICE_LEADER))
    admin = make_user((sender, Role.UNIT_ADMIN))
    superuser = make_user(is_superuser=True)
    for user in (author, head, superuser):
        assert list(reported_requests(user)) == [bulletin]
        assert reads_reach(user)
    for user in (other_agency, police, admin):
        assert not reported_requests(user).exists()
    for user in (police, admin):
        assert not reads_reach(user)
    sender.is_active = False
    sender.save()
    fresh = type(author).objects.get(pk=author.pk)
    assert not reported_requests(fresh).exists() and not reads_reach(fresh)
