"""The public work schedule: the published week of the site, by day, in a fixed number of queries."""

import datetime

import pytest
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext, pgettext

from loa.schedules.weeks import monday_of

from .builders import make_week

pytestmark = pytest.mark.django_db


def schedule_url(site, suffix: str = "") -> str:
    page = site.section("lich-cong-tac")
    return page.relative_url(site.member.site) + suffix


def get(client, site, suffix: str = ""):
    return client.get(schedule_url(site, suffix), HTTP_HOST=site.hostname)


def week_suffix(monday: datetime.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"tuan/{year}-{week:02d}/"


@pytest.fixture
def this_monday():
    return monday_of(timezone.localdate())


def test_the_page_shows_this_weeks_published_schedule(client, site_a, this_monday):
    make_week(site_a.member, this_monday, entries=3)
    response = get(client, site_a)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Họp chuyên đề số 1" in html and "Họp chuyên đề số 3" in html
    assert this_monday.strftime("%d/%m/%Y") in html
    with translation.override("vi"):
        monday, morning = pgettext("weekday", "Monday"), pgettext("part of the day", "Morning")
        this_week = gettext("This week")
    assert monday in html and morning in html
    assert f'aria-current="page">{this_week}' in html
    assert "schedules/schedules.css" in html


def test_a_draft_week_and_another_sites_week_are_not_shown(client, site_a, site_b, this_monday):
    make_week(site_a.member, this_monday, published=False)
    make_week(site_b.member, this_monday)
    html = get(client, site_a).content.decode()
    assert "Họp chuyên đề" not in html
    with translation.override("vi"):
        assert gettext("No schedule has been published for this week.") in html
    assert '<meta name="robots" content="noindex">' in html


def test_other_weeks_have_their_own_address(client, site_a, this_monday):
    next_monday = this_monday + datetime.timedelta(days=7)
    make_week(site_a.member, next_monday, entries=1, note="Lịch có thể thay đổi.")
    current = get(client, site_a).content.decode()
    assert f'href="{schedule_url(site_a, week_suffix(next_monday))}"' in current
    following = get(client, site_a, week_suffix(next_monday))
    assert following.status_code == 200
    assert "Lịch có thể thay đổi." in following.content.decode()
    with translation.override("vi"):
        this_week = gettext("This week")
    assert f'href="{schedule_url(site_a)}">{this_week}' in following.content.decode()


@pytest.mark.parametrize("suffix", ["tuan/2025-53/", "tuan/2026-00/", "tuan/26-01/", "tuan/2026-1/"])
def test_a_week_that_does_not_exist_is_not_found(client, site_a, suffix):
    assert get(client, site_a, suffix).status_code == 404


def test_an_amended_week_says_when_it_changed(client, site_a, this_monday):
    schedule = make_week(site_a.member, this_monday)
    amended_at = timezone.localtime()
    with translation.override("vi"):
        updated = gettext("Updated at %(time)s on %(date)s") % {
            "time": dateformat.format(amended_at, "H:i"),
            "date": dateformat.format(amended_at, "d/m/Y"),
        }
    assert updated not in get(client, site_a).content.decode()
    schedule.amended_at = amended_at
    schedule.save()
    assert updated in get(client, site_a).content.decode()


def test_the_week_renders_in_a_fixed_number_of_queries(client, site_a, this_monday, django_assert_max_num_queries):
    make_week(site_a.member, this_monday, entries=1)
    get(client, site_a)  # warms the site and page caches
    with django_assert_max_num_queries(20) as small:
        get(client, site_a)
    small = len(small.captured_queries)  # read before the next request empties the query log
    this_week = site_a.member.work_schedules.get()
    this_week.delete()
    make_week(site_a.member, this_monday, entries=40)
    get(client, site_a)  # saving a schedule emptied the caches: the site's frame is built again
    with django_assert_max_num_queries(small):
        assert get(client, site_a).status_code == 200


def test_the_print_stylesheet_prints_the_week_on_a4_landscape():
    from django.contrib.staticfiles import finders

    css = open(finders.find("schedules/schedules.css"), encoding="utf-8").read()
    assert "@media print" in css and "size: A4 landscape" in css
