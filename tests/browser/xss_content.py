"""Hostile stories for the XSS browser test, written in the app server's own database.

Run inside the server's Django (see `site_server.django`); `publish_probes(payloads)`
publishes, for each payload, an English and an Arabic article with the payload in every
text field an editor can write, credited to an author and an agency whose every field is
the payload, tagged with it, corrected with it; and puts it in both breaking-news banners.
"""

from __future__ import annotations

import json
from datetime import timedelta

from django.utils import timezone
from wagtail.images.models import Image
from wagtail.rich_text import RichText

from nashra.newsroom.actions import CorrectStoryAction
from nashra.newsroom.models import (
    Agency,
    ArticlePage,
    Author,
    BreakingNews,
    SectionPage,
)

TITLES = {"en": "Probe {n}: {payload}", "ar": "مسبار {n}: {payload}"}


def as_typed_in_the_editor(text: str) -> str:
    """What Wagtail stores when an editor types `text` in a paragraph and links it to `text`."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    block = {
        "key": "probe",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
    }
    entity = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": text}}
    contentstate = {"blocks": [block], "entityMap": {"0": entity}}
    return ContentstateConverter(features=["bold", "italic", "link"]).to_database_format(
        json.dumps(contentstate)
    )


def body(payload: str, image: Image) -> list:
    return [
        ("paragraph", RichText(as_typed_in_the_editor(payload))),
        ("paragraph", RichText(f"<p>{payload}</p>")),  # raw HTML, as a script or wire could store
        ("quote", {"text": payload, "attribution": payload}),
        ("image", {"image": image, "alt": payload, "caption": payload, "credit": payload}),
        ("embed", payload),
        ("fact_box", {"title": payload, "items": [payload, payload]}),
    ]


def publish_probe(n: int, payload: str, language: str, image: Image) -> ArticlePage:
    section = SectionPage.objects.get(slug="uae", locale__language_code=language)
    author, _ = Author.objects.update_or_create(
        slug=f"xss-probe-{n}",
        defaults=dict(name=payload, name_ar=payload, role=payload, bio=payload, bio_ar=payload),
    )
    agency, _ = Agency.objects.update_or_create(
        slug=f"xss-probe-{n}",
        defaults=dict(name=payload, name_ar=payload, full_name=payload, full_name_ar=payload),
    )
    article = ArticlePage(
        title=TITLES[language].format(n=n, payload=payload),
        slug=f"xss-probe-{n}",
        seo_title=payload,
        search_description=payload,
        kicker=payload,
        standfirst=payload,
        dateline_city=payload,
        dateline_country=payload,
        hero_image=image,
        hero_alt=payload,
        hero_caption=payload,
        hero_credit=payload,
        agency=agency,
        body=body(payload, image),
    )
    article.authors = [author]
    article.tags.add(payload)
    section.add_child(instance=article)
    article.save_revision().publish()
    # As the admin's "Add correction" does it: through the action, by an editor.
    CorrectStoryAction(article, user=duty_editor(), note=payload).execute()
    return article


def duty_editor():
    from django.contrib.auth import get_user_model

    from tests.support.personas import create_persona

    existing = get_user_model().objects.filter(username="xss-duty-editor").first()
    return existing or create_persona("duty_editor", "xss-duty-editor")


def publish_probes(payloads: list[str]) -> None:
    """Publish the probes; print the tag slugs (the tag feeds' addresses) as JSON."""
    image = Image.objects.order_by("pk").first()
    tag_slugs = []
    for n, payload in enumerate(payloads):
        for language in ("en", "ar"):
            article = publish_probe(n, payload, language, image)
        tag_slugs.append(ArticlePage.objects.get(pk=article.pk).tags.get().slug)
    set_breaking_news(payloads[0])
    print(json.dumps({"tag_slugs": tag_slugs}))


def set_breaking_news(payload: str) -> None:
    for language in ("en", "ar"):
        BreakingNews.objects.update_or_create(
            language=language,
            defaults=dict(
                text=payload,
                link=payload,
                live=True,
                last_published_at=timezone.now() - timedelta(minutes=1),
                expire_at=timezone.now() + timedelta(hours=1),
            ),
        )


def withdraw_probes() -> None:
    """Leave the site as the other browser tests expect it: probes unpublished, no banner."""
    for article in ArticlePage.objects.live().filter(slug__startswith="xss-probe-"):
        article.unpublish()
    BreakingNews.objects.update(live=False)
