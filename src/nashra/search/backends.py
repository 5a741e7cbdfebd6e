"""Wagtail's database search backend, ranked within a window of the latest matches.

`WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "nashra.search.backends"`.

Wagtail's own database backends rank *every* match before returning the first ten: on
SQLite a correlated FTS5 query per candidate story, on PostgreSQL `ts_rank` over every
matching tsvector, filtered through `title || body`, which no index covers. At 100,000
stories a common word takes seconds. Here a relevance search instead:

1. walks the full-text matches newest first (FTS5's rowid order on SQLite; the index
   entry id on PostgreSQL, against `strip(title || body)` stored with each entry and
   its GIN index, migration search/0003), keeping those the caller's queryset allows
   (live, edition, section, dates: a primary-key probe each on SQLite, a batch at a
   time on PostgreSQL), until it has `NASHRA_SEARCH_WINDOW` + 1;
2. ranks that window by relevance: headline > standfirst > body, as below;
3. counts the window, and says when there were more (`results.capped`).

So results are the most relevant of the latest `NASHRA_SEARCH_WINDOW` matching stories,
exact whenever fewer match. Language, section and date filters are also words in the
index (`ArticlePage.search_facets`), so a filtered search does not walk past the
matches the filter would reject; they narrow the search but do not rank it (`Facet`).
Negated, match-all and unranked searches (`order_by_relevance=False`) are Wagtail's
own; autocomplete (the admin's page search) lists its matches newest first
(`newest_first_autocomplete`).

Weights: on PostgreSQL field boosts become tsvector weights A-D (headline > standfirst
> body). Wagtail's SQLite FTS5 backend ranks with an unweighted `bm25()`, so a word in a
headline counts no more than one in the body; here the FTS5 columns get weights
instead. SQLite stores standfirst and body in one column, so on SQLite it is headline >
(standfirst = body).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connections
from django.db.models import F, FloatField, Func, Lookup, Max
from django.db.models.expressions import RawSQL
from wagtail.models import Page
from wagtail.search.backends.database import SearchBackend as database_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, MatchAll, Not, Or
from wagtail.search.utils import get_descendants_content_types_pks

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"
# FTS5 column order is (autocomplete, body, title): see Wagtail's migration 0006.
COLUMN_WEIGHTS = (0.0, 1.0, 3.0)


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, function=None, template=None):
        return f"bm25({FTS_TABLE}, {', '.join(str(weight) for weight in COLUMN_WEIGHTS)})", []


class Facet(Or):
    """A filter said as index words (nashra.search.query): it narrows, it does not rank."""


def without_facets(query):
    """The reader's own words: a story's edition or month says nothing of its relevance."""
    if isinstance(query, And):
        words = [part for part in query.subqueries if not isinstance(part, Facet)]
        return words[0] if len(words) == 1 else And(words)
    return query


@dataclass
class Window:
    """The ranked primary keys of the latest matches, best first, and whether more matched."""

    ranked: list[tuple[int, float]]
    capped: bool


def window_size() -> int:
    return settings.NASHRA_SEARCH_WINDOW


class WindowedCompilerMixin:
    """Adds `window()`; the results class below pages through it."""

    _window: Window | None = None

    def windowed(self) -> bool:
        return self.order_by_relevance and not isinstance(self.normalized_query(), MatchAll | Not)

    def normalized_query(self):
        return self.query

    def window(self, config) -> Window:
        if self._window is None:
            found = self.latest_matches(config, window_size() + 1)
            capped = len(found) > window_size()
            found = found[: window_size()]
            # Best first; equal scores newest first, as Wagtail orders ties ("-pk").
            found.sort(key=lambda row: (-row[1] if self.higher_is_better else row[1], -row[0]))
            self._window = Window(found, capped)
        return self._window


def sqlite_compiler(base):
    # Imported here: the module needs the FTS5 model, which exists only on SQLite.
    from wagtail.search.backends.database.sqlite.query import MatchExpression, normalize

    class WindowedSQLiteSearchQueryCompiler(WindowedCompilerMixin, base):
        higher_is_better = False  # bm25() is negative, lower is better

        def normalized_query(self):
            return normalize(self.query)

        def allowed_pages(self, object_id_sql):
            """The caller's queryset, narrowed to the page whose id is `object_id_sql`."""
            return self.queryset.order_by().filter(pk=object_id_sql).values("pk")

        def _build_rank_expression(self, vectors, config):
            return WeightedBM25()

        def latest_matches(self, config, limit: int) -> list[tuple[int, float]]:
            connection = connections[self.queryset.db]
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS,
                self.build_search_query(self.normalized_query(), config=config),
            )
            match_sql, match_params = match.as_sql(
                self.queryset.query.get_compiler(connection=connection), connection
            )
            object_id = RawSQL("CAST(entry.object_id AS INTEGER)", ())
            pages_sql, pages_params = self.allowed_pages(object_id).query.sql_with_params()
            content_types = get_descendants_content_types_pks(self.queryset.model)
            # CROSS JOIN keeps SQLite from putting the FTS table inside the loop; rowid DESC
            # is FTS5's own order, so LIMIT stops the walk early.
            rank = WeightedBM25().as_sql(None, None)[0]
            types = ", ".join(["%s"] * len(content_types))
            sql = (
                f"SELECT CAST(entry.object_id AS INTEGER), {rank} FROM {FTS_TABLE} "
                f"CROSS JOIN {ENTRY_TABLE} AS entry ON entry.id = {FTS_TABLE}.rowid "
                f"WHERE {match_sql} AND entry.content_type_id IN ({types}) "
                f"AND EXISTS ({pages_sql}) ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s"
            )
            with connection.cursor() as cursor:
                cursor.execute(sql, [*match_params, *content_types, *pages_params, limit])
                return [(pk, score) for pk, score in cursor.fetchall()]

    return WindowedSQLiteSearchQueryCompiler


# `strip(title || body)`, stored by PostgreSQL with each entry (migration search/0003).
STORED_WORDS = RawSQL(f'"{ENTRY_TABLE}"."nashra_words"', [], output_field=SearchVectorField())


class AnyOf(Lookup):
    """`column = ANY(%s)`: a list of ids as one array parameter (PostgreSQL).

    `pk__in` spells out one parameter per id, and preparing 250 of them costs Django
    and psycopg more than PostgreSQL takes to answer.
    """

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, list(self.rhs))


# The ids of the newest slice of index entries the PostgreSQL walk reads; each older
# slice is SLICE_GROWTH times wider. A word in one story in ten fills a window of 200
# from the first slice; a word in one in a thousand takes three slices to 100,000.
FIRST_SLICE = 10_000
SLICE_GROWTH = 8


def newest_first(matches, newest: int, batch: int) -> Iterator[tuple[int, int]]:
    """(index entry id, page id) of `matches`, newest first, read a slice of ids at a time.

    A slice bounds what PostgreSQL reads whichever way it finds the matches: walking
    the ids backwards checking each entry (a common word) stops at the slice's end, and
    looking the words up in the GIN index (a rarer one) fetches only the slice's
    matches, not every match in the archive, before sorting them.
    """
    upper, width = newest + 1, FIRST_SLICE  # the slice is [upper - width, upper)
    while upper > 0:
        lower = upper - width
        in_slice = matches.filter(id__gte=lower, id__lt=upper)
        rows = list(in_slice.values_list("id", "object_id")[:batch])
        yield from ((entry, int(page)) for entry, page in rows)
        if len(rows) == batch:
            upper = rows[-1][0]  # maybe more: a slice as wide, below the last one read
        else:
            upper, width = lower, width * SLICE_GROWTH


def postgres_compiler(base):
    class WindowedPostgresSearchQueryCompiler(WindowedCompilerMixin, base):
        higher_is_better = True  # ts_rank

        def latest_matches(self, config, limit: int) -> list[tuple[int, float]]:
            latest = self.latest_allowed_entries(config, limit)
            ranked_query = without_facets(self.query)
            rank = self.build_tsrank(F("title"), ranked_query, config=config) * F("title_norm")
            rank += self.build_tsrank(F("body"), ranked_query, config=config)
            scores = dict(
                IndexEntry.objects.filter(AnyOf(F("id"), [entry for entry, _ in latest]))
                .annotate(score=rank)
                .values_list("id", "score")
            )
            return [(page, scores[entry]) for entry, page in latest]

        def latest_allowed_entries(self, config, limit: int) -> list[tuple[int, int]]:
            """(index entry id, page id) of the latest `limit` matches the caller allows.

            Matches are read newest first (`newest_first`), and each batch is checked
            against the caller's queryset in one query. Asking for "the latest matches
            that are also allowed" in one statement makes PostgreSQL probe the page
            tables for every match before sorting; the index words for edition, section
            and month (`Facet`) already make almost every match an allowed one, so one
            batch is nearly always enough.
            """
            newest = IndexEntry.objects.aggregate(newest=Max("id"))["newest"]
            if newest is None:
                return []
            content_types = get_descendants_content_types_pks(self.queryset.model)
            matches = (
                IndexEntry.objects.filter(content_type_id__in=content_types)
                .annotate(_words_=STORED_WORDS)
                .filter(_words_=self.build_tsquery(self.query, config=config))
                .order_by("-id")
            )
            batch = limit + limit // 4
            candidates = newest_first(matches, newest, batch)
            found: list[tuple[int, int]] = []
            while len(found) < limit:
                rows = list(islice(candidates, batch))
                if not rows:
                    break
                allowed = set(
                    self.queryset.order_by()
                    .filter(AnyOf(F("pk"), [page for _, page in rows]))
                    .values_list("pk", flat=True)
                )
                found.extend((entry, page) for entry, page in rows if page in allowed)
            return found[:limit]

    return WindowedPostgresSearchQueryCompiler


def windowed_results(base):
    class WindowedSearchResults(base):
        def _windowed(self) -> bool:
            # Autocomplete (the admin's page search) shares this class; its compiler is Wagtail's.
            compiler = self.query_compiler
            return isinstance(compiler, WindowedCompilerMixin) and compiler.windowed()

        def _window(self) -> Window:
            return self.query_compiler.window(self.query_compiler.get_config(self.backend))

        @property
        def capped(self) -> bool:
            """More stories matched than the window holds (the count is the window's)."""
            return self._windowed() and self._window().capped

        def _do_count(self):
            if not self._windowed():
                return super()._do_count()
            return len(self._window().ranked)

        def _do_search(self):
            if not self._windowed():
                return super()._do_search()
            ranked = self._window().ranked[self.start : self.stop]
            objects = self.query_compiler.queryset.in_bulk([pk for pk, _ in ranked])
            found = []
            for pk, score in ranked:
                obj = objects.get(pk)
                if obj is not None:
                    if self._score_field:
                        setattr(obj, self._score_field, score)
                    found.append(obj)
            return found

    return WindowedSearchResults


def newest_first_autocomplete(base):
    """Autocomplete of pages (the admin's page search, the page chooser): newest first.

    Wagtail ranks every autocomplete match by relevance first: 5.6 s for "metro" in the
    admin at 100,000 stories on SQLite. An editor looking up a story wants the latest one
    that starts with what they typed: newest first (by page id) is what the newsroom
    needs, and costs what counting the matches costs (0.4 s for the whole admin page
    there). An explicit ordering (a column header in the admin) still applies.
    """

    class NewestFirstAutocompleteQueryCompiler(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            # Pages only: other models (images, snippets) are small, and need not index "id".
            if self.order_by_relevance and issubclass(self.queryset.model, Page):
                self.order_by_relevance = False
                self.queryset = self.queryset.order_by("-id")

    return NewestFirstAutocompleteQueryCompiler


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    backend = database_search_backend(params)
    vendor = type(backend).__name__
    if vendor == "SQLiteSearchBackend":
        backend.query_compiler_class = sqlite_compiler(backend.query_compiler_class)
    elif vendor == "PostgresSearchBackend":
        backend.query_compiler_class = postgres_compiler(backend.query_compiler_class)
    else:
        return backend  # the plain fallback backend (no FTS5): Wagtail's own behaviour
    backend.autocomplete_query_compiler_class = newest_first_autocomplete(
        backend.autocomplete_query_compiler_class
    )
    backend.results_class = windowed_results(backend.results_class)
    return backend
