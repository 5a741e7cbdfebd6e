"""Wagtail's database search backend, with headline weighting that works on SQLite too.

`WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "nashra.finder.backends"`.

On PostgreSQL this is Wagtail's own backend: field boosts become tsvector weights
A-D (headline > standfirst > body). Wagtail's SQLite FTS5 backend ranks with an
unweighted `bm25()`, so a word in a headline counts no more than one in the body;
here the FTS5 columns get weights instead. SQLite stores standfirst and body in one
column, so on SQLite it is headline > (standfirst = body).
"""

from django.db.models import FloatField, Func
from wagtail.search.backends.database import SearchBackend as database_search_backend

FTS_TABLE = "wagtailsearch_indexentry_fts"
# FTS5 column order is (autocomplete, body, title): see Wagtail's migration 0006.
COLUMN_WEIGHTS = (0.0, 1.0, 3.0)


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({FTS_TABLE}, {weights})", []


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    backend = database_search_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        backend.query_compiler_class = weighted_compiler(backend.query_compiler_class)
    return backend


def weighted_compiler(base):
    class WeightedSQLiteSearchQueryCompiler(base):
        def _build_rank_expression(self, vectors, config):
            return WeightedBM25()

    return WeightedSQLiteSearchQueryCompiler
