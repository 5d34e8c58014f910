import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loa.units.models import AdminUnit, Level, unit_contains

pytestmark = pytest.mark.django_db


def test_all_provinces_and_communes_are_loaded():
    assert AdminUnit.objects.filter(level=Level.PROVINCE).count() == 34
    assert AdminUnit.objects.filter(level=Level.COMMUNE).count() == 3321


def test_official_codes_are_zero_padded(province):
    assert province.code == "75"
    assert province.name == "Đồng Nai"
    assert AdminUnit.objects.get(code="00070").name == "Phường Hoàn Kiếm"


def test_communes_of_a_province_is_one_query(province):
    with CaptureQueriesContext(connection) as queries:
        communes = list(AdminUnit.objects.communes_of(province))
    assert len(queries) == 1
    assert len(communes) == 95
    assert all(c.province_id == province.pk and c.level == Level.COMMUNE for c in communes)


def test_unit_contains_is_one_query(province, commune, other_province):
    with CaptureQueriesContext(connection) as queries:
        assert unit_contains(province.code, commune.code)
    assert len(queries) == 1
    assert not unit_contains(other_province.code, commune.code)
    assert unit_contains("VN", commune.code)
    assert unit_contains(commune.code, commune.code)
    assert not unit_contains(commune.code, province.code)
    assert not unit_contains("99999", commune.code)


def test_contains_on_loaded_units(province, commune, other_province):
    nation = AdminUnit.objects.get(code="VN")
    assert nation.contains(commune)
    assert province.contains(commune)
    assert not other_province.contains(commune)
    assert not commune.contains(province)


def test_optional_district_level(province):
    district = AdminUnit.objects.create(
        code="731", name="Huyện Thử", codename="huyen_thu", kind="huyen",
        level=Level.DISTRICT, parent=province,
    )
    commune = AdminUnit.objects.create(
        code="99990", name="Xã Thử", codename="xa_thu", kind="xa",
        level=Level.COMMUNE, parent=district,
    )
    assert district.province == province and district.district == district
    assert commune.province == province and commune.district == district
    assert unit_contains(district.code, commune.code)
    assert unit_contains(province.code, commune.code)
    assert list(AdminUnit.objects.within(district)) == [district, commune]


def test_reloading_is_idempotent(call):
    call("load_units", "--force", verbosity=0)
    assert AdminUnit.objects.filter(level=Level.COMMUNE).count() == 3321
    assert AdminUnit.objects.get(code="75").province_id == AdminUnit.objects.get(code="75").pk
