"""What a feed covers: the site, one edition, a section, an author or a tag.

A feed speaks one language, whatever the reader's browser asks for: its title and
description are translated into the language it declares in `<language>` (an edition's or
section's own; for an author or a tag, the one language of all their stories, else the
site's default).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from nashra.kernel.language import edition_root
from nashra.newsroom.models import ArticlePage, Author
from nashra.newsroom.published import only_published, published_sections

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


def language_of(articles: QuerySet) -> str:
    """The one language all `articles` are written in, or the site's default if mixed."""
    languages = set(articles.order_by().values_list("locale__language_code", flat=True).distinct())
    return languages.pop() if len(languages) == 1 else settings.LANGUAGE_CODE


def site_scope() -> FeedScope:
    language = settings.LANGUAGE_CODE
    with translation.override(language):
        return FeedScope(
            _("Nashra: all stories"),
            "/",
            _("Every story from both editions"),
            published(ArticlePage.objects.all()),
            language,
        )


def edition_scope(language: str) -> FeedScope:
    locale = locale_or_404(language)
    with translation.override(language):
        return FeedScope(
            _("Nashra: %(language)s edition") % {"language": locale.get_display_name()},
            edition_root(language),
            _("Every story in this edition"),
            published(ArticlePage.objects.filter(locale=locale)),
            language,
        )


def section_scope(language: str, slug: str) -> FeedScope:
    locale = locale_or_404(language)
    section = published_sections().filter(locale=locale, slug=slug).first()
    if section is None:
        raise Http404("No such section")
    with translation.override(language):
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
    articles = only_published(ArticlePage.objects.filter(authors=author))
    language = language_of(articles)
    with translation.override(language):
        return FeedScope(
            _("Nashra: stories by %(author)s") % {"author": author.display_name},
            "/",
            author.role or author.display_name,
            published(articles),
            language,
        )


def tag_scope(slug: str) -> FeedScope:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("No such tag")
    articles = only_published(ArticlePage.objects.filter(tagged_items__tag=tag)).distinct()
    language = language_of(articles)
    with translation.override(language):
        return FeedScope(
            _("Nashra: %(tag)s") % {"tag": tag.name},
            "/",
            tag.name,
            published(articles),
            language,
        )
