"""Search fields whose text is folded and stemmed (Arabic) before it is indexed."""

import datetime as dt

from wagtail.search import index

from nashra.engines.text.arabic import normalise
from nashra.engines.text.stem import index_text


class NormalisedSearchField(index.SearchField):
    """A SearchField indexed folded, Arabic words as their light stems.

    Queries are folded and stemmed the same way (nashra.search.query); English words
    are left to the database's own stemmer (FTS5 porter, PostgreSQL's "english").
    """

    def get_value(self, obj):
        value = super().get_value(obj)
        return index_text(normalise(value)) if isinstance(value, str) else value


def facet_words(locale_id: int | None = None, section_id: int | None = None) -> list[str]:
    """Words that stand for an edition and a section in the search index.

    Indexed with each article (`ArticlePage.search_facets`, with its `month_word`) and
    added to a filtered query (nashra.search.query), so the full-text index itself
    narrows a search to an edition, a section or a span of months. Ids, not slugs or
    tree paths: they survive renames and reordering.
    """
    words = []
    if locale_id is not None:
        words.append(f"nashralocale{locale_id}")
    if section_id is not None:
        words.append(f"nashrasection{section_id}")
    return words


def month_word(day: dt.date) -> str:
    """The index word for the month of `day` (a story's first publication, in Dubai)."""
    return f"nashramonth{day.year:04d}{day.month:02d}"


def month_words(first: dt.date, last: dt.date) -> list[str]:
    """The month words of every month from `first` to `last`, both included."""
    words = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        words.append(month_word(dt.date(year, month, 1)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return words


def without_search_field(fields, name: str) -> list:
    """`fields` minus the SearchField for `name`, so a subclass can index it differently."""
    return [f for f in fields if not (type(f) is index.SearchField and f.field_name == name)]
