"""A picture whose original file is gone leaves pages, feeds and the API standing."""

import json
import re
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from nashra.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def story_with_lost_picture(article_factory, own_section):
    """A live story whose hero picture has no renditions and no original on disk."""
    drawn = BytesIO()
    PILImage.new("RGB", (64, 36), "teal").save(drawn, "PNG")
    picture = get_image_model().objects.create(
        title="A picture soon lost", file=ImageFile(drawn, name="lost-picture.png")
    )
    story = article_factory(
        own_section, live=True, title="Story with a lost picture",
        hero_image=picture, hero_alt="A lost picture",
    )  # fmt: skip
    assert not picture.renditions.exists()
    picture.file.storage.delete(picture.file.name)
    return ArticlePage.objects.get(pk=story.pk)


def json_ld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_the_article_page_leaves_the_picture_out_of_its_metadata(client, story_with_lost_picture):
    response = client.get(story_with_lost_picture.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Story with a lost picture" in html
    assert 'property="og:image"' not in html
    assert "image" not in json_ld(html)


def test_listings_feeds_and_the_api_still_answer(client, story_with_lost_picture, own_section):
    for url in ("/", own_section.url, "/feeds/rss/", "/search/?q=lost+picture"):
        assert client.get(url).status_code == 200, url
    response = client.get(f"/api/v1/articles/{story_with_lost_picture.pk}")
    assert response.status_code == 200
    assert response.json()["hero_image"] is None
