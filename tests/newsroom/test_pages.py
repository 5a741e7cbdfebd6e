import re

import pytest

from nashra.newsroom.models import ArticlePage, SectionPage
from tests.support.caches import clear_caches

pytestmark = pytest.mark.django_db

SECTIONS = ["UAE", "World", "Business", "Sport", "Opinion"]


def test_home_has_header_top_stories_and_a_block_per_section(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-clock" in html
    assert "Top stories" in html
    for name in SECTIONS:
        assert re.search(
            rf'<h2 id="section-[a-z]+" class="block-heading"><a href="/[a-z]+/">{name}</a>', html
        ), name


def test_home_cards_carry_headline_standfirst_time_and_image(client):
    html = client.get("/").content.decode()
    article = (
        ArticlePage.objects.live()
        .filter(locale__language_code="en")
        .exclude(hero_image=None)
        .first()
    )
    assert article.title in html or any(a.title in html for a in ArticlePage.objects.live()[:20])
    assert html.count('class="card') >= 10
    assert "<time datetime=" in html
    assert "<img" in html


def test_section_page_lists_its_articles_newest_first(client):
    section = SectionPage.objects.get(slug="uae", locale__language_code="en")
    response = client.get(section.url)
    assert response.status_code == 200
    articles = list(ArticlePage.objects.live().child_of(section).order_by("-first_published_at"))
    html = response.content.decode()
    positions = [html.index(a.title) for a in articles[:3]]
    assert positions == sorted(positions)


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1.5", ""])
def test_section_bad_page_numbers_show_the_first_page(client, page):
    response = client.get(f"/uae/?page={page}")
    assert response.status_code == 200


def test_section_page_beyond_the_last_is_404(client):
    assert client.get("/uae/?page=99999").status_code == 404


def test_section_pagination(client, settings):
    settings.NASHRA_SECTION_PAGE_SIZE = 2
    first = client.get("/uae/").content.decode()
    assert 'rel="next" href="?page=2"' in first
    second = client.get("/uae/?page=2")
    assert second.status_code == 200
    assert 'rel="prev" href="?page=1"' in second.content.decode()


def page_count(html: str) -> int:
    return int(re.search(r"Page <bdi>\d+</bdi> of <bdi>(\d+)</bdi>", html).group(1))


def test_the_section_page_count_follows_publishing_and_unpublishing(
    client, settings, article_factory, own_section, duty_editor
):
    from tests.newsroom import steps

    settings.NASHRA_SECTION_PAGE_SIZE = 1
    settings.NASHRA_PAGE_CACHE_SECONDS = 0  # only the count itself is kept between requests
    before = page_count(client.get("/uae/").content.decode())
    assert page_count(client.get("/uae/?page=2").content.decode()) == before
    story = article_factory(own_section, live=True)
    assert page_count(client.get("/uae/").content.decode()) == before + 1
    assert client.get(f"/uae/?page={before + 1}").status_code == 200
    steps.unpublish(story, duty_editor)
    assert page_count(client.get("/uae/").content.decode()) == before
    assert client.get(f"/uae/?page={before + 1}").status_code == 404


def test_a_story_count_that_lags_never_hides_the_newest_stories(
    client, settings, article_factory, own_section, monkeypatch
):
    # The count is kept per cache for up to a minute; a story published by another
    # process (the worker, a command) may not have reached this app server's cache yet.
    from nashra.newsroom.models import SectionPage

    settings.NASHRA_SECTION_PAGE_SIZE = 3
    settings.NASHRA_PAGE_CACHE_SECONDS = 0
    newest = [article_factory(own_section, live=True, title=f"Fresh story {n}") for n in range(3)]
    monkeypatch.setattr(SectionPage, "published_story_count", lambda self, stories: 2)
    html = client.get("/uae/").content.decode()
    assert [story.title in html for story in newest] == [True, True, True]


def test_article_page_shows_everything_a_reader_needs(client):
    article = (
        ArticlePage.objects.live()
        .filter(locale__language_code="en")
        .exclude(agency=None)
        .exclude(dateline_city="")
        .first()
    )
    html = client.get(article.url).content.decode()
    assert (
        f">{article.title}</h1>" in html.replace("&#x27;", "'").replace("&amp;", "&")
        or article.title[:20] in html
    )
    assert article.agency.name in html
    assert article.dateline_city.upper() in html
    assert "Published" in html
    assert 'class="article__body"' in html
    assert "Related stories" in html


def test_article_with_correction_shows_note_and_updated_time(client):
    article = ArticlePage.objects.live().exclude(corrections=None).first()
    assert article is not None, "the demo content has one corrected article"
    html = client.get(article.url).content.decode()
    assert "Correction" in html
    assert "Updated" in html


def test_article_times_are_in_dubai_time(client):
    from zoneinfo import ZoneInfo

    article = ArticlePage.objects.live().filter(locale__language_code="en").first()
    local = article.first_published_at.astimezone(ZoneInfo("Asia/Dubai"))
    html = client.get(article.url).content.decode()
    assert f'datetime="{local.isoformat()}"' in html


def page_queries(client, path: str) -> tuple[int, str]:
    """Queries one uncached render of `path` makes, and its HTML."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    clear_caches()  # the page cache, and what it keys on
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("path", ["/", "/uae/", "/business/"])
def test_public_page_queries_do_not_grow_with_articles(client, article_factory, path):
    """A listing makes as many queries with 5 more stories per section as without them."""
    from wagtail.images import get_image_model

    from nashra.newsroom.models import Author

    page_queries(client, path)  # warm what a running site keeps: renditions, the site root
    before, _ = page_queries(client, path)
    image = get_image_model().objects.first()
    authors = list(Author.objects.all()[:2])
    for section in SectionPage.objects.filter(locale__language_code="en"):
        for n in range(5):
            title = f"Added story {n} in {section.slug}"
            story = article_factory(
                section, live=True, title=title, hero_image=image, hero_alt="A harbour at dusk"
            )
            story.authors.set(authors)
            story.save()
    page_queries(client, path)  # renditions of the added cards, made once
    after, html = page_queries(client, path)
    assert "Added story" in html, "the added stories are listed"
    assert after == before
