"""The Arabic catalogues: compiled without GNU gettext, complete, and used by the pages."""

import gettext
import io
from pathlib import Path

import pytest

from nashra.site.pofile import PoSyntaxError, compile_mo, parse_po
from tests.support.messages import app_messages, python_messages, template_messages

SRC = Path(__file__).resolve().parents[2] / "src" / "nashra"
# Every Django app of ours (a package with apps.py), so a new app cannot slip past.
CHECKED_APPS = sorted(path.parent.name for path in SRC.glob("*/apps.py"))

SAMPLE_PO = r"""
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=n != 1;\n"

msgid "Nashra"
msgstr "نشرة"

msgctxt "date format"
msgid "j F Y"
msgstr "j F Y"

#, fuzzy
msgid "Guessed"
msgstr "تخمين"

msgid ""
"A long "
"message"
msgstr ""
"رسالة "
"طويلة"

msgid "one story"
msgid_plural "%(n)s stories"
msgstr[0] "خبر واحد"
msgstr[1] "%(n)s أخبار"

msgid "Untranslated"
msgstr ""
"""


def catalogue(po_text: str) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(compile_mo(parse_po(po_text))))


def test_compiled_catalogue_is_read_by_the_standard_gettext():
    t = catalogue(SAMPLE_PO)
    assert t.gettext("Nashra") == "نشرة"
    assert t.pgettext("date format", "j F Y") == "j F Y"
    assert t.gettext("A long message") == "رسالة طويلة"
    assert t.ngettext("one story", "%(n)s stories", 1) == "خبر واحد"
    assert t.ngettext("one story", "%(n)s stories", 5) == "%(n)s أخبار"


def test_fuzzy_and_untranslated_entries_fall_back_to_english():
    t = catalogue(SAMPLE_PO)
    assert t.gettext("Guessed") == "Guessed"
    assert t.gettext("Untranslated") == "Untranslated"


def test_a_broken_line_is_reported_with_its_line_number():
    with pytest.raises(PoSyntaxError, match=r"x.po:2: not a quoted string"):
        parse_po('msgid "ok"\nmsgstr not-quoted\n', "x.po")


def po_entries(app: str):
    path = SRC / app / "locale" / "ar" / "LC_MESSAGES" / "django.po"
    if not path.exists():
        return []
    return parse_po(path.read_text(encoding="utf-8"), str(path))


def test_every_app_is_checked_search_weather_and_feeds_included():
    catalogues = SRC.glob("*/locale/ar/LC_MESSAGES/django.po")
    with_catalogue = {path.parents[3].name for path in catalogues}
    assert with_catalogue <= set(CHECKED_APPS)
    assert {"finder", "syndication", "weather"} <= set(CHECKED_APPS)


@pytest.mark.parametrize("app", CHECKED_APPS)
def test_every_app_with_strings_has_an_arabic_catalogue(app):
    path = SRC / app / "locale" / "ar" / "LC_MESSAGES" / "django.po"
    assert path.exists() or not app_messages(SRC / app), f"{app} has strings but no {path}"


@pytest.mark.parametrize("app", CHECKED_APPS)
def test_every_arabic_entry_is_translated(app):
    empty = [e.msgid for e in po_entries(app) if e.msgid and (not e.translated or e.fuzzy)]
    assert empty == []


@pytest.mark.parametrize("app", CHECKED_APPS)
def test_every_string_in_templates_and_code_is_in_the_apps_catalogue(app):
    in_po = {(e.msgctxt, e.msgid) for e in po_entries(app)}
    missing = {
        f"{msgid!r} (context {context!r}) in {', '.join(where)}"
        for (context, msgid), where in app_messages(SRC / app).items()
        if (context, msgid) not in in_po
    }
    assert missing == set()


def test_the_extractor_sees_trans_blocktrans_and_gettext_calls():
    source = (
        '{% load i18n %}{% trans "Top stories" %}{% translate \'Tags\' context "x" as t %}'
        "{% blocktrans with n=a.b %}Page {{ n }} of 100%{% endblocktrans %}"
        "{% blocktrans trimmed %}\n  Two\n  lines\n{% endblocktrans %}"
    )
    assert list(template_messages(source)) == [
        (None, "Top stories"),
        ("x", "Tags"),
        (None, "Page %(n)s of 100%%"),
        (None, "Two lines"),
    ]
    code = 'from x import _\nA = _("One")\nB = pgettext_lazy("ctx", "Two")\nC = _(name)\n'
    assert list(python_messages(code)) == [(None, "One"), ("ctx", "Two")]


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/", ["Skip to content", "Top stories", "Nashra: news from the UAE and the world."]),
        ("/ar/", ["انتقل إلى المحتوى", "أبرز الأخبار", "نشرة: أخبار الإمارات والعالم."]),
    ],
)
def test_each_edition_speaks_its_language(db, client, url, expected):
    html = client.get(url).content.decode()
    for text in expected:
        assert text in html


def test_prayer_names_have_arabic_in_the_site_catalogue():
    from django.utils import translation

    names = {
        "Fajr": "الفجر",
        "Shuruq": "الشروق",
        "Dhuhr": "الظهر",
        "Asr": "العصر",
        "Maghrib": "المغرب",
        "Isha": "العشاء",
        "Jumu'ah": "صلاة الجمعة",
    }
    with translation.override("ar"):
        assert {name: translation.gettext(name) for name in names} == names
