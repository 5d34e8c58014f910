"""The default standard sections, after Decree 224/2026/NĐ-CP, Article 9 (as DESIGN.md reports it).

Data, not code: a province edits, reorders or adds to this list in the admin (Settings → Standard
sections), and sites provisioned afterwards follow it. `required_by` cites the text only where the
project's summary of the decree names the content; a province fills in the rest from the text that
binds it.
"""

from django.db import migrations

ART_9 = "Nghị định 224/2026/NĐ-CP, Điều 9"
PEOPLES_COMMITTEE = ["peoples_committee"]

DEFAULT_SECTIONS = [
    dict(title="Giới thiệu", slug="gioi-thieu", page_kind="organization",
         required_by=f"{ART_9}: sơ đồ tổ chức; chức năng, nhiệm vụ, quyền hạn; lịch sử hình thành;"
                     " tiểu sử tóm tắt của lãnh đạo."),
    dict(title="Tin tức", slug="tin-tuc", page_kind="section"),
    dict(title="Văn bản", slug="van-ban", page_kind="section"),
    dict(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh", page_kind="section",
         required_by=f"{ART_9}: thủ tục hành chính và dịch vụ công trực tuyến."),
    dict(title="Hỏi đáp", slug="hoi-dap", page_kind="section"),
    dict(title="Lịch công tác", slug="lich-cong-tac", page_kind="section"),
    dict(title="Bản đồ địa giới hành chính", slug="ban-do-dia-gioi-hanh-chinh", page_kind="section",
         for_kinds=PEOPLES_COMMITTEE, show_in_menus=False,
         required_by=f"{ART_9}: bản đồ địa giới hành chính (Ủy ban nhân dân các cấp)."),
    dict(title="Điều kiện tự nhiên", slug="dieu-kien-tu-nhien", page_kind="section",
         for_kinds=PEOPLES_COMMITTEE, show_in_menus=False,
         required_by=f"{ART_9}: điều kiện tự nhiên (Ủy ban nhân dân các cấp)."),
    dict(title="Văn hóa", slug="van-hoa", page_kind="section",
         for_kinds=PEOPLES_COMMITTEE, show_in_menus=False,
         required_by=f"{ART_9}: văn hóa (Ủy ban nhân dân các cấp)."),
    dict(title="Danh lam thắng cảnh", slug="danh-lam-thang-canh", page_kind="section",
         for_kinds=PEOPLES_COMMITTEE, show_in_menus=False,
         required_by=f"{ART_9}: danh lam thắng cảnh (Ủy ban nhân dân các cấp)."),
    dict(title="Liên hệ", slug="lien-he", page_kind="contact"),
]


def create_sections(apps, schema_editor):
    StandardSection = apps.get_model("portal", "StandardSection")
    for order, section in enumerate(DEFAULT_SECTIONS, start=1):
        StandardSection.objects.get_or_create(
            slug=section["slug"], defaults={**section, "sort_order": order * 10}
        )


def delete_sections(apps, schema_editor):
    StandardSection = apps.get_model("portal", "StandardSection")
    StandardSection.objects.filter(slug__in=[s["slug"] for s in DEFAULT_SECTIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(create_sections, delete_sections)]
