"""An index on Wagtail's pages by URL path: a story's URL is found in one lookup.

`HomePage.route` finds a story by its `url_path` instead of walking the tree a level at
a time; without an index that lookup would read every page.
"""

from django.db import migrations

INDEX = "newsroom_page_url_path_idx"


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0008_page_depth_path_index")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (url_path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
