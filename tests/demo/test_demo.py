import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password

from loa.demo.data import DEMO_PASSWORD, load_demo
from loa.orgs.models import Kind, Organization, RoleAssignment
from loa.orgs.roles import Role
from loa.units.models import AdminUnit

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_complete(province):
    first = load_demo()
    second = load_demo()
    assert first == second
    communes = AdminUnit.objects.communes_of(province).count()
    assert Organization.objects.filter(kind=Kind.COMMUNE_POLICE, unit__province=province).count() == communes
    assert set(RoleAssignment.objects.values_list("role", flat=True)) == set(Role)


def test_demo_accounts_can_sign_in(client):
    load_demo()
    validate_password(DEMO_PASSWORD)
    for username in ("pc06.thamdinh", "stp.tacgia", "cat.quantri"):
        response = client.post("/admin/login/", {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200
        client.logout()
    assert get_user_model().objects.get(username="quantri").is_superuser


def test_demo_bulletins_reach_each_stage(call):
    from loa.bulletins.models import PublicationRequest, State

    call("load_demo", verbosity=0)
    call("load_demo", verbosity=0)
    states = sorted(PublicationRequest.objects.values_list("state", flat=True))
    assert states == sorted([State.APPROVED, State.APPROVED, State.DRAFT, State.RETURNED,
                             State.AWAITING_MINISTRY, State.UNDER_APPRAISAL])
