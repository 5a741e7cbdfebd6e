"""Keeping the revision table small without losing anything an editor needs."""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import Q
from wagtail.models import Page, Revision

BATCH = 1000


def _kept() -> Q:
    """Revisions we always keep: live, scheduled, each page's latest, and any under review."""
    return (
        Q(approved_go_live_at__isnull=False)
        | Q(pk__in=Page.objects.filter(live_revision__isnull=False).values("live_revision_id"))
        | Q(pk__in=Page.objects.filter(latest_revision__isnull=False).values("latest_revision_id"))
        | Q(task_states__isnull=False)
    )


def purge_revisions(batch_size: int = BATCH, dry_run: bool = False) -> int:
    """Delete every page revision that is not live, scheduled, latest or under review.

    Walks revision ids in ascending chunks (keyset pagination), so memory stays bounded by
    `batch_size` whatever the size of the table. Returns how many were (or would be) deleted.
    """
    deleted = 0
    last_id = 0
    while True:
        chunk = list(
            Revision.page_revisions.filter(pk__gt=last_id)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not chunk:
            return deleted
        last_id = chunk[-1]
        doomed = list(
            Revision.page_revisions.filter(pk__in=chunk)
            .exclude(_kept())
            .values_list("pk", flat=True)
        )
        if dry_run:
            deleted += len(doomed)
            continue
        with transaction.atomic():
            _, per_model = Revision.objects.filter(pk__in=doomed).delete()
        deleted += per_model.get("wagtailcore.Revision", 0)
        connection.queries_log.clear()  # DEBUG keeps every query otherwise
