"""The account screens, seen by two provincial administrators who must never reach each other."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from loa.orgs.models import RoleAssignment
from loa.orgs.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db

User = get_user_model()


def new_account_data(organization, **overrides) -> dict:
    return {
        "username": "nguyen.van.an",
        "first_name": "Văn An",
        "last_name": "Nguyễn",
        "email": "an@congan.dongnai.gov.vn",
        "job_title": "Cán bộ",
        "password": "Loa-phuong-2026",
        "password2": "Loa-phuong-2026",
        "organization": organization.pk,
        "role": Role.POLICE_APPRAISER,
        **overrides,
    }


def log_entries(action: str, instance) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action=action, object_id=str(instance.pk)))


# Listing


def test_list_shows_only_accounts_of_the_jurisdiction(
    client_a, admin_b, commune_officer, ha_noi_officer
):
    response = client_a.get(reverse("loa_accounts:index"))
    assert response.status_code == 200
    listed = {user.username for user in response.context["object_list"]}
    assert listed == {"admin_a", "commune_officer"}


def test_search_matches_every_word_across_name_fields(client_a, orgs):
    make_user(
        (orgs.commune_police, Role.POLICE_APPRAISER),
        username="an",
        first_name="Văn An",
        last_name="Nguyễn",
    )
    make_user(
        (orgs.commune_police, Role.POLICE_APPRAISER),
        username="binh",
        first_name="Thị Bình",
        last_name="Nguyễn",
    )
    response = client_a.get(reverse("loa_accounts:index"), {"q": "nguyễn an"})
    assert [user.username for user in response.context["object_list"]] == ["an"]
    results = client_a.get(reverse("loa_accounts:index_results"), {"q": "binh"})
    assert [user.username for user in results.context["object_list"]] == ["binh"]


def test_list_query_count_does_not_grow_with_accounts(
    client_a, orgs, django_assert_max_num_queries
):
    make_user((orgs.commune_police, Role.POLICE_APPRAISER))
    client_a.get(reverse("loa_accounts:index"))  # warm the per-process caches (content types, ...)
    with CaptureQueriesContext(connection) as few:
        assert client_a.get(reverse("loa_accounts:index")).status_code == 200
    for _ in range(30):
        make_user(
            (orgs.commune_police, Role.POLICE_APPRAISER),
            (orgs.dong_nai_police, Role.POLICE_APPRAISER),
        )
    with django_assert_max_num_queries(len(few)):
        response = client_a.get(reverse("loa_accounts:index"))
    assert len(response.context["object_list"]) == 32


def test_list_is_paginated_by_fifty(client_a, orgs):
    for _ in range(50):
        make_user((orgs.commune_police, Role.POLICE_APPRAISER))
    response = client_a.get(reverse("loa_accounts:index"), {"p": 2})
    assert response.context["paginator"].per_page == 50
    assert len(response.context["object_list"]) == 1


def test_user_without_unit_admin_role_gets_404(client, commune_officer):
    client.force_login(commune_officer)
    assert client.get(reverse("loa_accounts:index")).status_code == 404
    assert client.get(reverse("loa_accounts:create")).status_code == 404
    assert client.get(reverse("loa_accounts:detail", args=[commune_officer.pk])).status_code == 404


def test_menu_item_shown_to_unit_admins_only(client, admin_a, commune_officer):
    url = reverse("loa_accounts:index")
    client.force_login(admin_a)
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(commune_officer)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert url not in response.content.decode()


# Detail and actions across provinces


def test_detail_of_own_jurisdiction_account(client_a, commune_officer):
    response = client_a.get(reverse("loa_accounts:detail", args=[commune_officer.pk]))
    assert response.status_code == 200
    assert response.context["can_manage"]
    [(assignment, can_revoke)] = response.context["assignment_rows"]
    assert assignment.role == Role.POLICE_APPRAISER and can_revoke


def test_other_province_account_is_404(client_a, admin_b, ha_noi_officer):
    for account in (admin_b, ha_noi_officer):
        assert client_a.get(reverse("loa_accounts:detail", args=[account.pk])).status_code == 404


@pytest.mark.parametrize("account_name", ["admin_b", "ha_noi_officer"])
def test_actions_on_other_province_account_are_404_and_change_nothing(
    client_a, orgs, request, account_name
):
    account = request.getfixturevalue(account_name)
    assignment = account.role_assignments.first()
    before = set(RoleAssignment.objects.values_list("pk", flat=True))
    responses = [
        client_a.post(
            reverse("loa_accounts:grant_role", args=[account.pk]),
            {"organization": orgs.commune_police.pk, "role": Role.POLICE_APPRAISER},
        ),
        client_a.post(reverse("loa_accounts:revoke_role", args=[account.pk, assignment.pk])),
        client_a.post(reverse("loa_accounts:disable", args=[account.pk])),
    ]
    assert [response.status_code for response in responses] == [404, 404, 404]
    account.refresh_from_db()
    assert account.is_active
    assert set(RoleAssignment.objects.values_list("pk", flat=True)) == before
    assert not ModelLogEntry.objects.filter(action__startswith="loa.").exists()


def test_posts_without_csrf_token_are_refused(admin_a, commune_officer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_a)
    response = client.post(reverse("loa_accounts:disable", args=[commune_officer.pk]))
    assert response.status_code == 403
    commune_officer.refresh_from_db()
    assert commune_officer.is_active


def test_gets_never_change_anything(client_a, commune_officer):
    assignment = commune_officer.role_assignments.get()
    for url in (
        reverse("loa_accounts:grant_role", args=[commune_officer.pk]),
        reverse("loa_accounts:revoke_role", args=[commune_officer.pk, assignment.pk]),
        reverse("loa_accounts:disable", args=[commune_officer.pk]),
    ):
        assert client_a.get(url).status_code == 405
    commune_officer.refresh_from_db()
    assert commune_officer.is_active and commune_officer.role_assignments.exists()


# Creating accounts


def test_create_commune_police_appraiser(client_a, admin_a, orgs):
    response = client_a.post(reverse("loa_accounts:create"), new_account_data(orgs.commune_police))
    user = User.objects.get(username="nguyen.van.an")
    assert response.status_code == 302
    assert response.url == reverse("loa_accounts:detail", args=[user.pk])
    assert user.check_password("Loa-phuong-2026") and user.job_title == "Cán bộ"
    assignment = user.role_assignments.get()
    assert (assignment.organization, assignment.role, assignment.granted_by) == (
        orgs.commune_police,
        Role.POLICE_APPRAISER,
        admin_a,
    )
    [created] = log_entries("loa.account.create", user)
    [granted] = log_entries("loa.role.grant", assignment)
    for entry in (created, granted):
        assert entry.user == admin_a
        assert entry.data["ip"] == "127.0.0.1"


def test_cannot_grant_a_role_one_does_not_hold(client_a, orgs):
    response = client_a.post(
        reverse("loa_accounts:create"),
        new_account_data(orgs.department, role=Role.AGENCY_AUTHOR),
    )
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not User.objects.filter(username="nguyen.van.an").exists()
    assert not ModelLogEntry.objects.filter(action__startswith="loa.").exists()


def test_organization_of_another_province_is_not_a_choice(client_a, orgs):
    response = client_a.post(reverse("loa_accounts:create"), new_account_data(orgs.ha_noi_police))
    assert response.status_code == 200
    assert "organization" in response.context["form"].errors
    assert not User.objects.filter(username="nguyen.van.an").exists()
    choices = set(response.context["form"].fields["organization"].queryset)
    assert choices == {orgs.dong_nai_police, orgs.commune_police, orgs.department}


@pytest.mark.parametrize("password", ["Ab-12", "onlylettersherelong"])
def test_weak_password_is_an_error_on_the_password_field(client_a, orgs, password):
    data = new_account_data(orgs.commune_police, password=password, password2=password)
    response = client_a.post(reverse("loa_accounts:create"), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"password"}
    assert not User.objects.filter(username="nguyen.van.an").exists()


def test_mismatched_confirmation_is_refused(client_a, orgs):
    data = new_account_data(orgs.commune_police, password2="Something-else-1")
    response = client_a.post(reverse("loa_accounts:create"), data)
    assert set(response.context["form"].errors) == {"password2"}
    assert not User.objects.filter(username="nguyen.van.an").exists()


def test_duplicate_username_is_an_error_on_the_username_field(client_a, orgs, commune_officer):
    data = new_account_data(orgs.commune_police, username="Commune_Officer")
    response = client_a.post(reverse("loa_accounts:create"), data)
    assert set(response.context["form"].errors) == {"username"}


# Granting and revoking


def test_grant_and_revoke_a_role(client_a, admin_a, orgs, commune_officer):
    response = client_a.post(
        reverse("loa_accounts:grant_role", args=[commune_officer.pk]),
        {"organization": orgs.commune_police.pk, "role": Role.UNIT_ADMIN},
    )
    assert response.status_code == 302
    assignment = commune_officer.role_assignments.get(role=Role.UNIT_ADMIN)
    assert log_entries("loa.role.grant", assignment)[0].user == admin_a

    response = client_a.post(
        reverse("loa_accounts:revoke_role", args=[commune_officer.pk, assignment.pk])
    )
    assert response.status_code == 302
    assert not commune_officer.role_assignments.filter(role=Role.UNIT_ADMIN).exists()
    assert log_entries("loa.role.revoke", assignment)


def test_grant_refusals_come_back_on_the_form(client_a, orgs, commune_officer):
    url = reverse("loa_accounts:grant_role", args=[commune_officer.pk])
    refused = client_a.post(url, {"organization": orgs.department.pk, "role": Role.AGENCY_AUTHOR})
    assert refused.status_code == 200
    assert "role" in refused.context["grant_form"].errors
    duplicate = client_a.post(
        url, {"organization": orgs.commune_police.pk, "role": Role.POLICE_APPRAISER}
    )
    assert duplicate.status_code == 200
    assert duplicate.context["grant_form"].non_field_errors()
    assert commune_officer.role_assignments.count() == 1


def test_revoke_refused_for_a_role_the_admin_cannot_grant(client_a, orgs):
    head = make_user((orgs.department, Role.AGENCY_HEAD))
    assignment = head.role_assignments.get()
    detail = client_a.get(reverse("loa_accounts:detail", args=[head.pk]))
    assert detail.context["assignment_rows"] == [(assignment, False)]
    response = client_a.post(reverse("loa_accounts:revoke_role", args=[head.pk, assignment.pk]))
    assert response.status_code == 302
    assert head.role_assignments.exists()


# Disabling and enabling


def test_disable_and_enable_a_commune_account(client_a, admin_a, commune_officer):
    response = client_a.post(reverse("loa_accounts:disable", args=[commune_officer.pk]))
    assert response.status_code == 302
    commune_officer.refresh_from_db()
    assert not commune_officer.is_active
    [entry] = log_entries("loa.account.disable", commune_officer)
    assert entry.user == admin_a and entry.data["ip"] == "127.0.0.1"

    client_a.post(reverse("loa_accounts:enable", args=[commune_officer.pk]))
    commune_officer.refresh_from_db()
    assert commune_officer.is_active
    assert log_entries("loa.account.enable", commune_officer)


def test_admin_cannot_disable_himself(client_a, admin_a):
    detail = client_a.get(reverse("loa_accounts:detail", args=[admin_a.pk]))
    assert not detail.context["can_manage"]
    response = client_a.post(reverse("loa_accounts:disable", args=[admin_a.pk]))
    assert response.status_code == 302
    admin_a.refresh_from_db()
    assert admin_a.is_active
    assert not log_entries("loa.account.disable", admin_a)


def test_account_shared_with_another_province_cannot_be_disabled(client_a, orgs):
    shared = make_user(
        (orgs.commune_police, Role.POLICE_APPRAISER), (orgs.ha_noi_police, Role.POLICE_APPRAISER)
    )
    client_a.post(reverse("loa_accounts:disable", args=[shared.pk]))
    shared.refresh_from_db()
    assert shared.is_active
