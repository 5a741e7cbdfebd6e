"""The edition's language: which edition a language code, a request or a page belongs to.

Nashra has one edition per entry of `settings.LANGUAGES` ("en", the default, at `/`, and
"ar" at `/ar/`). Every question of the form "which edition is this?", "is it written right
to left?" or "what is this credit called in that edition?" is answered here, so that a
regional code ("ar-ae"), no language at all, or an unknown one is handled one way only.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def editions() -> tuple[str, ...]:
    """The editions' language codes, the default first."""
    codes = [code for code, _name in settings.LANGUAGES]
    return (settings.LANGUAGE_CODE, *(code for code in codes if code != settings.LANGUAGE_CODE))


def edition_of(code: str | None) -> str:
    """The edition `code` belongs to: "ar-ae" and "ar" are "ar"; none or unknown, the default."""
    base = (code or "").split("-")[0].split("_")[0].lower()
    return base if base in editions() else settings.LANGUAGE_CODE


def current_edition() -> str:
    """The edition of the active language (the URL's /ar/ prefix, a `translation.override`)."""
    return edition_of(translation.get_language())


def edition_of_page(page) -> str:
    """The edition a Wagtail page (or anything with a `locale`) is written for."""
    return edition_of(page.locale.language_code)


def is_right_to_left(code: str | None) -> bool:
    """True when `code`'s edition is written right to left (Django's LANGUAGES_BIDI)."""
    return edition_of(code) in settings.LANGUAGES_BIDI


def text_direction(code: str | None) -> str:
    """The HTML `dir` of `code`'s edition: "rtl" or "ltr"."""
    return "rtl" if is_right_to_left(code) else "ltr"


def is_arabic(code: str | None) -> bool:
    return edition_of(code) == "ar"


def edition_root(code: str | None) -> str:
    """Where an edition's home is: "/" for the default, "/ar/" for Arabic."""
    edition = edition_of(code)
    return "/" if edition == settings.LANGUAGE_CODE else f"/{edition}/"


def name_in(obj, language: str | None = None, *fields: str) -> str:
    """`obj`'s name as the `language` edition prints it (the active edition when None).

    Each field (default "name") is looked for in the edition's language first
    (`<field>_ar`), then each in the default language (`<field>`, or `<field>_en` where a
    model spells it so). The first that is not empty wins:
    `name_in(agency, "ar", "full_name", "name")` tries full_name_ar, name_ar, full_name,
    name. An empty string when none is set.
    """
    edition = edition_of(language) if language is not None else current_edition()
    fields = fields or ("name",)
    candidates = []
    if edition != settings.LANGUAGE_CODE:
        candidates += [f"{field}_{edition}" for field in fields]
    for field in fields:
        candidates += [field, f"{field}_{settings.LANGUAGE_CODE}"]
    for attribute in candidates:
        value = getattr(obj, attribute, None)
        if value:
            return value
    return ""
