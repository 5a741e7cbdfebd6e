"""Scheduled publishing: every revision whose time has come goes live, every expiry ends.

Pages and snippets alike (the breaking-news banner is a snippet with drafts and a
schedule): Wagtail keeps both kinds of schedule in `Revision.approved_go_live_at` and the
objects' `expire_at`. Wagtail's own `publish_scheduled` command does the same work without
the row locks that let many workers and requests run this at once.
"""

from __future__ import annotations

from datetime import datetime

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision


class PublishOverdueAction:
    """Publish what is due and unpublish what has expired; `execute()` says how many.

    Safe to run from any number of workers and requests at once: each revision and each
    expired object is claimed under a row lock (PostgreSQL: SKIP LOCKED; SQLite: IMMEDIATE
    transactions serialise writers) and re-checked inside the lock, so each happens once.
    The scheduler acts for no one: no permission is asked, and the log names no user.
    Wagtail's published/unpublished signals purge the cached pages.
    """

    def __init__(self, now: datetime | None = None):
        self.now = now or timezone.now()

    def execute(self) -> int:
        return self._publish_due() + self._unpublish_expired()

    def _publish_due(self) -> int:
        due = list(
            Revision.objects.filter(approved_go_live_at__lte=self.now)
            .order_by("approved_go_live_at")
            .values_list("pk", flat=True)
        )
        published = 0
        for revision_id in due:
            with transaction.atomic():
                revision = (
                    Revision.objects.select_for_update(skip_locked=True)
                    .filter(pk=revision_id, approved_go_live_at__lte=self.now)
                    .first()
                )
                if revision is None:  # another worker has it, or already published it
                    continue
                revision.publish(
                    log_action="wagtail.publish.scheduled", skip_permission_checks=True
                )
                published += 1
        return published

    def _unpublish_expired(self) -> int:
        count = 0
        for model in expiring_models():
            live = model.objects.filter(live=True, expire_at__lt=self.now)
            for pk in live.values_list("pk", flat=True):
                with transaction.atomic():
                    obj = (
                        model.objects.select_for_update(skip_locked=True)
                        .filter(pk=pk, live=True, expire_at__lt=self.now)
                        .first()
                    )
                    if obj is None:
                        continue
                    if isinstance(obj, Page):
                        obj = obj.specific
                    obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                    count += 1
        return count


def expiring_models() -> list[type]:
    """Page, and every snippet model with a publishing schedule."""
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]
