"""The Vietnamese catalogue is complete, and the compiled .mo matches the .po."""

import gettext
from pathlib import Path

import polib
import pytest
from django.utils import translation

PACKAGE = Path(__file__).resolve().parents[2] / "loa"
CATALOGUES = [PACKAGE / name / "vi" / "LC_MESSAGES" for name in ("locale", "locale_overrides")]


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parts[-3])
def test_every_message_is_translated(catalogue):
    po = polib.pofile(str(catalogue / "django.po"))
    assert not po.untranslated_entries()
    assert not po.fuzzy_entries()


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parts[-3])
def test_compiled_catalogue_matches_the_source(catalogue):
    po = polib.pofile(str(catalogue / "django.po"))
    with open(catalogue / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in po.translated_entries():
        if entry.msgid_plural:
            continue
        if entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, entry.msgid
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


def test_vietnamese_is_the_default_language(settings):
    assert settings.LANGUAGE_CODE == "vi"
    with translation.override("vi"):
        assert translation.gettext("Police appraiser") == "Cán bộ thẩm định (Công an)"
