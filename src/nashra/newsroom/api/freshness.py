"""How the read API knows, cheaply, that what it would answer has changed.

One fingerprint serves every endpoint: the count and latest change of the published
articles and sections, the latest page action that changes what the public sees (publish,
unpublish, kill, move, delete, view restriction), the latest edit of a credit or image,
and the latest expiry that has passed. Any publish, correction, kill or withdrawal moves
it; drafts, reviews and locks do not. Five small aggregate queries, whatever the size of the
archive; nothing is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from nashra.kernel.conditional import latest
from nashra.newsroom.models import Agency, Author
from nashra.newsroom.published import LAST_MODIFIED, published_articles, published_sections

PUBLIC_PAGE_ACTIONS = (
    "wagtail.publish",
    "wagtail.publish.scheduled",
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.reorder",
    "wagtail.rename",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
    "nashra.kill",
    "nashra.correct",
)


@dataclass(frozen=True)
class Fingerprint:
    facts: tuple
    last_modified: datetime | None


def _count_and_latest(queryset) -> tuple[int, datetime | None]:
    row = queryset.aggregate(n=Count("pk"), latest=Max(LAST_MODIFIED))
    return row["n"], row["latest"]


def fingerprint(now: datetime | None = None) -> Fingerprint:
    now = now or timezone.now()
    articles, articles_at = _count_and_latest(published_articles(now))
    sections, sections_at = _count_and_latest(published_sections(now))
    page_action_at = PageLogEntry.objects.filter(action__in=PUBLIC_PAGE_ACTIONS).aggregate(
        at=Max("timestamp")
    )["at"]
    credits = ContentType.objects.get_for_models(Author, Agency, get_image_model()).values()
    credit_edit_at = ModelLogEntry.objects.filter(content_type__in=credits).aggregate(
        at=Max("timestamp")
    )["at"]
    expired_at = Page.objects.filter(live=True, expire_at__lte=now).aggregate(at=Max("expire_at"))[
        "at"
    ]
    return Fingerprint(
        facts=(
            articles,
            articles_at,
            sections,
            sections_at,
            page_action_at,
            credit_edit_at,
            expired_at,
        ),
        last_modified=latest(articles_at, sections_at, page_action_at, credit_edit_at, expired_at),
    )
