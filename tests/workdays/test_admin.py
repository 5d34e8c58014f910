"""The administrators' screens: who may use them, and that every change reaches the audit log."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from loa.workdays.models import CalendarDay, Kind

pytestmark = pytest.mark.django_db

TYPHOON = {"date": "2026-03-04", "kind": "day_off", "reason": "Typhoon: decision 12/QĐ-UBND"}


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw")


@pytest.fixture
def staff(django_user_model):
    """An editor who may enter the admin, with no permission on the calendar."""
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def audit_entries():
    return ModelLogEntry.objects.filter(action="loa.workdays.change").order_by("pk")


def test_a_superuser_declares_edits_and_deletes_a_day(client, superuser):
    client.force_login(superuser)

    response = client.post(reverse("workdays_calendar:add"), TYPHOON)
    assert response.status_code == 302
    day = CalendarDay.objects.get(date=date(2026, 3, 4))
    assert (day.kind, day.created_by) == (Kind.DAY_OFF, superuser)

    response = client.post(
        reverse("workdays_calendar:edit", args=[day.pk]), {**TYPHOON, "reason": "Typhoon Kajiki"}
    )
    assert response.status_code == 302

    response = client.post(reverse("workdays_calendar:delete", args=[day.pk]))
    assert response.status_code == 302
    assert not CalendarDay.objects.exists()

    entries = list(audit_entries())
    assert [entry.data["change"] for entry in entries] == ["created", "updated", "deleted"]
    assert {entry.user_id for entry in entries} == {superuser.pk}
    assert entries[0].data["date"] == "2026-03-04"
    assert entries[0].data["kind"] == "day_off"
    assert entries[1].data["reason"] == "Typhoon Kajiki"
    assert entries[0].object_id == str(day.pk)


def test_the_listing_shows_the_declared_days(client, superuser):
    CalendarDay.objects.create(date=date(2026, 3, 4), kind=Kind.DAY_OFF, reason="Typhoon")
    client.force_login(superuser)
    response = client.get(reverse("workdays_calendar:index"))
    assert response.status_code == 200
    assert "Typhoon" in response.content.decode()


def test_a_second_declaration_for_the_same_date_is_refused(client, superuser):
    CalendarDay.objects.create(date=date(2026, 3, 4), kind=Kind.DAY_OFF, reason="Typhoon")
    client.force_login(superuser)
    response = client.post(reverse("workdays_calendar:add"), TYPHOON)
    assert response.status_code == 200
    assert response.context["form"].has_error("date", code="unique")
    assert CalendarDay.objects.count() == 1


def test_a_declaration_that_changes_nothing_is_refused_in_the_form(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("workdays_calendar:add"), {**TYPHOON, "date": "2026-03-07"}  # a Saturday
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("date", code="already_day_off")
    assert not CalendarDay.objects.exists()
    assert not audit_entries().exists()


def test_staff_without_the_permissions_are_turned_away(client, staff):
    day = CalendarDay.objects.create(date=date(2026, 3, 4), kind=Kind.DAY_OFF, reason="Typhoon")
    client.force_login(staff)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    # Wagtail answers a missing permission with a redirect to the dashboard and an error message.
    for url in (
        reverse("workdays_calendar:index"),
        reverse("workdays_calendar:add"),
        reverse("workdays_calendar:edit", args=[day.pk]),
        reverse("workdays_calendar:delete", args=[day.pk]),
    ):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))

    response = client.post(reverse("workdays_calendar:add"), {**TYPHOON, "date": "2026-03-05"})
    assert response.status_code == 302
    response = client.post(reverse("workdays_calendar:delete", args=[day.pk]))
    assert response.status_code == 302
    assert list(CalendarDay.objects.values_list("date", flat=True)) == [date(2026, 3, 4)]


def test_the_menu_item_is_shown_to_superusers_only(client, superuser, staff):
    index = reverse("workdays_calendar:index")
    client.force_login(superuser)
    assert index in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff)
    assert index not in client.get(reverse("wagtailadmin_home")).content.decode()
