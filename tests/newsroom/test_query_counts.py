"""Public pages cost the same number of queries however many articles there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    from django.core.cache import cache

    cache.clear()
    client.get(url)  # warm-up: image renditions and per-process caches are made once
    cache.clear()  # uncached, and the overdue check runs each time alike
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_counts_do_not_grow_with_the_number_of_articles(article_factory, own_section, client):
    n = 15  # more than a page of the section even before, so only the total grows
    article = None
    for i in range(n):
        article = article_factory(own_section, live=True, title=f"Counted story {i}")
    urls = ["/", own_section.url, article.url]
    before = {url: queries_for(client, url) for url in urls}
    for i in range(2 * n):
        article_factory(own_section, live=True, title=f"More story {i}")
    after = {url: queries_for(client, url) for url in urls}
    assert after == before
