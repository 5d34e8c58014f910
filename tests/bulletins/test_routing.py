"""Routing for every kind of sender and scope, on the demo province's real units."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from loa.bulletins.models import Handler, RoutingRule, ScopeLevel
from loa.bulletins.routing import route
from loa.orgs.models import Kind
from loa.units.models import AdminUnit
from tests.bulletins.conftest import LONG_THANH, TRAN_BIEN, make_request
from tests.factories import make_org

pytestmark = pytest.mark.django_db


def routed(demo, sender_code, scope_level, unit_codes=()):
    units = [demo.units[code] for code in unit_codes]
    national = {"national_justification": "Cảnh báo chung"} if scope_level == ScopeLevel.NATIONAL else {}
    request = make_request(demo.orgs[sender_code], scope_level=scope_level, scope_units=units, **national)
    return route(request)


def test_commune_sender_inside_its_commune_goes_to_its_commune_police(demo):
    result = routed(demo, f"UBND-{TRAN_BIEN}", ScopeLevel.COMMUNE, [TRAN_BIEN])
    assert result.handler.code == f"CA-{TRAN_BIEN}"
    assert "cấp xã" in result.rule.name
    assert not result.ministry_approval


@pytest.mark.parametrize(
    "scope_level, units",
    [(ScopeLevel.COMMUNE, [TRAN_BIEN, LONG_THANH]), (ScopeLevel.PROVINCE, ["75"])],
)
def test_commune_sender_with_a_wider_scope_goes_to_the_unit_covering_it(demo, scope_level, units):
    result = routed(demo, f"UBND-{TRAN_BIEN}", scope_level, units)
    assert result.handler.code == "DNI-PC06"
    assert "Phường Trấn Biên" in result.explanation


@pytest.mark.parametrize("sender", ["DNI-STP", "DNI-SVHTTDL", "DNI-THUE", "DNI-MTTQ", "DNI-TDOAN", "DNI-UBND"])
@pytest.mark.parametrize(
    "scope_level, units", [(ScopeLevel.PROVINCE, ["75"]), (ScopeLevel.COMMUNE, [LONG_THANH])]
)
def test_provincial_senders_go_to_pc06(demo, sender, scope_level, units):
    result = routed(demo, sender, scope_level, units)
    assert result.handler.code == "DNI-PC06"
    assert not result.ministry_approval


@pytest.mark.parametrize("sender", [f"UBND-{TRAN_BIEN}", "DNI-STP"])
def test_national_scope_is_appraised_in_the_province_then_approved_by_c06(demo, sender):
    result = routed(demo, sender, ScopeLevel.NATIONAL)
    assert result.handler.code == "DNI-PC06"
    assert result.ministry_approval
    assert "C06" in result.explanation


def test_areas_outside_the_province_are_refused(demo):
    hanoi_commune = AdminUnit.objects.communes_of(AdminUnit.objects.get(code="01")).first()
    request = make_request(demo.orgs["DNI-STP"], scope_level=ScopeLevel.COMMUNE, scope_units=[hanoi_commune])
    with pytest.raises(ValidationError) as error:
        route(request)
    assert "scope_units" in error.value.message_dict


def test_areas_must_match_the_scope_level(demo):
    request = make_request(
        demo.orgs["DNI-STP"], scope_level=ScopeLevel.PROVINCE, scope_units=[demo.units[TRAN_BIEN]]
    )
    with pytest.raises(ValidationError):
        route(request)
    request.scope_units.set([])
    request.scope_level = ScopeLevel.COMMUNE
    with pytest.raises(ValidationError):
        route(request)


def test_a_province_rule_comes_before_the_defaults(demo):
    RoutingRule.objects.create(
        province=demo.units["75"], priority=1, name="Đồng Nai: mọi bài qua PC06",
        handler=Handler.PROVINCE_DIVISION,
    )
    result = routed(demo, f"UBND-{TRAN_BIEN}", ScopeLevel.COMMUNE, [TRAN_BIEN])
    assert result.handler.code == "DNI-PC06"
    assert result.rule.name == "Đồng Nai: mọi bài qua PC06"


def test_missing_commune_police_is_a_clear_error(demo):
    demo.orgs[f"CA-{TRAN_BIEN}"].is_active = False
    demo.orgs[f"CA-{TRAN_BIEN}"].save()
    with pytest.raises(ValidationError) as error:
        routed(demo, f"UBND-{TRAN_BIEN}", ScopeLevel.COMMUNE, [TRAN_BIEN])
    assert "Trấn Biên" in str(error.value)


def test_without_a_pc06_division_the_provincial_police_appraise(demo, other_province):
    police = make_org(Kind.PROVINCIAL_POLICE, other_province)
    department = make_org(Kind.DEPARTMENT, other_province)
    request = make_request(department, scope_level=ScopeLevel.PROVINCE, scope_units=[other_province])
    assert route(request).handler == police


def test_rules_validate_their_lists(demo):
    rule = RoutingRule(name="x", handler=Handler.PROVINCE_DIVISION, sender_kinds=["bakery"])
    with translation.override("en"), pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "sender_kinds" in error.value.message_dict
    message = error.value.message_dict["sender_kinds"][0]
    assert "People's Committee" in message and "peoples_committee" not in message
