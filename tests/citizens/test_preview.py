"""The /loa/ demo feed and the staff preview read what the citizen API reads."""

import pytest
from django.core.management import call_command

from loa.bulletins.models import PublicationRequest, State

pytestmark = pytest.mark.django_db

WARD_TITLE = "Phường Trấn Biên ra quân"
LAW_TITLE = "Những điểm mới của Luật Căn cước"


@pytest.fixture
def demo_channel(db):
    call_command("load_demo", verbosity=0)
    return {r.title[:30]: r for r in PublicationRequest.objects.filter(state=State.APPROVED)}


def feed(client, **params):
    return client.get("/loa/", {"commune": "26041", "age": 35, "gender": "female", **params})


def test_the_feed_follows_the_targeting_rule(client, demo_channel):
    page = feed(client).content.decode()
    assert WARD_TITLE in page and LAW_TITLE in page
    elsewhere = feed(client, commune="26368").content.decode()
    assert LAW_TITLE in elsewhere and WARD_TITLE not in elsewhere
    child = feed(client, age=10).content.decode()
    assert WARD_TITLE in child and LAW_TITLE not in child


def test_a_bulletin_outside_the_audience_is_not_found(client, demo_channel):
    law = next(r for r in demo_channel.values() if r.title.startswith(LAW_TITLE))
    params = {"commune": "26041", "gender": "male"}
    assert client.get(f"/loa/bulletins/{law.pk}/", {**params, "age": 40}).status_code == 200
    assert client.get(f"/loa/bulletins/{law.pk}/", {**params, "age": 10}).status_code == 404
    assert client.get("/loa/bulletins/999999/", {**params, "age": 40}).status_code == 404


def test_bad_choices_are_form_errors(client, demo_channel):
    response = feed(client, commune="99999", age=500)
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"commune", "age"}


def test_staff_preview_is_for_those_who_see_the_request(client, demo_channel):
    from django.contrib.auth import get_user_model

    law = next(r for r in demo_channel.values() if r.title.startswith(LAW_TITLE))
    users = get_user_model().objects
    client.force_login(users.get(username="stp.tacgia"))
    inside = client.get(f"/admin/loa-preview/{law.pk}/", {"commune": "26368", "age": 40, "gender": "male"})
    outside = client.get(f"/admin/loa-preview/{law.pk}/", {"commune": "26368", "age": 12, "gender": "male"})
    assert inside.status_code == outside.status_code == 200
    assert inside.context["verdict"] != outside.context["verdict"]
    assert LAW_TITLE in inside.content.decode()
    client.force_login(users.get(username="ubnd.longthanh.tacgia"))
    assert client.get(f"/admin/loa-preview/{law.pk}/").status_code == 404
