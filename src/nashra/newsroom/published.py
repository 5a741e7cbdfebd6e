"""What the public may see: the one definition every reader-facing listing can share.

An article is published when it is live, public (no view restriction), has been
published at least once, is not killed and has not passed its expiry time (the expiry job
may not have run yet; readers must not wait for it).
"""

from __future__ import annotations

from datetime import datetime

from django.apps import apps
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import PageViewRestriction


def _model(name: str):
    # By name, not by import: the page models list their cards through only_published,
    # so importing the models package here would tie the two modules in a cycle.
    return apps.get_model("newsroom", name)


def _under_view_restriction() -> Exists:
    """True for a page at or below a page with a view restriction (password, login, group).

    Wagtail's ``.public()`` reads every restriction in a query of its own each time it is
    called; as one SQL subquery the check costs no round trip, however many listings a
    page shows.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def with_public_address(articles: QuerySet, now: datetime | None = None) -> QuerySet:
    """``articles`` narrowed to those with a public address: published, or killed (410)."""
    return (
        articles.live()
        .exclude(_under_view_restriction())
        .filter(first_published_at__isnull=False)
        .exclude(expire_at__lte=now or timezone.now())
    )


def only_published(articles: QuerySet, now: datetime | None = None) -> QuerySet:
    """``articles`` narrowed to what a reader may see listed: feeds, sitemaps, cards."""
    return with_public_address(articles, now).filter(killed_at__isnull=True)


def only_published_for_search(articles: QuerySet, now: datetime | None = None) -> QuerySet:
    """The same narrowing in the terms a Wagtail search backend can filter on.

    Search backends filter on index fields only (no subqueries), so view restrictions are
    checked with Wagtail's ``.public()``: one more query, once per search.
    """
    return (
        articles.live()
        .public()
        .filter(first_published_at__isnull=False, killed_at__isnull=True)
        .exclude(expire_at__lte=now or timezone.now())
    )


def live_articles(now: datetime | None = None) -> QuerySet:
    """Articles with a public address: the published ones, and killed ones (410 Gone)."""
    return with_public_address(_model("ArticlePage").objects.all(), now)


def published_articles(now: datetime | None = None) -> QuerySet:
    return only_published(_model("ArticlePage").objects.all(), now)


def published_sections(now: datetime | None = None) -> QuerySet:
    now = now or timezone.now()
    return _model("SectionPage").objects.live().public().exclude(expire_at__lte=now)
