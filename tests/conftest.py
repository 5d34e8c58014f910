"""Shared fixtures: the real administrative units, loaded once per test database."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from loa.units.loading import load_units
from loa.units.models import AdminUnit


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database holds all 34 provinces and 3,321 communes, as production does."""
    with django_db_blocker.unblock():
        load_units()
    yield


@pytest.fixture
def province(db) -> AdminUnit:
    return AdminUnit.objects.get(code="75")  # Đồng Nai


@pytest.fixture
def other_province(db) -> AdminUnit:
    return AdminUnit.objects.get(code="01")  # Hà Nội


@pytest.fixture
def commune(province) -> AdminUnit:
    return AdminUnit.objects.communes_of(province).order_by("code").first()


@pytest.fixture
def other_commune(province, commune) -> AdminUnit:
    return AdminUnit.objects.communes_of(province).exclude(pk=commune.pk).order_by("code").first()


@pytest.fixture
def call(db):
    return call_command


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with empty caches: a rolled-back database must not meet cached answers."""
    from django.core.cache import caches

    from loa.process_cache import clear_process_caches

    for cache in caches.all():
        cache.clear()
    clear_process_caches()
    yield
