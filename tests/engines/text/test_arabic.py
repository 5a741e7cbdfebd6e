"""Arabic folding for search: both sides of the search fold the same way."""

import pytest

from nashra.engines.text.arabic import normalise, query_terms

# Expected foldings written by hand from the brief's rules (diacritics and tatweel
# removed; أ إ آ → ا; ى → ي; ة → ه).
CASES = [
    ("أحمد", "احمد"),
    ("إعلان", "اعلان"),
    ("آمال", "امال"),
    ("مُسْتَشْفَى", "مستشفي"),
    ("مدرسة", "مدرسه"),
    ("عـــربي", "عربي"),
    ("الجَمْعِيَّة", "الجمعيه"),
    ("Dubai METRO", "dubai metro"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_normalise(text, expected):
    assert normalise(text) == expected


def test_query_terms_drop_operators_and_punctuation():
    assert query_terms('"أعلنت" OR title:مترو; DROP--*') == ["اعلنت", "or", "title", "مترو", "drop"]
    assert query_terms("!!! ''") == []


@pytest.mark.parametrize(
    "text", ["إِعْلانُ الجَمْعِيَّة في دبـي", "ΟΔΟΣ Σ σ İstanbul ǅ", "Straße ﬁ ⅫI", ""]
)
def test_normalise_folds_exactly_as_character_by_character_and_highlighting_do(text):
    from nashra.engines.text.arabic import fold_char, normalise_with_offsets

    assert normalise(text) == "".join(fold_char(char) for char in text)
    assert normalise(text) == normalise_with_offsets(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Dubai Metro opens",
        "مترو دبي",
        "إِعْلانُ الجَمْعِيَّة في دبـي",
        "İstanbul ΟΔΟΣ",
        "ﬁnal Straße",
        "",
        "وصل وفد إسطنبول İstanbul إلى دبي لافتتاح المُسْتَشْفَى الجديد",
    ],
)
def test_offsets_point_each_folded_character_at_its_source(text):
    """The fast path (nothing dropped, nothing lowered into two) and the slow one agree."""
    from nashra.engines.text.arabic import fold_char, normalise_with_offsets

    expected = [index for index, char in enumerate(text) for _ in fold_char(char)]
    folded, offsets = normalise_with_offsets(text)
    assert list(offsets) == expected
    assert len(folded) == len(expected)
