"""Highlighting marks the Arabic words a stemmed search matched, whole."""

from nashra.engines.text.arabic import query_terms
from nashra.engines.text.highlight import snippet


def test_stemmed_arabic_match_marks_the_whole_word():
    text = "اتفاق بين مصر والإمارات، ومعرض بالإمارات، وسعر الذهب"
    marked = snippet(text, query_terms("الامارات ذهب"))
    assert marked == (
        "اتفاق بين مصر <mark>والإمارات</mark>، ومعرض <mark>بالإمارات</mark>، "
        "وسعر <mark>الذهب</mark>"
    )


def test_english_highlight_is_unchanged():
    assert snippet("Markets rallied; the market rose", ["market"]) == (
        "<mark>Market</mark>s rallied; the <mark>market</mark> rose"
    )


def test_arabic_word_with_another_stem_is_not_marked():
    assert "<mark>" not in snippet("ذهبت إلى المدرسة", query_terms("مدرج"))
