"""The default routing table, from seed 001 adapted to two-level local government.

Rules are data: a province adds its own rules (they are tried before these) or edits these.
"""

from django.db import migrations

DEFAULT_RULES = [
    {
        "priority": 10,
        "name": "Phạm vi toàn quốc: Phòng PC06 Công an tỉnh thẩm định, Cục C06 Bộ Công an duyệt",
        "scope_levels": ["national"],
        "handler": "province_division",
        "ministry_approval": True,
    },
    {
        "priority": 20,
        "name": "Cơ quan, đơn vị, tổ chức cấp xã: Công an cấp xã nơi gửi",
        "sender_levels": ["commune"],
        "handler": "sender_commune_police",
    },
    {
        "priority": 30,
        "name": (
            "Cơ quan chuyên môn thuộc UBND tỉnh, cơ quan trung ương đóng trên địa bàn, tổ chức"
            " chính trị - xã hội cấp tỉnh: Phòng PC06 Công an tỉnh"
        ),
        "handler": "province_division",
    },
]


def create_rules(apps, schema_editor):
    RoutingRule = apps.get_model("bulletins", "RoutingRule")
    for rule in DEFAULT_RULES:
        RoutingRule.objects.get_or_create(province=None, name=rule["name"], defaults=rule)


def delete_rules(apps, schema_editor):
    RoutingRule = apps.get_model("bulletins", "RoutingRule")
    RoutingRule.objects.filter(province=None, name__in=[r["name"] for r in DEFAULT_RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("bulletins", "0001_initial")]
    operations = [migrations.RunPython(create_rules, delete_rules)]
