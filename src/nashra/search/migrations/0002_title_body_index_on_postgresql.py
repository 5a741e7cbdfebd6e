"""PostgreSQL: a GIN index on `title || body`, the vector Wagtail's search matches against.

Wagtail indexes `title` and `body` separately, but its query (and ours, in
nashra.search.backends) matches the concatenation, which neither index covers: every
search read every index entry. SQLite's FTS5 table is its own index; nothing to do there.
Building the index locks writes to the search index for as long as it takes (about a
minute per 100,000 stories).
"""

from django.db import migrations

# The index keeps the name it was created with under the app's old label, "finder".
INDEX = "finder_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    # Recorded as ("finder", ...) before the app's label changed: applied there, applied here.
    replaces = [("finder", "0002_title_body_index_on_postgresql")]
    dependencies = [
        ("search", "0001_porter_stemming_on_sqlite"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
