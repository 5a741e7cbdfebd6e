"""What the public may see: the one definition every reader-facing listing shares.

A page is public when it is live, under no view restriction (password, login, group) and
has not passed its expiry time (the expiry job may not have run yet; readers must not wait
for it). An article is published when it is public, has been published at least once and
is not killed. The corrections log, related stories, the home and section pages, the
sections bar, the links to a page's other language, feeds, sitemaps, search and the API
all narrow their listings here.

This module imports no newsroom model (the models use it); the convenience querysets at
the end reach the models through the app registry.
"""

from __future__ import annotations

from datetime import datetime

from django.apps import apps
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Coalesce, Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

# When the public last saw a page change: its latest publish (every correction is one),
# else its first. Feeds, sitemaps, JSON-LD, Open Graph and the API (`updated_at`,
# `updated_since`, ETag and Last-Modified) all say this; `last_modified` is the same in
# Python.
LAST_MODIFIED = Coalesce("last_published_at", "first_published_at")


def last_modified(page) -> datetime | None:
    """When the public last saw `page` change (``LAST_MODIFIED`` for one page in hand)."""
    return page.last_published_at or page.first_published_at


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


def only_public(pages: QuerySet, now: datetime | None = None) -> QuerySet:
    """``pages`` (of any type) narrowed to the live, unrestricted, unexpired ones."""
    return (
        pages.live()
        .exclude(_under_view_restriction())
        .exclude(expire_at__lte=now or timezone.now())
    )


def only_public_pages(pages: QuerySet, now: datetime | None = None) -> QuerySet:
    """``pages`` of any type a reader may be sent to: public, and not a killed story.

    For querysets that may mix page types (a page's translations, search across types).
    """
    public = only_public(pages, now)
    if pages.model is Page or issubclass(pages.model, _article_model()):
        killed = _article_model().objects.filter(pk=OuterRef("pk"), killed_at__isnull=False)
        public = public.exclude(Exists(killed))
    return public


def with_public_address(articles: QuerySet, now: datetime | None = None) -> QuerySet:
    """``articles`` narrowed to those with a public address: published, or killed (410)."""
    return only_public(articles, now).filter(first_published_at__isnull=False)


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


def _article_model():
    return apps.get_model("newsroom", "ArticlePage")


def live_articles(now: datetime | None = None) -> QuerySet:
    """Articles with a public address: the published ones, and killed ones (410 Gone)."""
    return with_public_address(_article_model().objects.all(), now)


def published_articles(now: datetime | None = None) -> QuerySet:
    return only_published(_article_model().objects.all(), now)


def published_sections(now: datetime | None = None) -> QuerySet:
    return only_public(apps.get_model("newsroom", "SectionPage").objects.all(), now)
