"""The English locale, next to the Vietnamese one Wagtail made, so that pages can be translated."""

from django.db import migrations

LANGUAGE_CODES = ("vi", "en")


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_section_page_kinds"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
