""" "Last modified" is one rule (newsroom.published.LAST_MODIFIED): the story's latest
publish, else its first. Feeds, sitemaps, JSON-LD, Open Graph and the API all say it, in
both editions, whatever the editor's "Updated" stamp (`updated_at`) says.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

import feedparser
import pytest
from django.utils import timezone

from nashra.kernel.cache import purge
from nashra.kernel.clock import DUBAI
from nashra.newsroom.models import ArticlePage
from nashra.newsroom.published import LAST_MODIFIED, last_modified

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
OG_MODIFIED = re.compile(r'<meta property="article:modified_time" content="([^"]+)">')


def test_last_modified_is_the_latest_publish_else_the_first():
    first = timezone.now() - timedelta(days=2)
    later = first + timedelta(hours=5)
    assert last_modified(ArticlePage(first_published_at=first, last_published_at=later)) == later
    assert last_modified(ArticlePage(first_published_at=first, last_published_at=None)) == first
    assert ArticlePage(first_published_at=first, last_published_at=later).last_modified == later


def test_the_sql_rule_says_what_the_python_one_says(article_factory, own_section):  # noqa: F811
    story = article_factory(own_section, live=True)
    ArticlePage.objects.filter(pk=story.pk).update(last_published_at=None)
    for row in ArticlePage.objects.live().annotate(changed=LAST_MODIFIED):
        assert row.changed == last_modified(row)


@pytest.fixture(params=["en", "ar"])
def republished(request, article_factory, own_section, arabic_section):  # noqa: F811
    """A story whose "Updated" stamp is older than its latest publish (a typo fixed since)."""
    section = own_section if request.param == "en" else arabic_section
    story = article_factory(section, live=True, title="Ferry timetable changes")
    first = (timezone.now() - timedelta(days=1)).replace(microsecond=0)
    ArticlePage.objects.filter(pk=story.pk).update(
        first_published_at=first,
        updated_at=first + timedelta(hours=1),
        last_published_at=first + timedelta(hours=3),
    )
    purge()
    return ArticlePage.objects.get(pk=story.pk), request.param


def same_moment(text: str, moment: datetime) -> bool:
    return datetime.fromisoformat(text.replace("Z", "+00:00")) == moment


def test_feeds_sitemaps_json_ld_open_graph_and_the_api_agree(client, republished):
    story, language = republished
    expected = story.last_published_at
    assert story.last_modified == expected

    html = client.get(story.url).content.decode()
    assert same_moment(json.loads(JSON_LD.search(html).group(1))["dateModified"], expected)
    assert same_moment(OG_MODIFIED.search(html).group(1), expected)

    feed = feedparser.parse(client.get(f"/feeds/{language}/atom/").content)
    entry = next(e for e in feed.entries if e.link.endswith(story.url))
    assert same_moment(entry.updated, expected)

    sitemap = client.get(f"/sitemap-articles-{language}.xml").content.decode()
    lastmod = sitemap.split(story.url)[1].split("<lastmod>")[1].split("</lastmod>")[0]
    assert lastmod == expected.astimezone(timezone.get_current_timezone()).date().isoformat()

    item = client.get(f"/api/v1/articles/{story.pk}").json()
    assert same_moment(item["updated_at"], expected.astimezone(DUBAI))
