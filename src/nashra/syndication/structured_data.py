"""What search engines and social cards read about an article: JSON-LD, Open Graph, hreflang."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static

from nashra.kernel.language import edition_of_page, name_in
from nashra.kernel.urls import absolute, base_url, canonical_url, page_url
from nashra.newsroom import renditions

OG_LOCALES = {"en": "en_AE", "ar": "ar_AE"}
# Characters that could end a <script> element or open a comment, escaped the way
# django.utils.html.json_script does, so article text cannot break out of the JSON.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def hero_image_url(article) -> str:
    if not article.hero_image_id:
        return ""
    rendition = renditions.existing(article.hero_image, "social")
    return absolute(rendition.url) if rendition else ""


def publisher() -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.NASHRA_PUBLISHER_NAME,
        "url": base_url() + "/",
        "logo": {
            "@type": "ImageObject",
            "url": absolute(static("syndication/logo.png")),
            "width": 600,
            "height": 60,
        },
    }


def news_article(article) -> dict:
    """schema.org NewsArticle for `article`."""
    language = edition_of_page(article)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical_url(article)},
        "url": page_url(article),
        "headline": article.title[:110],
        "description": article.search_description or article.standfirst,
        "datePublished": article.first_published_at,
        "dateModified": article.last_modified,
        "inLanguage": language,
        "publisher": publisher(),
    }
    authors = [
        {"@type": "Person", "name": name_in(author, language)} for author in article.authors.all()
    ]
    if authors:
        data["author"] = authors
    elif article.agency:
        name = name_in(article.agency, language, "full_name", "name")
        agency = {"@type": "Organization", "name": name}
        data["sourceOrganization"] = agency
        data["author"] = agency
    else:
        data["author"] = {"@type": "Organization", "name": settings.NASHRA_PUBLISHER_NAME}
    if article.dateline:
        data["dateline"] = article.dateline
    image = hero_image_url(article)
    if image:
        data["image"] = [image]
    if article.kicker:
        data["articleSection"] = article.kicker
    return data


def json_ld(data: dict) -> str:
    """JSON safe to put inside <script type="application/ld+json">."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)


def social_meta(article) -> dict:
    return {
        "canonical": canonical_url(article),
        "url": page_url(article),
        "title": article.seo_title or article.title,
        "description": article.search_description or article.standfirst,
        "image": hero_image_url(article),
        "image_alt": article.hero_alt,
        "locale": OG_LOCALES[edition_of_page(article)],
        "site_name": settings.NASHRA_PUBLISHER_NAME,
        "published": article.first_published_at,
        "modified": article.last_modified,
    }
