"""An index on Wagtail's pages by (depth, path), for a newsroom of 100,000 stories.

Treebeard finds the root, and every level of the tree, with `depth = N ORDER BY path`;
Wagtail asks for the root on every admin page (the sidebar's explorable root). With only
the (depth, first_published_at) index, and statistics that say a depth holds 25,000 pages
on average, SQLite reads the whole path index to find the one root page: 100 ms on every
admin page. With this index it reads the root directly (3 ms), and the explorer still
reads a section newest first from its own index (bench/newsroom.py).
"""

from django.db import migrations

INDEX = "newsroom_page_depth_path_idx"


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0007_indexes_for_a_large_archive")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
