"""Where a reader can go from any page: the footer's links and the current section marked."""

import re

import pytest

pytestmark = pytest.mark.django_db


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.parametrize(
    ("home", "links"),
    [
        ("/", ["/prayer-times/", "/weather/", "/corrections/", "/search/", "/feeds/en/rss/"]),
        ("/ar/", ["/ar/prayer-times/", "/ar/weather/", "/ar/corrections/", "/ar/search/"]),
    ],
)
def test_footer_links_the_reader_pages_of_each_edition(client, home, links):
    html = footer(client.get(home).content.decode())
    hrefs = re.findall(r'href="([^"]+)"', html)
    for link in links:
        assert link in hrefs
    for link in hrefs:
        assert client.get(link).status_code == 200, link


def current_links(html: str) -> list[str]:
    nav = html[
        html.index('<nav class="sections"') : html.index(
            "</nav>", html.index('<nav class="sections"')
        )
    ]
    return re.findall(r'<a href="([^"]+)" aria-current="(page|true)">', nav)


def test_section_page_is_marked_current(client):
    assert current_links(client.get("/business/").content.decode()) == [("/business/", "page")]
    assert current_links(client.get("/ar/business/").content.decode()) == [
        ("/ar/business/", "page")
    ]


def test_a_story_marks_its_section_and_the_home_page_none(client):
    from nashra.newsroom.models import ArticlePage

    story = (
        ArticlePage.objects.live()
        .filter(locale__language_code="en", url_path__contains="/sport/")
        .first()
    )
    assert current_links(client.get(story.url).content.decode()) == [("/sport/", "true")]
    # The bar is cached per edition: the next page marks its own section only.
    assert current_links(client.get("/").content.decode()) == []
