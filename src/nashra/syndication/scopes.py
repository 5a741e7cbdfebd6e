"""What a feed covers: the site, one edition, a section, an author or a tag."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from nashra.newsroom.models import ArticlePage, Author, SectionPage
from nashra.newsroom.published import only_published

FEED_LENGTH = 30


@dataclass
class FeedScope:
    title: str
    link: str
    description: str
    articles: QuerySet
    language: str = "en"


def published(articles) -> QuerySet:
    return (
        only_published(articles)
        .select_related("agency", "locale")
        .prefetch_related("authors", "tags")
        .order_by("-first_published_at", "-pk")
    )


def locale_or_404(language: str) -> Locale:
    try:
        return Locale.objects.get(language_code=language)
    except Locale.DoesNotExist:
        raise Http404("No such edition") from None


def site_scope() -> FeedScope:
    return FeedScope(
        _("Nashra: all stories"),
        "/",
        _("Every story from both editions"),
        published(ArticlePage.objects.all()),
    )


def edition_scope(language: str) -> FeedScope:
    locale = locale_or_404(language)
    return FeedScope(
        _("Nashra: %(language)s edition") % {"language": locale.get_display_name()},
        "/" if language == "en" else f"/{language}/",
        _("Every story in this edition"),
        published(ArticlePage.objects.filter(locale=locale)),
        language,
    )


def section_scope(language: str, slug: str) -> FeedScope:
    locale = locale_or_404(language)
    section = SectionPage.objects.live().filter(locale=locale, slug=slug).first()
    if section is None:
        raise Http404("No such section")
    return FeedScope(
        _("Nashra: %(section)s") % {"section": section.title},
        section.get_url() or "/",
        section.intro or section.title,
        published(ArticlePage.objects.child_of(section)),
        language,
    )


def author_scope(slug: str) -> FeedScope:
    author = Author.objects.filter(slug=slug).first()
    if author is None:
        raise Http404("No such author")
    return FeedScope(
        _("Nashra: stories by %(author)s") % {"author": author.display_name},
        "/",
        author.role or author.display_name,
        published(ArticlePage.objects.filter(authors=author)),
    )


def tag_scope(slug: str) -> FeedScope:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("No such tag")
    return FeedScope(
        _("Nashra: %(tag)s") % {"tag": tag.name},
        "/",
        tag.name,
        published(ArticlePage.objects.filter(tagged_items__tag=tag).distinct()),
    )
