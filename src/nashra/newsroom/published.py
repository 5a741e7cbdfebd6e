"""What the public may see: the one definition every reader-facing listing can share.

An article is published when it is live, public (no view restriction), has been
published at least once, is not killed and has not passed its expiry time (the expiry job
may not have run yet; readers must not wait for it).
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from nashra.newsroom.models import ArticlePage, SectionPage


def live_articles(now: datetime | None = None) -> QuerySet[ArticlePage]:
    """Articles with a public address: the published ones, and killed ones (410 Gone)."""
    now = now or timezone.now()
    return (
        ArticlePage.objects.live()
        .public()
        .filter(first_published_at__isnull=False)
        .exclude(expire_at__lte=now)
    )


def published_articles(now: datetime | None = None) -> QuerySet[ArticlePage]:
    return live_articles(now).filter(killed_at__isnull=True)


def published_sections(now: datetime | None = None) -> QuerySet[SectionPage]:
    now = now or timezone.now()
    return SectionPage.objects.live().public().exclude(expire_at__lte=now)
