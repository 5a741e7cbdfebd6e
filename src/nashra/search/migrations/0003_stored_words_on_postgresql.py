"""PostgreSQL: each index entry's words, stored once and compact, with their own GIN index.

Search matches `title || body` (nashra.search.backends). Reading that for a row means
fetching both vectors from TOAST, decompressing them and merging them with their
positions: about 13 us a row, and the newest-first walk of a common word reads a
thousand rows. `nashra_words` is the same words without positions or weights
(`strip()`), computed by PostgreSQL whenever Wagtail writes an entry (a generated
column, so no code of ours keeps it in step), and kept in the row itself
(STORAGE MAIN: compressed if it must be, rather than moved out to TOAST; 1.9 KB on
average at 100,000 bench stories). Checking it costs about 3 us a row,
and its GIN index is a third of the expression index it replaces.

Ranking still reads `title` and `body`, which keep positions and weights.

Adding the column rewrites the search index table: about a minute per 100,000 stories,
during which writes to the search index wait. A column type change that Wagtail might
make to `title` or `body` in a later release has to drop this column first (PostgreSQL
refuses to change a column a generated column is made from): run this migration
backwards, upgrade, then forwards again.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
COLUMN = "nashra_words"
# The indexes keep the names they were created with under the app's old label, "finder".
INDEX = "finder_indexentry_words_gin"
OLD_INDEX = "finder_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {COLUMN} tsvector "
        "GENERATED ALWAYS AS (strip(title || body)) STORED"
    )
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN {COLUMN} SET STORAGE MAIN")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin ({COLUMN})")
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
    schema_editor.execute(f"ANALYZE {TABLE}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON {TABLE} USING gin ((title || body))"
    )
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    # Recorded as ("finder", ...) before the app's label changed: applied there, applied here.
    replaces = [("finder", "0003_stored_words_on_postgresql")]
    dependencies = [("search", "0002_title_body_index_on_postgresql")]

    operations = [migrations.RunPython(create, drop)]
