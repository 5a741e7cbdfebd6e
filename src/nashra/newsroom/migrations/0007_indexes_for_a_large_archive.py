"""Indexes on Wagtail's tables that a newsroom of 100,000 stories needs (bench/newsroom.py).

1. "Which scheduled stories are due, which have expired?" is asked by public requests
   every 15 s (nashra.newsroom.scheduling) and by the dashboard. It filters page
   revisions on `approved_go_live_at`; with only Wagtail's single-column indexes SQLite,
   lacking statistics, picks `base_content_type_id` (equal for every page revision) and
   reads every revision: 200 ms. This index covers both conditions and holds only
   scheduled revisions, so it is tiny and the obvious choice everywhere; the admin's
   listings ask it about each row they show ("is this page scheduled?", by `object_id`)
   too. Expiry filters
   pages on `expire_at`, which Wagtail does not index at all (100 ms): a partial index
   of the pages that have one.
2. The admin explorer lists a section newest first (`-latest_revision_created_at`,
   nulls last). Without an index the database sorts every story of the section, and
   works out Wagtail's per-row annotations (translations, site root, schedule) for all
   of them before keeping 50. With it, it reads the newest 50 and stops. PostgreSQL
   needs the exact `DESC NULLS LAST` order; SQLite's ascending index read backwards is
   that order already.
3. Section pages and their blocks on the home page list a section's stories newest first:
   children (`depth` = section + 1) by `first_published_at`. With Wagtail's index on
   `first_published_at` alone SQLite reads all 100,000 pages and sorts a section's
   25,000; with `(depth, first_published_at)` it reads the newest few and stops.
"""

from django.db import migrations

DUE = "newsroom_revision_scheduled_idx"
LATEST = "newsroom_page_latest_rev_idx"
PUBLISHED = "newsroom_page_depth_published_idx"
EXPIRING = "newsroom_page_expiring_idx"


def create_latest(apps, schema_editor):
    order = "DESC NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {LATEST} "
        f"ON wagtailcore_page (latest_revision_created_at {order})"
    )


def drop_latest(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {LATEST}")


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0006_paragraph_block"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {DUE} ON wagtailcore_revision "
            "(base_content_type_id, object_id, approved_go_live_at) "
            "WHERE approved_go_live_at IS NOT NULL",
            f"DROP INDEX IF EXISTS {DUE}",
        ),
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {EXPIRING} ON wagtailcore_page (expire_at) "
            "WHERE expire_at IS NOT NULL",
            f"DROP INDEX IF EXISTS {EXPIRING}",
        ),
        migrations.RunPython(create_latest, drop_latest),
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {PUBLISHED} "
            "ON wagtailcore_page (depth, first_published_at)",
            f"DROP INDEX IF EXISTS {PUBLISHED}",
        ),
    ]
