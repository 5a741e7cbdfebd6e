"""Indexes on Wagtail's tables that a newsroom of 100,000 stories needs (bench/newsroom.py).

1. "Which scheduled stories are due?" is asked by public requests every 15 s
   (nashra.newsroom.scheduling) and by the dashboard. It filters page revisions on
   `approved_go_live_at`; with only Wagtail's single-column indexes SQLite, lacking
   statistics, picks `base_content_type_id` (equal for every page revision) and reads
   every revision: 200 ms. This index covers both conditions and holds only scheduled
   revisions, so it is tiny and the obvious choice everywhere.
2. The admin explorer lists a section newest first (`-latest_revision_created_at`,
   nulls last). Without an index the database sorts every story of the section, and
   works out Wagtail's per-row annotations (translations, site root, schedule) for all
   of them before keeping 50. With it, it reads the newest 50 and stops. PostgreSQL
   needs the exact `DESC NULLS LAST` order; SQLite's ascending index read backwards is
   that order already.
"""

from django.db import migrations

DUE = "newsroom_revision_due_idx"
LATEST = "newsroom_page_latest_rev_idx"


def create_latest(apps, schema_editor):
    order = "DESC NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {LATEST} "
        f"ON wagtailcore_page (latest_revision_created_at {order})"
    )


def drop_latest(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {LATEST}")


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0004_agency_arabic_full_name"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {DUE} ON wagtailcore_revision "
            "(base_content_type_id, approved_go_live_at) WHERE approved_go_live_at IS NOT NULL",
            f"DROP INDEX IF EXISTS {DUE}",
        ),
        migrations.RunPython(create_latest, drop_latest),
    ]
