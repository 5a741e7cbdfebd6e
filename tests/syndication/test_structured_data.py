"""JSON-LD, Open Graph, canonical and hreflang on every article page."""

import json
import re

import pytest

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
REQUIRED = (
    "headline",
    "datePublished",
    "dateModified",
    "author",
    "publisher",
    "inLanguage",
    "mainEntityOfPage",
)


@pytest.mark.django_db
def test_every_article_has_complete_json_ld_and_unique_absolute_canonical(client):
    from nashra.newsroom.models import ArticlePage

    canonicals = []
    for article in ArticlePage.objects.live().specific():
        html = client.get(article.url).content.decode()
        blocks = JSON_LD.findall(html)
        assert len(blocks) == 1, article.url
        data = json.loads(blocks[0])
        assert data["@type"] == "NewsArticle"
        for key in REQUIRED:
            assert data.get(key), (article.url, key)
        assert data["publisher"]["logo"]["url"].startswith("http")
        assert data["inLanguage"] == article.locale.language_code
        if article.agency and not article.authors.exists():
            assert data["sourceOrganization"]["name"]
        elif article.authors.exists():
            assert data["author"][0]["@type"] == "Person"
        if article.hero_image_id:
            assert data["image"][0].startswith("http")
            assert 'property="og:image"' in html
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        assert canonical.startswith("http")
        canonicals.append(canonical)
        assert 'property="og:title"' in html
        assert 'name="twitter:card"' in html
    assert len(canonicals) == len(set(canonicals)) == ArticlePage.objects.live().count()


@pytest.mark.django_db
def test_json_ld_cannot_be_broken_out_of(client):
    from nashra.newsroom.models import ArticlePage

    article = ArticlePage.objects.live().first()
    ArticlePage.objects.filter(pk=article.pk).update(
        title="</script><script>alert(1)</script> & more"
    )
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json.loads(JSON_LD.search(html).group(1))["headline"].startswith("</script>")


@pytest.mark.django_db
def test_canonical_override_is_used(client):
    from nashra.newsroom.models import ArticlePage

    article = ArticlePage.objects.live().first()
    ArticlePage.objects.filter(pk=article.pk).update(canonical_url="https://wam.ae/en/article/123")
    html = client.get(article.url).content.decode()
    assert '<link rel="canonical" href="https://wam.ae/en/article/123">' in html


@pytest.mark.django_db
def test_hreflang_links_a_translated_article_both_ways(client):
    from nashra.newsroom.models import ArticlePage

    arabic = next(
        page
        for page in ArticlePage.objects.live().filter(locale__language_code="ar")
        if page.get_translations().live().exists()
    )
    english = arabic.get_translations().live().get()
    html = client.get(arabic.url).content.decode()
    assert f'hreflang="en" href="http://localhost:8000{english.url}"' in html
    assert (
        f'hreflang="ar" href="http://localhost:8000{arabic.url}"'
        in client.get(english.url).content.decode()
    )
