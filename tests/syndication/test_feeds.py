"""Feeds, sitemaps and robots.txt."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def feed_paths():
    from nashra.newsroom.models import ArticlePage, Author

    author = Author.objects.filter(articles__live=True).first()
    tag = ArticlePage.objects.live().filter(locale__language_code="en").first().tags.first()
    paths = [
        "/feeds/{kind}/",
        "/feeds/en/{kind}/",
        "/feeds/ar/{kind}/",
        "/feeds/en/section/uae/{kind}/",
        "/feeds/ar/section/world/{kind}/",
        f"/feeds/author/{author.slug}/{{kind}}/",
        f"/feeds/tag/{tag.slug}/{{kind}}/",
    ]
    return [p.format(kind=kind) for p in paths for kind in ("rss", "atom")]


@pytest.mark.django_db
def test_every_feed_parses_cleanly_and_has_only_live_articles(client):
    from nashra.newsroom.models import ArticlePage

    live_titles = set(ArticlePage.objects.live().values_list("title", flat=True))
    for path in feed_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        parsed = feedparser.parse(response.content)
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert parsed.entries, path
        assert {entry.title for entry in parsed.entries} <= live_titles
        assert all(entry.link.startswith("http") for entry in parsed.entries)


@pytest.mark.django_db
def test_unpublished_article_leaves_the_feed(client):
    from nashra.newsroom.models import ArticlePage

    article = (
        ArticlePage.objects.live()
        .filter(locale__language_code="en")
        .order_by("-first_published_at")
        .first()
    )
    assert article.title in client.get("/feeds/en/rss/").content.decode()
    article.unpublish()
    assert article.title not in client.get("/feeds/en/rss/").content.decode()


@pytest.mark.django_db
def test_unknown_feed_scopes_are_404(client):
    assert client.get("/feeds/author/nobody/rss/").status_code == 404
    assert client.get("/feeds/en/section/nowhere/atom/").status_code == 404
    assert client.get("/feeds/tag/nothing/rss/").status_code == 404


@pytest.mark.django_db
def test_sitemap_index_lists_article_sitemaps(client):
    from nashra.newsroom.models import ArticlePage
    from nashra.syndication.sitemaps import ArticleSitemap

    index = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert any("sitemap-articles-ar.xml" in loc for loc in locations)
    assert ArticleSitemap.limit == 50_000
    urls = ET.fromstring(client.get("/sitemap-articles-en.xml").content).findall(
        "s:url/s:loc", SITEMAP_NS
    )
    assert len(urls) == ArticlePage.objects.live().filter(locale__language_code="en").count()
    assert all(url.text.startswith("http://localhost:8000/") for url in urls)


@pytest.mark.django_db
def test_news_sitemap_has_only_last_48_hours(client):
    from django.utils import timezone

    from nashra.newsroom.models import ArticlePage

    old = ArticlePage.objects.live().filter(locale__language_code="ar").order_by("pk").first()
    ArticlePage.objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - timedelta(hours=49)
    )
    response = client.get("/news-sitemap-ar.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    entries = tree.findall("s:url", SITEMAP_NS)
    recent = ArticlePage.objects.live().filter(
        locale__language_code="ar", first_published_at__gte=timezone.now() - timedelta(hours=48)
    )
    assert 0 < len(entries) == recent.count() <= 1000
    titles = {e.find("news:news/news:title", SITEMAP_NS).text for e in entries}
    assert old.title not in titles
    first = entries[0].find("news:news", SITEMAP_NS)
    assert first.find("news:publication/news:language", SITEMAP_NS).text == "ar"
    assert first.find("news:publication/news:name", SITEMAP_NS).text
    assert first.find("news:publication_date", SITEMAP_NS).text
    assert client.get("/news-sitemap-fr.xml").status_code == 404


@pytest.mark.django_db
def test_robots_points_to_sitemaps(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://localhost:8000/sitemap.xml" in body
    assert "Sitemap: http://localhost:8000/news-sitemap-ar.xml" in body


@pytest.mark.django_db
def test_pages_link_their_edition_feeds(client):
    assert b'href="/feeds/en/rss/"' in client.get("/").content
    assert b'href="/feeds/ar/atom/"' in client.get("/ar/").content


@pytest.mark.django_db
@pytest.mark.parametrize("kind, element", [("rss", "channel/item/description"), ("atom", None)])
def test_feed_descriptions_are_the_standfirst_as_text_not_markup(client, kind, element):
    """A feed reader renders <description>/<summary> as HTML: the standfirst must stay text."""
    from nashra.newsroom.models import ArticlePage

    article = (
        ArticlePage.objects.live()
        .filter(locale__language_code="en")
        .order_by("-first_published_at")
        .first()
    )
    standfirst = '<img src=x onerror="alert(1)"> Tom & Jerry'
    ArticlePage.objects.filter(pk=article.pk).update(standfirst=standfirst)
    root = ET.fromstring(client.get(f"/feeds/en/{kind}/").content)
    if kind == "rss":
        descriptions = [e.text for e in root.findall(element)]
    else:
        ns = {"a": "http://www.w3.org/2005/Atom"}
        summaries = root.findall("a:entry/a:summary", ns)
        assert {e.get("type") for e in summaries} == {"html"}
        descriptions = [e.text for e in summaries]
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Tom &amp; Jerry" in descriptions
    summary = feedparser.parse(client.get(f"/feeds/en/{kind}/").content).entries[0].summary
    assert "<img" not in summary
