"""Public pages cost the same number of queries however many articles there are.

The figures at 100,000 articles are in bench/newsroom.py and bench/search.py; this test
keeps every public page kind (home, section, article, search, feeds) from growing a
query per article again.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.caches import clear_caches

pytestmark = pytest.mark.django_db

AUTHOR = "layla-haddad"
TAG = "counted"


def queries_for(client, url) -> int:

    clear_caches()
    client.get(url)  # warm-up: image renditions and per-process caches are made once
    clear_caches()  # uncached, and the overdue check runs each time alike
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def credited_article(article_factory, section, title):
    """A live story with a picture, a byline and a tag, like the demo's, so every listing,
    feed and page of results holds the same kinds of cards before and after."""
    from wagtail.images import get_image_model

    from nashra.newsroom.models import Author

    picture = get_image_model().objects.order_by("pk").first()
    article = article_factory(
        section, live=True, title=title, hero_image=picture, hero_alt="A demo illustration"
    )
    article.authors.add(Author.objects.get(slug=AUTHOR))
    article.tags.add(TAG)
    article.save()
    return article


def test_query_counts_do_not_grow_with_the_number_of_articles(article_factory, own_section, client):
    n = 15  # more than a page of the section and of search even before, so only the total grows
    article = None
    for i in range(n):
        article = credited_article(article_factory, own_section, f"Counted story {i}")
    urls = [
        "/",
        own_section.url,
        f"{own_section.url}?page=2",
        article.url,
        "/search/?q=story",
        "/search/?q=story&lang=any&section=uae",
        "/feeds/rss/",
        "/feeds/en/atom/",
        f"/feeds/en/section/{own_section.slug}/rss/",
        f"/feeds/author/{AUTHOR}/rss/",
        f"/feeds/tag/{TAG}/atom/",
    ]
    before = {url: queries_for(client, url) for url in urls}
    for i in range(2 * n):
        credited_article(article_factory, own_section, f"More story {i}")
    after = {url: queries_for(client, url) for url in urls}
    assert after == before
