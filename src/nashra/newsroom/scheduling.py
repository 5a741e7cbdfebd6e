"""Scheduled publishing that cannot silently fail.

Three independent safety nets run the same action, `actions.publish_overdue`:
1. the huey periodic task every minute (`nashra serve` runs the consumer; no cron);
2. the first public request that reaches a newsroom page, at most once per
   `NASHRA_OVERDUE_CHECK_SECONDS` per cache (one cache `add` per request otherwise);
3. the admin dashboard flags anything overdue by more than two minutes.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.utils import timezone

logger = logging.getLogger("nashra.newsroom")

OVERDUE_ALERT = timedelta(minutes=2)


def publish_overdue_soon() -> int:
    """Publish overdue stories, unless another request checked moments ago."""
    from nashra.kernel.cache import OVERDUE_CHECK

    if not OVERDUE_CHECK.add(1):
        return 0
    from nashra.newsroom.actions import publish_overdue

    try:
        return publish_overdue()
    except Exception:  # a reader's page must still render; the worker will retry
        logger.exception("publishing overdue stories from a request failed")
        return 0


def overdue_revisions(now=None, grace: timedelta = OVERDUE_ALERT):
    """Scheduled revisions that should have gone live more than `grace` ago."""
    from wagtail.models import Revision

    now = now or timezone.now()
    return Revision.page_revisions.filter(approved_go_live_at__lt=now - grace).order_by(
        "approved_go_live_at"
    )
