import pytest

from loa.bulletins.models import ChannelPolicy, RoutingRule

pytestmark = pytest.mark.django_db


def test_superuser_sets_a_province_deadline_and_edits_rules(client, demo):
    client.force_login(demo.users["quantri"])
    response = client.post(
        "/admin/loa_channel_policies/new/",
        {"province": demo.units["75"].pk, "appraisal_working_days": 10, "reminder_working_days": 2},
    )
    assert response.status_code == 302
    assert ChannelPolicy.objects.get().appraisal_working_days == 10
    assert client.get("/admin/loa_routing_rules/").status_code == 200


def test_other_staff_cannot_change_the_rules(client, demo):
    client.force_login(demo.users["pc06.lanhdao"])
    client.post("/admin/loa_channel_policies/new/", {"province": demo.units["75"].pk,
                                                     "appraisal_working_days": 1})
    assert not ChannelPolicy.objects.exists()
    rule = RoutingRule.objects.first()
    client.post(f"/admin/loa_routing_rules/edit/{rule.pk}/", {"name": "x", "handler": "province_division"})
    rule.refresh_from_db()
    assert rule.name != "x"
