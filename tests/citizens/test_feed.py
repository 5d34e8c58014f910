"""The feed: exactly the bulletins the targeting rule allows, newest first, by keyset pages."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from unittest.mock import patch

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from wagtail.contrib.redirects.models import Redirect

from loa.bulletins import audience
from loa.bulletins.audience import areas_changed, is_targeted
from loa.bulletins.models import AudienceTarget, ScopeLevel, State
from loa.citizens import feed
from loa.citizens.counters import flush_counters
from loa.citizens.feed import encode_cursor
from loa.citizens.tokens import verify_token
from loa.orgs.models import Kind
from loa.process_cache import clear_process_caches
from loa.units.models import NATIONAL_CODE, AdminUnit
from tests.citizens.conftest import citizen_client, make_bulletin, make_image, token_for
from tests.factories import make_org

FEED = "/api/v1/feed"

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    return [item["id"] for item in response.json()["items"]]


# The property: the feed query and the rule agree.

SCOPES = st.one_of(
    st.tuples(st.just(ScopeLevel.NATIONAL), st.just(frozenset())),
    # The province of one of the sample communes.
    st.tuples(st.just(ScopeLevel.PROVINCE), st.integers(0, 4).map(lambda i: frozenset([i]))),
    st.tuples(
        st.just(ScopeLevel.COMMUNE), st.frozensets(st.integers(0, 4), min_size=1, max_size=3)
    ),
)
# Ages and window edges are drawn mostly from a few marks, so that a citizen's age often meets an
# audience's bound and a window often closes or opens just before or after now. Every edge lies at
# least half an hour from now, so the moment the feed is read cannot flip a case.
AGE_MARKS = [0, 17, 18, 35, 60, 100]
AGES = st.one_of(st.sampled_from(AGE_MARKS), st.integers(0, 100))
EDGES = [-3 * 24 * 60, -90, -30, 30, 90, 3 * 24 * 60]  # minutes from now
WINDOWS = st.sampled_from(
    [(opens, closes) for opens in EDGES for closes in EDGES if opens < closes]
)
BULLETINS = st.fixed_dictionaries(
    {
        "scope": SCOPES,
        "ages": st.one_of(st.just([0, 120]), st.tuples(AGES, AGES).map(sorted)),
        "genders": st.sampled_from([[], ["male", "female"], ["male"], ["female"]]),
        "window": WINDOWS,
    }
)
CITIZENS = st.fixed_dictionaries(
    {
        "years": AGES,
        "days": st.integers(-1, 1),  # a birthday yesterday, today or tomorrow
        "gender": st.sampled_from(["male", "female"]),
        "homes": st.lists(st.integers(0, 4), min_size=1, max_size=2, unique=True),
    }
)


def birthdate_for(years: int, days: int) -> date:
    today = timezone.localdate()
    try:
        anniversary = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        anniversary = today.replace(year=today.year - years, day=28)
    return min(anniversary + timedelta(days=days), today)


class FeedFollowsTheTargetingRule(TestCase):
    @classmethod
    def setUpTestData(cls):
        dong_nai, ha_noi = AdminUnit.objects.get(code="75"), AdminUnit.objects.get(code="01")
        cls.communes = [
            *AdminUnit.objects.communes_of(dong_nai).order_by("code")[:3],
            *AdminUnit.objects.communes_of(ha_noi).order_by("code")[:2],
        ]
        cls.nation = AdminUnit.objects.get(code=NATIONAL_CODE)
        cls.sender = make_org(Kind.DEPARTMENT, dong_nai)

    def scope_units(self, level: str, indexes: frozenset[int]) -> list[AdminUnit]:
        if level == ScopeLevel.NATIONAL:
            return [self.nation]
        if level == ScopeLevel.PROVINCE:
            return [self.communes[index].province for index in indexes]
        return [self.communes[index] for index in sorted(indexes)]

    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(bulletins=st.lists(BULLETINS, min_size=1, max_size=4), person=CITIZENS)
    def test_feed_shows_a_bulletin_exactly_when_the_rule_says(self, bulletins, person):
        self.check_feed_follows_the_rule(bulletins, person)

    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(bulletins=st.lists(BULLETINS, min_size=1, max_size=4), person=CITIZENS)
    def test_so_it_does_when_the_area_lists_are_cut_short(self, bulletins, person):
        # Lists of one row: nearly every page and bulletin is answered by the database instead.
        with patch.object(feed, "AREA_LIST_LENGTH", 1):
            self.check_feed_follows_the_rule(bulletins, person)

    def check_feed_follows_the_rule(self, bulletins, person):
        # Each example's rows are rolled back after it; what it left cached must go with them.
        for cache in caches.all():
            cache.clear()
        clear_process_caches()
        now = timezone.now()
        written = []
        for spec in bulletins:
            level, indexes = spec["scope"]
            units = self.scope_units(level, indexes)
            opens, closes = spec["window"]
            request = make_bulletin(
                self.sender,
                scope_level=level,
                units=[] if level == ScopeLevel.NATIONAL else units,
                starts_at=now + timedelta(minutes=opens),
                ends_at=now + timedelta(minutes=closes),
                age_min=spec["ages"][0],
                age_max=spec["ages"][1],
                genders=spec["genders"],
            )
            written.append((request, units))
        homes = [self.communes[index] for index in person["homes"]]
        token = token_for(
            birthdate=birthdate_for(person["years"], person["days"]).isoformat(),
            gender=person["gender"],
            residence=[home.code for home in homes],
        )
        client = Client(headers={"Authorization": f"Bearer {token}"})

        # The first call reads the area lists, the second finds them and the summaries cached.
        first, second = client.get(FEED, {"limit": 50}), client.get(FEED, {"limit": 50})

        assert first.status_code == second.status_code == 200
        citizen = verify_token(token)
        moment = timezone.localtime()
        expected = [
            request
            for request, units in written
            if is_targeted(
                starts_at=request.starts_at,
                ends_at=request.ends_at,
                age_min=request.age_min,
                age_max=request.age_max,
                genders=request.genders,
                scope_units=units,
                citizen=citizen,
                citizen_units=homes,
                now=moment,
            )
        ]
        expected.sort(key=lambda request: (request.starts_at, request.pk), reverse=True)
        assert ids(first) == ids(second) == [request.pk for request in expected]
        # Pages of one item walk the same list, and a bulletin opens exactly when it is listed.
        assert walk(client, limit=1) == [request.pk for request in expected]
        opened = {
            request.pk
            for request, _units in written
            if client.get(f"/api/v1/bulletins/{request.pk}").status_code == 200
        }
        assert opened == {request.pk for request in expected}


def walk(client: Client, limit: int) -> list[int]:
    """Every item of a citizen's feed, page after page."""
    seen, cursor = [], None
    while True:
        params = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        body = client.get(FEED, params).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return seen


# Pages.


def test_keyset_pages_cover_everything_once_in_order(reader, sender, commune):
    base = timezone.now() - timedelta(hours=1)
    # Pairs published at the same moment: the request id breaks the tie.
    bulletins = [
        make_bulletin(sender, starts_at=base - timedelta(hours=index // 2)) for index in range(7)
    ]
    expected = [
        request.pk for request in sorted(bulletins, key=lambda r: (r.starts_at, r.pk), reverse=True)
    ]

    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        body = reader.get(FEED, params).json()
        seen += [item["id"] for item in body["items"]]
        pages += 1
        if pages == 1:
            # A bulletin published meanwhile appears on a fresh first page, not in later ones.
            make_bulletin(sender, starts_at=timezone.now() - timedelta(minutes=1))
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == expected
    assert pages == 3


def test_the_last_full_page_says_there_is_no_more(reader, sender):
    for _ in range(3):
        make_bulletin(sender)
    body = reader.get(FEED, {"limit": 3}).json()
    assert len(body["items"]) == 3 and body["next_cursor"] is None


def test_a_bulletin_for_two_of_my_communes_appears_once(sender, commune, other_commune):
    both = make_bulletin(sender, scope_level=ScopeLevel.COMMUNE, units=[commune, other_commune])
    client = citizen_client(residence=[commune.code, other_commune.code])
    assert ids(client.get(FEED)) == [both.pk]


def test_only_approved_bulletins(reader, sender, bulletin):
    stale = make_bulletin(sender)
    type(stale).objects.filter(pk=stale.pk).update(state=State.WITHDRAWN)  # rows left behind
    assert ids(reader.get(FEED)) == [bulletin.pk]


@pytest.mark.parametrize(
    "cursor", ["nonsense", "!!!", encode_cursor(timezone.now(), 1)[:-3], "MjAyNnwx"]
)
def test_a_malformed_cursor_is_a_422(reader, cursor):
    response = reader.get(FEED, {"cursor": cursor})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "cursor" and error["msg"]


@pytest.mark.parametrize("limit", ["0", "51", "-1", "many"])
def test_limit_out_of_range_is_a_422(reader, limit):
    response = reader.get(FEED, {"limit": limit})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "limit"


def test_default_page_is_twenty(reader, sender):
    for _ in range(21):
        make_bulletin(sender)
    body = reader.get(FEED).json()
    assert len(body["items"]) == 20 and body["next_cursor"]


def test_summary_fields(reader, bulletin, sender):
    reader.put(
        f"/api/v1/bulletins/{bulletin.pk}/reaction",
        {"kind": "thanks"},
        content_type="application/json",
    )
    reader.get(f"/api/v1/bulletins/{bulletin.pk}")
    flush_counters()
    [item] = reader.get(FEED).json()["items"]
    assert item["id"] == bulletin.pk
    assert item["title"] == bulletin.title and item["summary"] == bulletin.summary
    assert item["publisher"] == "Sở Tư pháp tỉnh Đồng Nai"
    assert item["image"]["width"] == 800 and item["image"]["height"] == 450
    assert item["image"]["url"].startswith("http://testserver/media/")
    assert "fill-800x450" in item["image"]["url"]
    assert item["counts"] == {"views": 1, "reactions": 1, "comments": 0}
    assert item["my_reaction"] == "thanks"
    published_at = datetime.fromisoformat(item["published_at"])
    assert abs(published_at - bulletin.starts_at) < timedelta(milliseconds=1)
    other = citizen_client(sub="999999999999", residence=[bulletin.scope_units.get().code])
    assert other.get(FEED).json()["items"][0]["my_reaction"] is None


def test_feed_queries_do_not_grow_with_the_page(reader, sender, commune, django_assert_num_queries):
    for _ in range(20):
        request = make_bulletin(sender, image=make_image(64, 36))
        reader.put(
            f"/api/v1/bulletins/{request.pk}/reaction",
            {"kind": "like"},
            content_type="application/json",
        )
    flush_counters()
    reader.get(FEED, {"limit": 20})  # renders the images once, as the first reader ever does

    # A page in a process that has kept nothing yet (units are in Django's cache): the nation's
    # unit, the commune's, the province's and the nation's target rows, requests with sender and
    # image, renditions, then counts with my reactions.
    for limit in (5, 20):
        clear_process_caches()
        with django_assert_num_queries(7):
            assert len(ids(reader.get(FEED, {"limit": limit}))) == limit
    # A bulletin approved in my areas: the lists are read again, the summaries are kept.
    areas_changed(reader_areas(commune))
    with django_assert_num_queries(4):
        assert len(ids(reader.get(FEED, {"limit": 20}))) == 20
    # The same page again, from the cache: only the counts and this citizen's reactions are read.
    with django_assert_num_queries(1):
        page = reader.get(FEED, {"limit": 20}).json()["items"]
    assert {item["my_reaction"] for item in page} == {"like"}
    # So for a citizen nobody like them asked for (another age, another gender) in the same areas.
    stranger = citizen_client(
        sub="999999999999", birthdate="1951-02-03", gender="male", residence=[commune.code]
    )
    with django_assert_num_queries(1):
        page = stranger.get(FEED, {"limit": 20}).json()["items"]
    assert len(page) == 20 and {item["my_reaction"] for item in page} == {None}


def test_citizens_of_one_area_get_their_own_pages_from_its_shared_list(
    sender, commune, django_assert_num_queries
):
    everyone = make_bulletin(sender, scope_level=ScopeLevel.COMMUNE, units=[commune])
    young_women = make_bulletin(
        sender,
        scope_level=ScopeLevel.COMMUNE,
        units=[commune],
        age_min=18,
        age_max=30,
        genders=["female"],
    )
    older_men = make_bulletin(
        sender, scope_level=ScopeLevel.PROVINCE, units=[commune.province], age_min=60,
        genders=["male"],
    )  # fmt: skip
    national = make_bulletin(sender, age_min=18)
    young_woman = citizen_client(birthdate=years_ago(25), gender="female", residence=[commune.code])
    older_man = citizen_client(
        sub="999999999999", birthdate=years_ago(70), gender="male", residence=[commune.code]
    )
    child = citizen_client(
        sub="888888888888", birthdate=years_ago(10), gender="female", residence=[commune.code]
    )

    assert ids(young_woman.get(FEED)) == [national.pk, young_women.pk, everyone.pk]
    # The commune's, province's and nation's lists were read; the next cohorts only filter them.
    with django_assert_num_queries(2):  # the one summary nobody needed yet, his reactions
        assert ids(older_man.get(FEED)) == [national.pk, older_men.pk, everyone.pk]
    with django_assert_num_queries(1):  # her reactions
        assert ids(child.get(FEED)) == [everyone.pk]
    # Opening a bulletin is checked against the same lists; a 404 is an answer, not a page that
    # moved, and costs no look at the editors' redirects either.
    with CaptureQueriesContext(connection) as queries:
        assert older_man.get(f"/api/v1/bulletins/{young_women.pk}").status_code == 404
        assert child.get(f"/api/v1/bulletins/{national.pk}").status_code == 404
        assert child.get(f"/api/v1/bulletins/{everyone.pk}").status_code == 200
    tables = (AudienceTarget._meta.db_table, Redirect._meta.db_table)
    assert not [query for query in queries if any(table in query["sql"] for table in tables)]


def test_deep_pages_past_a_long_area_list_come_from_the_database(reader, sender, monkeypatch):
    monkeypatch.setattr(feed, "AREA_LIST_LENGTH", 3)
    base = timezone.now() - timedelta(hours=1)
    bulletins = [
        make_bulletin(sender, starts_at=base - timedelta(hours=index // 2)) for index in range(9)
    ]
    expected = [
        request.pk for request in sorted(bulletins, key=lambda r: (r.starts_at, r.pk), reverse=True)
    ]
    assert walk(reader, limit=2) == expected
    assert walk(reader, limit=20) == expected
    oldest = expected[-1]
    assert reader.get(f"/api/v1/bulletins/{oldest}").status_code == 200


def test_a_bulletin_opens_on_time_while_its_area_list_is_cached(reader, sender, monkeypatch):
    opens_at = timezone.now() + timedelta(seconds=feed.FEED_CACHE_SECONDS - 1)
    soon = make_bulletin(sender, starts_at=opens_at)
    assert ids(reader.get(FEED)) == []
    assert reader.get(f"/api/v1/bulletins/{soon.pk}").status_code == 404
    later = opens_at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert ids(reader.get(FEED)) == [soon.pk]
    assert reader.get(f"/api/v1/bulletins/{soon.pk}").status_code == 200


def test_a_bulletin_approved_in_another_process_reaches_this_one(reader, sender, commune):
    """Approving changes its areas' generations and the epoch in the shared cache; other processes
    read the epoch again within GENERATION_SECONDS, then the generations, and leave the lists they
    keep of those areas unread."""
    first = make_bulletin(sender)
    assert ids(reader.get(FEED)) == [first.pk]
    epoch_here = audience._epoch.current()
    second = make_bulletin(sender)  # as another process would: rows and shared generations...
    audience._epoch._seen.set(audience._epoch.key, epoch_here)  # ...not yet seen by this one
    assert ids(reader.get(FEED)) == [first.pk]
    audience._epoch._seen.clear()  # GENERATION_SECONDS later
    assert ids(reader.get(FEED)) == [second.pk, first.pk]


def test_approving_for_one_commune_keeps_the_lists_of_the_others(
    reader, sender, commune, other_commune
):
    neighbour = citizen_client(sub="999999999999", residence=[other_commune.code])
    assert ids(reader.get(FEED)) == ids(neighbour.get(FEED)) == []
    mine = make_bulletin(sender, scope_level=ScopeLevel.COMMUNE, units=[commune])
    with CaptureQueriesContext(connection) as queries:
        assert ids(neighbour.get(FEED)) == []
    assert not [query for query in queries if AudienceTarget._meta.db_table in query["sql"]]
    with CaptureQueriesContext(connection) as queries:
        assert ids(reader.get(FEED)) == [mine.pk]
    assert len([query for query in queries if AudienceTarget._meta.db_table in query["sql"]]) == 1


def test_a_lost_shared_cache_leaves_every_kept_list_unread(reader, sender):
    first = make_bulletin(sender)
    assert ids(reader.get(FEED)) == [first.pk]
    caches["shared"].clear()  # a restarted Redis, a removed var/cache/shared
    audience._epoch._seen.clear()
    with CaptureQueriesContext(connection) as queries:
        assert ids(reader.get(FEED)) == [first.pk]
    assert [query for query in queries if AudienceTarget._meta.db_table in query["sql"]]


def test_a_deleted_bulletin_leaves_the_feed_at_once(reader, sender):
    kept, deleted = make_bulletin(sender), make_bulletin(sender)
    assert ids(reader.get(FEED)) == [deleted.pk, kept.pk]
    assert reader.get(f"/api/v1/bulletins/{deleted.pk}").status_code == 200
    deleted_pk = deleted.pk
    deleted.delete()
    assert ids(reader.get(FEED)) == [kept.pk]
    assert reader.get(f"/api/v1/bulletins/{deleted_pk}").status_code == 404


def reader_areas(commune: AdminUnit) -> list[int]:
    """The areas whose lists the reader's feed reads: their commune, province and the nation."""
    return [commune.pk, commune.province_id, AdminUnit.objects.get(code=NATIONAL_CODE).pk]


def years_ago(years: int) -> str:
    return birthdate_for(years, -1).isoformat()


def test_a_bulletin_of_a_read_area_opens_without_reading_my_commune(
    reader, sender, commune, other_commune
):
    provincial = make_bulletin(sender, scope_level=ScopeLevel.PROVINCE, units=[commune.province])
    local = make_bulletin(sender, scope_level=ScopeLevel.COMMUNE, units=[other_commune])
    assert ids(reader.get(FEED)) == [provincial.pk]  # the province's and the nation's lists
    neighbour = citizen_client(sub="999999999999", residence=[other_commune.code])

    with CaptureQueriesContext(connection) as queries:
        assert neighbour.get(f"/api/v1/bulletins/{provincial.pk}").status_code == 200
    assert not [query for query in queries if AudienceTarget._meta.db_table in query["sql"]]
    # A bulletin in none of the lists read so far: the neighbour's commune is read now.
    with CaptureQueriesContext(connection) as queries:
        assert neighbour.get(f"/api/v1/bulletins/{local.pk}").status_code == 200
        assert reader.get(f"/api/v1/bulletins/{local.pk}").status_code == 404
    assert len([query for query in queries if AudienceTarget._meta.db_table in query["sql"]]) == 1


def test_new_counts_show_at_once_and_keep_what_is_cached(
    reader, sender, django_assert_num_queries
):
    bulletin = make_bulletin(sender)
    assert ids(reader.get(FEED)) == [bulletin.pk]
    assert reader.get(f"/api/v1/bulletins/{bulletin.pk}").json()["counts"]["reactions"] == 0
    reader.put(f"/api/v1/bulletins/{bulletin.pk}/reaction", {"kind": "like"},
               content_type="application/json")
    flush_counters()
    # Neither the area lists nor the summary are read again: counts come with my reactions.
    with django_assert_num_queries(1):
        page = reader.get(FEED).json()["items"]
    assert page[0]["counts"]["reactions"] == 1
    assert page[0]["my_reaction"] == "like"
    with django_assert_num_queries(1):
        detail = reader.get(f"/api/v1/bulletins/{bulletin.pk}").json()
    assert detail["counts"]["reactions"] == 1 and detail["my_reaction"] == "like"


def test_a_new_citizen_of_a_commune_already_served_costs_no_unit_query(
    sender, commune, other_commune
):
    make_bulletin(sender)
    two_homes = citizen_client(residence=[commune.code, other_commune.code])
    assert two_homes.get(FEED).status_code == 200
    newcomer = citizen_client(sub="777777777777", birthdate="1962-07-08", gender="male",
                              residence=[commune.code])
    with CaptureQueriesContext(connection) as queries:
        assert newcomer.get(FEED).status_code == 200
    assert not [query for query in queries if AdminUnit._meta.db_table in query["sql"]]
