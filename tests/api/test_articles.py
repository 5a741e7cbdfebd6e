"""`/api/v1/articles` and `/api/v1/articles/{id}`: what a client reads, and the filters."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.api.conftest import ARTICLES, article_url, listed_ids, published_ids, walk

pytestmark = pytest.mark.django_db


def test_an_item_carries_the_story_and_its_credits(client):
    from nashra.newsroom.models import ArticlePage

    article = ArticlePage.objects.get(slug="dubai-metro-extends-weekend-hours")
    item = next(i for i in walk(client, 100, language="en") if i["id"] == article.pk)
    assert item["url"] == "http://localhost:8000/uae/dubai-metro-extends-weekend-hours/"
    assert item["headline"] == article.title
    assert item["kicker"] == "Transport"
    assert item["standfirst"] == article.standfirst
    assert (
        item["section"]["slug"] == "uae" and item["section"]["url"] == "http://localhost:8000/uae/"
    )
    assert item["language"] == "en"
    assert {tag["slug"] for tag in item["tags"]} == {"transport", "dubai", "summer"}
    assert item["authors"] == []
    assert item["agency"]["name"] == "WAM"
    assert item["dateline"] == "Dubai, UAE"
    assert item["first_published_at"].endswith("+04:00")  # Dubai time, with its offset
    hero = item["hero_image"]
    assert hero["url"].startswith("http://localhost:8000/media/images/")
    assert hero["width"] == 1200
    assert hero["alt"] == article.hero_alt
    translation = ArticlePage.objects.get(slug="ar-dubai-metro-hours")
    assert item["translation"] == {
        "id": translation.pk,
        "language": "ar",
        "url": "http://localhost:8000/ar/uae/ar-dubai-metro-hours/",
    }


def test_staff_bylines_are_listed_as_authors(client):
    from nashra.newsroom.models import ArticlePage

    article = ArticlePage.objects.live().filter(authors__isnull=False).distinct().first()
    detail = client.get(article_url(article.pk)).json()
    names = {author["name"] for author in detail["authors"]}
    assert names == {author.name for author in article.authors.all()}
    assert names


def test_arabic_edition_comes_with_language_ar(client):
    items = walk(client, 100, language="ar")
    assert len(items) == len(published_ids(locale__language_code="ar")) == 16
    assert {item["language"] for item in items} == {"ar"}
    assert all(item["url"].startswith("http://localhost:8000/ar/") for item in items)
    assert any("مترو" in item["headline"] for item in items)


def test_newest_first_by_first_publication(client):
    items = walk(client, 100)
    stamps = [(item["first_published_at"], item["id"]) for item in items]
    assert stamps == sorted(stamps, reverse=True)


def test_section_filter_covers_both_editions_unless_a_language_is_given(client):
    from nashra.newsroom.models import ArticlePage, SectionPage

    uae = SectionPage.objects.filter(slug="uae")
    both = set()
    for section in uae:
        both |= published_ids(pk__in=ArticlePage.objects.child_of(section).values("pk"))
    assert listed_ids(client, section="uae") == both
    english = uae.get(locale__language_code="en")
    assert listed_ids(client, section="uae", language="en") == published_ids(
        pk__in=ArticlePage.objects.child_of(english).values("pk")
    )
    assert all(i["section"]["slug"] == "uae" for i in walk(client, 100, section="uae"))


def test_tag_filter(client):
    from nashra.newsroom.models import ArticlePage

    expected = published_ids(tagged_items__tag__slug="dubai")
    assert expected
    assert listed_ids(client, tag="dubai") == expected
    arabic = ArticlePage.objects.get(slug="ar-dubai-metro-hours").tags.first()
    assert listed_ids(client, tag=arabic.slug, language="ar")


def test_unknown_tag_is_an_empty_list_not_an_error(client):
    response = client.get(ARTICLES, {"tag": "no-story-has-this-tag"})
    assert response.status_code == 200
    assert response.json() == {"items": [], "next": None, "next_cursor": None}


def test_updated_since_keeps_only_stories_changed_at_or_after_it(client, story):
    from nashra.newsroom.models import ArticlePage

    changed = story.last_published_at
    older = ArticlePage.objects.live().exclude(pk=story.pk).order_by("-last_published_at").first()
    ArticlePage.objects.filter(pk=older.pk).update(last_published_at=changed - timedelta(minutes=5))
    since = (changed - timedelta(minutes=1)).isoformat()
    assert listed_ids(client, updated_since=since) == {story.pk}
    assert listed_ids(client, updated_since=changed.isoformat()) == {story.pk}
    assert listed_ids(client, updated_since=(changed + timedelta(seconds=1)).isoformat()) == set()


def test_naive_updated_since_is_dubai_time(client, story):
    from nashra.kernel.clock import DUBAI

    local = story.last_published_at.astimezone(DUBAI).replace(tzinfo=None)
    assert story.pk in listed_ids(client, updated_since=(local - timedelta(seconds=1)).isoformat())
    # The same wall-clock reading taken as UTC is four hours later: nothing is that new.
    as_utc = (local - timedelta(seconds=1)).isoformat() + "Z"
    assert story.pk not in listed_ids(client, updated_since=as_utc)
    assert listed_ids(client, updated_since=timezone.now().astimezone(DUBAI).date().isoformat())


def test_detail_has_sanitised_body_blocks_and_corrections(client):
    from nashra.newsroom.models import ArticlePage

    article = ArticlePage.objects.live().filter(corrections__isnull=False).distinct().first()
    body = client.get(article_url(article.pk)).json()
    assert body["id"] == article.pk
    assert body["headline"] == article.title
    assert body["body_html"].startswith("<")
    assert [b["type"] for b in body["body"]] == [b.block_type for b in article.body]
    paragraph = next(b for b in body["body"] if b["type"] == "paragraph")
    assert paragraph["html"] in body["body_html"]
    notes = [c.note for c in article.corrections.order_by("corrected_at", "pk")]
    assert [c["note"] for c in body["corrections"]] == notes
    assert all(c["corrected_at"].endswith("+04:00") for c in body["corrections"])


def test_body_html_drops_scripts_and_unsafe_links_and_makes_urls_absolute(
    client, article_factory, own_section
):
    article = article_factory(
        own_section,
        live=True,
        body=[
            {
                "type": "paragraph",
                "value": '<p>See <a href="/uae/">the desk</a> and <a href="javascript:alert(1)">'
                'this</a>.</p><script>alert(2)</script><p onclick="x()">Quoted.</p>',
            },
            {"type": "quote", "value": {"text": "We <b>will</b> open", "attribution": "RTA"}},
            {"type": "fact_box", "value": {"title": "Facts", "items": ["One", "Two"]}},
        ],
    )
    body = client.get(article_url(article.pk)).json()
    html = body["body_html"]
    assert '<a href="http://localhost:8000/uae/">the desk</a>' in html
    assert "javascript" not in html
    assert "alert" not in html
    assert "onclick" not in html
    assert "We &lt;b&gt;will&lt;/b&gt; open" in html  # quote text is text, escaped
    assert "<blockquote>" in html
    assert "<aside>" in html
    assert "<cite>RTA</cite>" in html
    assert body["body"][1] == {"type": "quote", "text": "We <b>will</b> open", "attribution": "RTA"}
    assert body["body"][2] == {"type": "fact_box", "title": "Facts", "items": ["One", "Two"]}


def test_image_blocks_carry_an_absolute_rendition_url(client):
    from nashra.newsroom.models import ArticlePage

    article = next(
        a for a in ArticlePage.objects.live() if any(b.block_type == "image" for b in a.body)
    )
    body = client.get(article_url(article.pk)).json()
    image = next(b for b in body["body"] if b["type"] == "image")
    assert image["url"].startswith("http://localhost:8000/media/images/")
    assert image["alt"]
    assert image["url"] in body["body_html"]


def test_unknown_article_is_a_json_404(client):
    response = client.get(article_url(999_999))
    assert response.status_code == 404
    assert response.json() == {"error": "no published article has id 999999"}
