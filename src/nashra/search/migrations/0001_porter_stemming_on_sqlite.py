"""English stemming on SQLite: rebuild Wagtail's FTS5 table with the porter tokenizer.

Wagtail creates `wagtailsearch_indexentry_fts` with FTS5's default tokenizer, which
does not stem ("markets" would not find "market"). The index entries are the source
of truth, so the FTS table is recreated and refilled from them. PostgreSQL stems
through SEARCH_CONFIG = "english" instead; this migration does nothing there.
"""

from django.db import migrations

FTS = "wagtailsearch_indexentry_fts"
ENTRIES = "wagtailsearch_indexentry"


def fts_columns(tokenizer: str) -> str:
    return (
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(autocomplete, body, title, tokenize='{tokenizer}')"
    )


def retokenize(tokenizer: str):
    def run(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite":
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE name = %s", [FTS])
            if cursor.fetchone() is None:
                return  # no FTS5 in this SQLite: Wagtail falls back to its plain backend
            cursor.execute(f"DROP TABLE {FTS}")
            cursor.execute(fts_columns(tokenizer))
            cursor.execute(
                f"INSERT INTO {FTS}(rowid, title, body, autocomplete) "  # noqa: S608
                f"SELECT id, title, body, autocomplete FROM {ENTRIES}"
            )

    return run


class Migration(migrations.Migration):
    # Recorded as ("finder", ...) before the app's label changed: applied there, applied here.
    replaces = [("finder", "0001_porter_stemming_on_sqlite")]
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [
        migrations.RunPython(
            retokenize("porter unicode61 remove_diacritics 2"),
            retokenize("unicode61"),
        )
    ]
