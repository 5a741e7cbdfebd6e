"""Two (or more) workers publishing overdue stories at the same moment.

Run as a separate process by test_scheduling.py, on its own freshly migrated database
(DATABASE_URL), because the race needs real concurrent connections and commits, which
the test suite's per-test transaction would hide. Prints one JSON line.
"""

import json
import os
import sys
import threading
from datetime import timedelta

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.site.settings_test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

WORKERS = int(sys.argv[1]) if len(sys.argv) > 1 else 4


def setup_story():
    from wagtail.models import Locale, Page

    from nashra.newsroom.models import ArticlePage, HomePage, SectionPage

    root = Page.get_first_root_node()
    locale = Locale.objects.get_or_create(language_code="en")[0]
    home = root.add_child(instance=HomePage(title="Race", slug="race", locale=locale))
    section = home.add_child(instance=SectionPage(title="UAE", slug="uae", locale=locale))
    article = section.add_child(
        instance=ArticlePage(title="Due story", slug="due", live=False, locale=locale)
    )
    article.go_live_at = timezone.now() + timedelta(minutes=1)
    revision = article.save_revision()
    revision.publish(skip_permission_checks=True)
    # Time passes: the story is now due.
    due = timezone.now() - timedelta(seconds=5)
    revision.content["go_live_at"] = due.isoformat()
    revision.approved_go_live_at = due
    revision.save(update_fields=["content", "approved_go_live_at"])
    return article


def main():
    call_command("migrate", interactive=False, verbosity=0)
    from wagtail.models import PageLogEntry

    from nashra.newsroom.actions import PublishOverdueAction

    article = setup_story()
    connection.close()
    barrier = threading.Barrier(WORKERS)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(PublishOverdueAction().execute())
        except Exception as error:  # reported to the test, which fails on any
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    article.refresh_from_db()
    print(
        json.dumps(
            {
                "published_counts": sorted(results),
                "errors": errors,
                "log_entries": PageLogEntry.objects.filter(
                    page=article, action="wagtail.publish.scheduled"
                ).count(),
                "live": article.live,
            }
        )
    )


if __name__ == "__main__":
    main()
