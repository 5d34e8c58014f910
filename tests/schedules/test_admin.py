"""The work schedules in the admin: each site's editors see and change only their own weeks."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from loa.orgs.roles import Role
from loa.schedules.models import WeeklySchedule

from .builders import make_week

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 23)


@pytest.fixture
def editor_a(client, site_a):
    user = site_a.staff(Role.PORTAL_EDITOR)
    # The admin speaks the user's preferred language; these tests read the English messages.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


def form_data(member, week: str, *entries: dict) -> dict:
    data = {
        "site": member.pk,
        "week_start": week,
        "note": "",
        "entries-TOTAL_FORMS": str(len(entries)),
        "entries-INITIAL_FORMS": "0",
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
    }
    for index, entry in enumerate(entries):
        fields = {"start_time": "08:00", "end_time": "", "leaders": "Chủ tịch", "content": "Họp giao ban",
                  "participants": "", "preparation": "", "location": "", "notes": "", "ORDER": str(index)}
        fields.update(entry)
        data.update({f"entries-{index}-{name}": value for name, value in fields.items()})
    return data


def test_the_listing_shows_only_the_editors_own_sites(client, site_a, site_b, editor_a):
    make_week(site_a.member, MONDAY)
    make_week(site_b.member, MONDAY - datetime.timedelta(days=7))
    response = client.get(reverse("schedules:index"))
    assert response.status_code == 200
    assert response.context["object_list"].count() == 1
    assert response.context["object_list"][0].site == site_a.member


def test_another_sites_week_is_not_found(client, site_a, site_b, editor_a):
    other = make_week(site_b.member, MONDAY)
    for name in ("edit", "delete", "history", "usage", "publish", "unpublish", "copy"):
        assert client.get(reverse(f"schedules:{name}", args=[other.pk])).status_code == 404, name
    assert client.post(reverse("schedules:unpublish", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.is_published


def test_an_editor_creates_a_week_from_any_of_its_days(client, site_a, site_b, editor_a):
    data = form_data(site_a.member, "2026-11-26", {"date": "2026-11-27", "content": "Tiếp công dân"})
    response = client.post(reverse("schedules:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    schedule = WeeklySchedule.objects.get()
    assert schedule.week_start == MONDAY and schedule.state == WeeklySchedule.State.DRAFT
    assert schedule.entries.get().content == "Tiếp công dân"
    assert ModelLogEntry.objects.filter(action="loa.schedule.create", object_id=str(schedule.pk)).exists()


def test_a_week_can_only_be_made_for_the_editors_sites(client, site_a, site_b, editor_a):
    response = client.post(reverse("schedules:add"), form_data(site_b.member, "2026-11-23"))
    assert response.status_code == 200
    assert "site" in response.context["form"].errors
    assert not WeeklySchedule.objects.exists()


def test_entries_must_fall_within_the_week(client, site_a, editor_a):
    data = form_data(site_a.member, "2026-11-23", {"date": "2026-11-30"}, {"date": "2026-11-24"})
    response = client.post(reverse("schedules:add"), data)
    assert response.status_code == 200
    entries = response.context["form"].formsets["entries"]
    assert "outside the week" in str(entries.forms[0].errors["date"])
    assert not entries.forms[1].errors
    assert not WeeklySchedule.objects.exists()


def test_an_entry_ends_after_it_starts(client, site_a, editor_a):
    data = form_data(site_a.member, "2026-11-23", {"date": "2026-11-24", "start_time": "10:00", "end_time": "09:00"})
    response = client.post(reverse("schedules:add"), data)
    assert response.status_code == 200
    assert "end_time" in response.context["form"].formsets["entries"].forms[0].errors


def test_the_same_week_cannot_be_made_twice(client, site_a, editor_a):
    make_week(site_a.member, MONDAY)
    response = client.post(reverse("schedules:add"), form_data(site_a.member, "2026-11-25"))
    assert response.status_code == 200
    assert "already has a schedule for that week" in str(response.context["form"].errors)


def test_publishing_is_logged_and_editing_a_published_week_marks_it_amended(client, site_a, editor_a):
    schedule = make_week(site_a.member, MONDAY, entries=0, published=False)
    edit = client.get(reverse("schedules:edit", args=[schedule.pk])).content.decode()
    assert reverse("schedules:publish", args=[schedule.pk]) in edit
    assert reverse("schedules:copy", args=[schedule.pk]) in edit
    assert client.get(reverse("schedules:publish", args=[schedule.pk])).status_code == 200
    assert client.post(reverse("schedules:publish", args=[schedule.pk])).status_code == 302
    schedule.refresh_from_db()
    assert schedule.is_published and schedule.published_by == editor_a and schedule.amended_at is None
    assert ModelLogEntry.objects.filter(action="loa.schedule.publish", user=editor_a).count() == 1

    data = form_data(site_a.member, "2026-11-23", {"date": "2026-11-25"})
    assert client.post(reverse("schedules:edit", args=[schedule.pk]), data).status_code == 302
    schedule.refresh_from_db()
    assert schedule.amended_at is not None and schedule.entries.count() == 1
    assert ModelLogEntry.objects.filter(action="loa.schedule.change").exists()

    assert client.post(reverse("schedules:unpublish", args=[schedule.pk])).status_code == 302
    schedule.refresh_from_db()
    assert not schedule.is_published
    assert ModelLogEntry.objects.filter(action="loa.schedule.unpublish").exists()


def test_a_reporter_drafts_but_does_not_publish(client, site_a):
    client.force_login(site_a.staff(Role.PORTAL_REPORTER))
    schedule = make_week(site_a.member, MONDAY, published=False)
    edit = client.get(reverse("schedules:edit", args=[schedule.pk]))
    assert edit.status_code == 200
    assert reverse("schedules:publish", args=[schedule.pk]) not in edit.content.decode()
    refused = client.post(reverse("schedules:publish", args=[schedule.pk]))
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")  # the admin's "permission denied"
    schedule.refresh_from_db()
    assert not schedule.is_published


def test_a_user_without_a_site_sees_nothing(client, site_a):
    from tests.factories import make_user

    client.force_login(make_user(is_staff=True))
    schedule = make_week(site_a.member, MONDAY)
    assert client.get(reverse("schedules:edit", args=[schedule.pk])).status_code in (302, 403, 404)
    response = client.get(reverse("schedules:index"))
    assert response.status_code in (302, 403)


def test_a_week_is_copied_to_the_next_one(client, site_a, editor_a):
    schedule = make_week(site_a.member, MONDAY, entries=3, note="Ghi chú")
    response = client.post(reverse("schedules:copy", args=[schedule.pk]))
    copy = WeeklySchedule.objects.get(week_start=MONDAY + datetime.timedelta(days=7))
    assert response.url == reverse("schedules:edit", args=[copy.pk])
    assert not copy.is_published and copy.note == "Ghi chú"
    assert sorted(entry.date for entry in copy.entries.all()) == sorted(
        entry.date + datetime.timedelta(days=7) for entry in schedule.entries.all()
    )
    # A second copy finds the next week taken and says so.
    response = client.post(reverse("schedules:copy", args=[schedule.pk]), follow=True)
    assert WeeklySchedule.objects.count() == 2
    assert response.status_code == 200
