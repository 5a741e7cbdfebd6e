"""One of several concurrent writers: publishes new revisions of stories, as the admin does.

Run by test_sqlite_writers.py as a separate process (real connections, real commits,
real locks), against the database DATABASE_URL names:

    python -m tests.faults.concurrent_writer INDEX COUNT START_AT

Writer INDEX publishes COUNT stories (every third, from its own offset), starting at the
wall-clock time START_AT so all writers begin together; it prints one JSON line: the
seconds each publish took and the errors it met (type and first line).
"""

import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.site.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402

from nashra.newsroom.models import ArticlePage  # noqa: E402

WRITERS = 3


def main(index: int, count: int, start_at: float) -> dict:
    user = get_user_model().objects.filter(is_superuser=True).first()
    stories = list(ArticlePage.objects.live().order_by("pk")[index::WRITERS][:count])
    waits, errors = [], []
    while time.time() < start_at:
        time.sleep(0.01)
    for story in stories:
        began = time.monotonic()
        try:
            with transaction.atomic():
                story.title = story.title.rstrip(" *") + " *"
                revision = story.save_revision(user=user)
                revision.publish(user=user)
        except Exception as error:  # what a reader of the admin would have seen as a 500
            errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
        waits.append(round(time.monotonic() - began, 3))
    return {
        "writer": index,
        "published": len(stories) - len(errors),
        "waits": waits,
        "errors": errors,
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]))))
