"""Scheduled publishing that cannot silently fail.

Three independent safety nets run the same action, `actions.PublishOverdueAction`:
1. the huey periodic task every minute (`nashra serve` runs the consumer; no cron);
2. the first public request to reach the site (a page, a feed, the API), at most once
   per `NASHRA_OVERDUE_CHECK_SECONDS` per cache (and per process: within the window a
   request makes no cache call; after it, one cache `add`):
   `PublishOverdueMiddleware`, placed before the page cache so a cached page cannot hide
   a story whose time has come;
3. the admin dashboard flags anything overdue by more than two minutes.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from django.utils import timezone

logger = logging.getLogger("nashra.newsroom")

OVERDUE_ALERT = timedelta(minutes=2)
# Requests that never publish: the admin (editors publish there themselves), files,
# and the health check, which must not write.
NOT_PUBLIC = ("/admin/", "/django-admin/", "/healthz", "/static/", "/media/")


# This process's own memory of its last check (throttle name -> time.time() it may check
# again), so that within the window a request costs no cache round trip at all; the shared
# cache entry then keeps the app servers from all checking at once.
checked_until: dict[str, float] = {}


def publish_overdue_soon(throttle=None) -> int:
    """Publish overdue stories, unless this process or another request checked moments ago.

    `throttle` is the cache entry that says so (default `OVERDUE_CHECK`; the 404 path
    keeps its own, `OVERDUE_NOT_FOUND_CHECK`).
    """
    from nashra.kernel.cache import OVERDUE_CHECK

    throttle = throttle or OVERDUE_CHECK
    now = time.time()
    if checked_until.get(throttle.name, 0.0) > now:
        return 0
    checked_until[throttle.name] = now + (throttle.timeout or 0)
    if not throttle.add(1):
        return 0
    from nashra.newsroom.actions import PublishOverdueAction

    try:
        return PublishOverdueAction().execute()
    except Exception:  # a reader's page must still render; the worker will retry
        logger.exception("publishing overdue stories from a request failed")
        return 0


class PublishOverdueMiddleware:
    """Before a reader's request is answered, publish what is due (throttled)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not request.path.startswith(NOT_PUBLIC):
            publish_overdue_soon()
        return self.get_response(request)


def overdue_revisions(now=None, grace: timedelta = OVERDUE_ALERT):
    """Scheduled page revisions that should have gone live more than `grace` ago."""
    from wagtail.models import Revision

    now = now or timezone.now()
    return Revision.page_revisions.filter(approved_go_live_at__lt=now - grace).order_by(
        "approved_go_live_at"
    )
