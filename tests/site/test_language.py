"""The edition's language, its direction and names in it: one definition each
(nashra.kernel.language), for both editions."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.utils import translation

from nashra.kernel.clock import clock_for
from nashra.kernel.language import (
    current_edition,
    edition_of,
    edition_of_page,
    edition_root,
    editions,
    is_arabic,
    is_right_to_left,
    name_in,
    text_direction,
)
from nashra.newsroom.models import Agency, Author


def test_the_editions_are_english_first_then_arabic():
    assert editions() == ("en", "ar")


@pytest.mark.parametrize(
    "code, edition",
    [
        ("en", "en"),
        ("ar", "ar"),
        ("ar-ae", "ar"),
        ("ar_AE", "ar"),
        ("AR", "ar"),
        ("en-gb", "en"),
        ("fr", "en"),  # no French edition: the default one
        ("", "en"),
        (None, "en"),
    ],
)
def test_a_language_code_belongs_to_one_edition(code, edition):
    assert edition_of(code) == edition


@pytest.mark.parametrize("active, edition", [("en", "en"), ("ar", "ar"), ("ar-ae", "ar")])
def test_the_current_edition_is_the_active_language(active, edition):
    with translation.override(active):
        assert current_edition() == edition


def test_with_no_active_language_the_edition_is_the_default():
    with translation.override(None):
        assert current_edition() == "en"


@pytest.mark.parametrize("code", ["ar", "ar-ae"])
def test_a_page_belongs_to_its_locale_edition(code):
    page = SimpleNamespace(locale=SimpleNamespace(language_code=code))
    assert edition_of_page(page) == "ar"


@pytest.mark.parametrize(
    "code, rtl, direction, root, arabic",
    [("en", False, "ltr", "/", False), ("ar", True, "rtl", "/ar/", True)],
)
def test_direction_home_and_script_of_each_edition(code, rtl, direction, root, arabic):
    assert is_right_to_left(code) is rtl
    assert text_direction(code) == direction
    assert edition_root(code) == root
    assert is_arabic(code) is arabic


AUTHOR = SimpleNamespace(name="Layla Haddad", name_ar="ليلى حداد")
UNTRANSLATED = SimpleNamespace(name="Omar Nasser", name_ar="")
AGENCY = SimpleNamespace(
    name="WAM", name_ar="وام", full_name="Emirates News Agency", full_name_ar=""
)
PLACE = SimpleNamespace(name_en="Dubai", name_ar="دبي")  # prayer places spell it name_en


@pytest.mark.parametrize(
    "obj, fields, english, arabic",
    [
        (AUTHOR, (), "Layla Haddad", "ليلى حداد"),
        (UNTRANSLATED, (), "Omar Nasser", "Omar Nasser"),  # no Arabic name: the English
        (PLACE, (), "Dubai", "دبي"),
        # JSON-LD names an agency by its full name, else its short one, the edition's first.
        (AGENCY, ("full_name", "name"), "Emirates News Agency", "وام"),
        (AGENCY, ("full_name",), "Emirates News Agency", "Emirates News Agency"),
    ],
)
def test_a_name_in_each_edition(obj, fields, english, arabic):
    assert name_in(obj, "en", *fields) == english
    assert name_in(obj, "ar", *fields) == arabic
    assert name_in(obj, "ar-ae", *fields) == arabic


def test_a_name_in_the_active_edition_by_default():
    with translation.override("ar"):
        assert name_in(AUTHOR) == "ليلى حداد"
    with translation.override("en"):
        assert name_in(AUTHOR) == "Layla Haddad"


def test_nothing_to_name_is_an_empty_string():
    assert name_in(SimpleNamespace(), "ar") == ""


def test_credits_are_named_in_the_reader_edition():
    author = Author(name="Layla Haddad", name_ar="ليلى حداد", bio="Reports.", bio_ar="")
    agency = Agency(name="WAM", name_ar="وام", full_name="Emirates News Agency")
    with translation.override("ar"):
        assert (author.display_name, author.display_bio) == ("ليلى حداد", "Reports.")
        assert (agency.display_name, agency.display_full_name) == ("وام", "Emirates News Agency")
    with translation.override("en"):
        assert author.display_name == "Layla Haddad"
        assert (agency.display_name, agency.display_full_name) == ("WAM", "Emirates News Agency")


def test_the_clock_speaks_the_edition_language():
    from datetime import UTC, datetime

    moment = datetime(2023, 9, 22, 11, 16, tzinfo=UTC)
    assert clock_for(moment, "en") == "3.16 PM Friday, 22 September 2023"
    assert clock_for(moment, "ar") == clock_for(moment, "ar-ae") == "3:16 م الجمعة، 22 سبتمبر 2023"
