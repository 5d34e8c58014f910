import pytest
from django.core.exceptions import ValidationError

from loa.orgs.models import Kind, Organization
from loa.orgs.roles import Category
from tests.factories import make_org

pytestmark = pytest.mark.django_db


def test_kind_must_suit_the_level(province, commune):
    with pytest.raises(ValidationError) as error:
        make_org(Kind.COMMUNE_POLICE, province)
    assert "unit" in error.value.message_dict
    with pytest.raises(ValidationError):
        make_org(Kind.DEPARTMENT, commune)


def test_parent_must_cover_the_unit(province, other_province, commune):
    hanoi_police = make_org(Kind.PROVINCIAL_POLICE, other_province)
    with pytest.raises(ValidationError) as error:
        make_org(Kind.COMMUNE_POLICE, commune, parent=hanoi_police)
    assert "parent" in error.value.message_dict
    dongnai_police = make_org(Kind.PROVINCIAL_POLICE, province)
    assert make_org(Kind.COMMUNE_POLICE, commune, parent=dongnai_police).parent == dongnai_police


def test_cycles_in_parents_are_refused(province):
    committee = make_org(Kind.PEOPLES_COMMITTEE, province)
    department = make_org(Kind.DEPARTMENT, province, parent=committee)
    unit_below = make_org(Kind.PUBLIC_SERVICE_UNIT, province, parent=department)
    committee.parent = unit_below
    with pytest.raises(ValidationError) as error:
        committee.full_clean()
    assert "parent" in error.value.message_dict
    committee.parent = committee
    with pytest.raises(ValidationError):
        committee.full_clean()
    assert Organization.objects.get(pk=committee.pk).parent is None


def test_category_and_level(province, commune):
    assert make_org(Kind.POLICE_DIVISION, province).category == Category.POLICE
    assert make_org(Kind.EDITORIAL_BOARD, commune).category == Category.EDITORIAL
    department = make_org(Kind.DEPARTMENT, province)
    assert department.category == Category.AGENCY
    assert department.level == "province"


def test_moving_an_organization_away_from_its_children_is_refused(province, other_province, commune):
    police = make_org(Kind.PROVINCIAL_POLICE, province)
    make_org(Kind.COMMUNE_POLICE, commune, parent=police)
    police.unit = other_province
    with pytest.raises(ValidationError) as error:
        police.full_clean()
    assert "unit" in error.value.message_dict
