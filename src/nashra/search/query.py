"""The search itself: a reader's request turned into a Wagtail search over live articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale
from wagtail.search.query import And, PlainText

from nashra.engines.text.arabic import query_terms
from nashra.engines.text.stem import stem
from nashra.newsroom.models import ArticlePage, SectionPage
from nashra.newsroom.models.search_fields import facet_words, month_words
from nashra.newsroom.published import only_published_for_search
from nashra.search.backends import Facet

QUERY_MAX_CHARS = 200
# A date range of up to this many months is also said in month words (`month_words`);
# a wider one rejects few stories, so the walk through the latest matches is short anyway.
MONTH_FACETS_MAX = 24


@dataclass
class SearchRequest:
    text: str = ""
    section: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    languages: list[str] = field(default_factory=list)

    @property
    def terms(self) -> list[str]:
        return query_terms(self.text[:QUERY_MAX_CHARS])


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight in Dubai: the newsroom's day, not UTC's."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=ZoneInfo(settings.NASHRA_PUBLIC_TIME_ZONE))


@dataclass
class Narrowing:
    """The articles a search may return, and the index words that say the same (facets)."""

    articles: object
    facets: list[list[str]] = field(default_factory=list)  # all of these, each any of its words


def narrowing(request: SearchRequest) -> Narrowing:
    """Published articles narrowed by language, section and Dubai date range (before searching)."""
    articles = only_published_for_search(ArticlePage.objects.all()).select_related("locale")
    facets = []
    if request.languages:
        locale_ids = list(
            Locale.objects.filter(language_code__in=request.languages).values_list("id", flat=True)
        )
        if not locale_ids:
            return Narrowing(articles.none())
        articles = articles.filter(locale_id__in=locale_ids)
        facets.append([word for pk in locale_ids for word in facet_words(locale_id=pk)])
    if request.section:
        sections = SectionPage.objects.filter(slug=request.section)
        if request.languages:
            sections = sections.filter(locale__language_code__in=request.languages)
        found = list(sections.values_list("pk", "path"))
        if not found:
            return Narrowing(articles.none())
        articles = articles.filter(reduce(or_, (Q(path__startswith=path) for _, path in found)))
        facets.append([word for pk, _ in found for word in facet_words(section_id=pk)])
    if request.date_from:
        articles = articles.filter(first_published_at__gte=start_of_day(request.date_from))
    if request.date_to:
        next_day = request.date_to + dt.timedelta(days=1)
        articles = articles.filter(first_published_at__lt=start_of_day(next_day))
    if request.date_from and request.date_to:
        months = month_words(request.date_from, request.date_to)
        if 0 < len(months) <= MONTH_FACETS_MAX:
            facets.append(months)
    return Narrowing(articles, facets)


def search_articles(request: SearchRequest):
    """Search results, best first; empty when the query has no words left after folding.

    Only folded word characters reach the backend (see `query_terms`), so quotes,
    operators and SQL characters in the reader's text are inert.
    """
    terms = request.terms
    if not terms:
        return ArticlePage.objects.none()
    narrowed = narrowing(request)
    # Arabic words are indexed as their light stems (NormalisedSearchField): so are they asked.
    words = list(dict.fromkeys(stem(term) for term in terms))
    query = PlainText(" ".join(words), operator="and")
    if narrowed.facets:
        # Each filter is also an index word (one of several for "any of"), so the
        # full-text index narrows the search before a single story is read.
        facets = [Facet([PlainText(word) for word in words]) for words in narrowed.facets]
        query = And([query, *facets])
    return narrowed.articles.search(query)
