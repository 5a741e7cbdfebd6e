"""Articles and sections as the API's JSON (plain dicts, checked by the schemas)."""

from __future__ import annotations

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.models import Page

from nashra.kernel.clock import DUBAI
from nashra.kernel.language import edition_of_page
from nashra.kernel.urls import absolute_url, page_url
from nashra.newsroom import renditions
from nashra.newsroom.api import body
from nashra.newsroom.models import SectionPage
from nashra.newsroom.published import last_modified, published_articles

HERO_SPEC = renditions.spec("social")  # as the article's JSON-LD and social cards


def with_related(articles):
    """Everything an item shows, fetched in a fixed number of queries per page."""
    heroes = get_image_model().get_rendition_model().objects.filter(filter_spec=HERO_SPEC)
    return articles.select_related("agency", "locale", "hero_image").prefetch_related(
        "authors",
        "tags",
        Prefetch("hero_image__renditions", queryset=heroes, to_attr="prefetched_renditions"),
    )


class Neighbours:
    """What a page of articles shows besides the articles: their sections and translations."""

    def __init__(self, request, articles):
        self.request = request
        parents = {article.path[: -Page.steplen] for article in articles}
        self.sections = (
            {section.path: section for section in SectionPage.objects.filter(path__in=parents)}
            if parents
            else {}
        )
        self.translations: dict = {}
        keys = {article.translation_key for article in articles}
        if keys:
            others = published_articles().filter(translation_key__in=keys).select_related("locale")
            for other in others.only("id", "url_path", "translation_key", "locale"):
                self.translations.setdefault(other.translation_key, []).append(other)

    def section(self, article) -> dict | None:
        section = self.sections.get(article.path[: -Page.steplen])
        if section is None:
            return None
        return {
            "id": section.pk,
            "slug": section.slug,
            "title": section.title,
            "url": page_url(section, self.request),
        }

    def translation(self, article) -> dict | None:
        for other in self.translations.get(article.translation_key, []):
            if other.locale_id != article.locale_id:
                return {
                    "id": other.pk,
                    "language": edition_of_page(other),
                    "url": page_url(other, self.request),
                }
        return None


def dubai(moment):
    return moment.astimezone(DUBAI) if moment else None


def hero_image(article) -> dict | None:
    if not article.hero_image_id:
        return None
    rendition = renditions.existing(article.hero_image, "social")
    if rendition is None:
        return None
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": article.hero_alt,
        "caption": article.hero_caption,
        "credit": article.hero_credit,
    }


def article_item(article, neighbours: Neighbours) -> dict:
    agency = article.agency
    return {
        "id": article.pk,
        "url": page_url(article, neighbours.request),
        "language": edition_of_page(article),
        "headline": article.title,
        "kicker": article.kicker,
        "standfirst": article.standfirst,
        "section": neighbours.section(article),
        "tags": sorted(
            ({"slug": tag.slug, "name": tag.name} for tag in article.tags.all()),
            key=lambda tag: tag["slug"],
        ),
        "authors": [
            {"slug": a.slug, "name": a.name, "name_ar": a.name_ar, "role": a.role}
            for a in article.authors.all()
        ],
        "agency": {
            "slug": agency.slug,
            "name": agency.name,
            "name_ar": agency.name_ar,
            "full_name": agency.full_name,
        }
        if agency
        else None,
        "dateline": article.dateline,
        "first_published_at": dubai(article.first_published_at),
        "updated_at": dubai(last_modified(article)),
        "hero_image": hero_image(article),
        "translation": neighbours.translation(article),
    }


def article_detail(article, neighbours: Neighbours) -> dict:
    return {
        **article_item(article, neighbours),
        "body_html": body.body_html(article),
        "body": body.body_blocks(article),
        "corrections": [
            {"corrected_at": dubai(c.corrected_at), "note": c.note}
            for c in article.corrections.order_by("corrected_at", "pk")
        ],
    }


def section_item(section, request, article_count: int) -> dict:
    return {
        "id": section.pk,
        "slug": section.slug,
        "title": section.title,
        "language": edition_of_page(section),
        "url": page_url(section, request),
        "intro": section.intro,
        "article_count": article_count,
    }
