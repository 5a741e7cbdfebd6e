"""The Arabic catalogues: compiled without GNU gettext, complete, and used by the pages."""

import gettext
import io
import re
from pathlib import Path

import polib
import pytest

from nashra.site.catalogues import compile_catalogues
from tests.support.messages import app_messages, python_messages, template_messages

SRC = Path(__file__).resolve().parents[2] / "src" / "nashra"
# Every Django app of ours (a package with apps.py), so a new app cannot slip past.
CHECKED_APPS = sorted(path.parent.name for path in SRC.glob("*/apps.py"))
CATALOGUES = sorted(SRC.glob("*/locale/*/LC_MESSAGES/*.po"))

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


def compiled(root: Path, po_text: str) -> Path:
    po = root / "app" / "locale" / "ar" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(po_text, encoding="utf-8")
    [mo] = compile_catalogues(root)
    return mo


def catalogue(root: Path, po_text: str) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(compiled(root, po_text).read_bytes()))


def test_compiled_catalogue_is_read_by_the_standard_gettext(tmp_path):
    t = catalogue(tmp_path, SAMPLE_PO)
    assert t.gettext("Nashra") == "نشرة"
    assert t.pgettext("date format", "j F Y") == "j F Y"
    assert t.gettext("A long message") == "رسالة طويلة"
    assert t.ngettext("one story", "%(n)s stories", 1) == "خبر واحد"
    assert t.ngettext("one story", "%(n)s stories", 5) == "%(n)s أخبار"


def test_fuzzy_and_untranslated_entries_fall_back_to_english(tmp_path):
    t = catalogue(tmp_path, SAMPLE_PO)
    assert t.gettext("Guessed") == "Guessed"
    assert t.gettext("Untranslated") == "Untranslated"


def test_an_up_to_date_mo_is_not_rewritten(tmp_path):
    mo = compiled(tmp_path, SAMPLE_PO)
    before = mo.stat().st_mtime_ns
    compile_catalogues(tmp_path)
    assert mo.stat().st_mtime_ns == before


def test_a_broken_line_is_reported_with_its_line_number(tmp_path):
    with pytest.raises(OSError, match=r"Syntax error in po file .*django.po \(line 2\)"):
        compiled(tmp_path, 'msgid "ok"\nmsgstr_typo "x"\n')


# polib reads `msgstr not-quoted` as "ot-quote" where msgfmt stops; this catches it.
PO_LINE = re.compile(r'(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) )?"(?:[^"\\]|\\.)*"')


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: po.parents[3].name)
def test_every_catalogue_line_is_a_comment_or_a_quoted_string(po):
    lines = po.read_text(encoding="utf-8").splitlines()
    broken = [
        f"{po.name}:{number}: {line}"
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith("#") and not PO_LINE.fullmatch(line.strip())
    ]
    assert broken == []


def test_the_line_check_sees_an_unquoted_string():
    assert not PO_LINE.fullmatch("msgstr not-quoted")
    assert not PO_LINE.fullmatch('msgstr "half')
    assert PO_LINE.fullmatch('msgstr[3] "a \\"quoted\\" word"')


def po_entries(app: str) -> list[polib.POEntry]:
    """The live entries of an app's Arabic catalogue (the header is not an entry)."""
    path = SRC / app / "locale" / "ar" / "LC_MESSAGES" / "django.po"
    if not path.exists():
        return []
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def test_every_app_is_checked_search_weather_and_feeds_included():
    catalogues = SRC.glob("*/locale/ar/LC_MESSAGES/django.po")
    with_catalogue = {path.parents[3].name for path in catalogues}
    assert with_catalogue <= set(CHECKED_APPS)
    assert {"search", "syndication", "weather"} <= set(CHECKED_APPS)


@pytest.mark.parametrize("app", CHECKED_APPS)
def test_every_app_with_strings_has_an_arabic_catalogue(app):
    path = SRC / app / "locale" / "ar" / "LC_MESSAGES" / "django.po"
    assert path.exists() or not app_messages(SRC / app), f"{app} has strings but no {path}"


@pytest.mark.parametrize("app", CHECKED_APPS)
def test_every_arabic_entry_is_translated(app):
    empty = [e.msgid for e in po_entries(app) if not e.translated()]
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
