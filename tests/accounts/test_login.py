"""Signing in to the admin: disabled accounts, lockout after repeated failures, password policy."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from loa.orgs import administration
from loa.orgs.roles import Role

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, username: str, password: str):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_active_account_signs_in(client, commune_officer):
    response = sign_in(client, "commune_officer", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_disabled_account_can_no_longer_sign_in(client, admin_a, commune_officer):
    administration.set_account_active(admin_a, commune_officer, False)
    response = sign_in(client, "commune_officer", PASSWORD)
    assert response.status_code == 200  # the form again, with its error
    assert not signed_in(client)


def test_five_failures_lock_the_account_even_against_the_right_password(client, commune_officer):
    for _ in range(4):
        assert sign_in(client, "commune_officer", "wrong-password-1").status_code == 200
    assert sign_in(client, "commune_officer", "wrong-password-1").status_code == 429
    response = sign_in(client, "commune_officer", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)


def test_lockout_is_per_username_and_address(client, commune_officer, ha_noi_officer):
    for _ in range(5):
        sign_in(client, "commune_officer", "wrong-password-1")
    assert sign_in(client, "ha_noi_officer", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "password", ["Ab-1234", "onlylettersherelong"], ids=["too short", "letters only"]
)
def test_password_policy_refuses_weak_passwords(admin_a, orgs, password):
    with pytest.raises(ValidationError) as raised:
        administration.create_account(
            admin_a,
            username="weak",
            password=password,
            organization=orgs.commune_police,
            role=Role.POLICE_APPRAISER,
        )
    assert set(raised.value.error_dict) == {"password"}
