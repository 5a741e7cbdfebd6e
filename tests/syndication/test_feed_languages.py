"""Each feed speaks the language it declares: Arabic titles and <language>ar</language> for the
Arabic edition, whatever language the feed reader's request asks for."""

from urllib.parse import quote

import feedparser
import pytest

ARABIC_LETTERS = set(range(0x0600, 0x0700))


def parse(client, path, accept_language="en"):
    response = client.get(path, headers={"accept-language": accept_language})
    assert response.status_code == 200, path
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return parsed


def is_arabic(text: str) -> bool:
    latin = any("a" <= ch.lower() <= "z" for ch in text)
    return any(ord(ch) in ARABIC_LETTERS for ch in text) and not latin


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("accept_language", ["en", "ar"])
def test_arabic_edition_feed_is_in_arabic(client, kind, accept_language):
    feed = parse(client, f"/feeds/ar/{kind}/", accept_language).feed
    assert feed.language == "ar"
    assert feed.title == "نشرة: النسخة العربية"
    assert (feed.get("subtitle") or feed.get("description")) == "كل الأخبار في هذه النسخة"
    assert feed.link.endswith("/ar/")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_english_edition_feed_stays_english_for_an_arabic_reader(client, kind):
    feed = parse(client, f"/feeds/en/{kind}/", accept_language="ar").feed
    assert feed.language == "en"
    assert feed.title == "Nashra: English edition"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_arabic_section_feed_has_an_arabic_title_and_arabic_credits(client, kind):
    from nashra.newsroom.models import SectionPage

    section = SectionPage.objects.live().get(locale__language_code="ar", slug="uae")
    parsed = parse(client, f"/feeds/ar/section/uae/{kind}/")
    assert parsed.feed.language == "ar"
    assert parsed.feed.title == f"نشرة: {section.title}"
    assert is_arabic(parsed.feed.title)
    credits = [entry.get("author", "") for entry in parsed.entries]
    assert any(credits) and all(is_arabic(credit) for credit in credits if credit), credits


@pytest.mark.django_db
def test_arabic_tag_feed_declares_arabic(client):
    parsed = parse(client, f"/feeds/tag/{quote('النقل')}/rss/")
    assert parsed.feed.language == "ar"
    assert parsed.feed.title == "نشرة: النقل"
    assert {entry.link.split("/")[3] for entry in parsed.entries} == {"ar"}


@pytest.mark.django_db
def test_feeds_of_both_editions_stay_in_english_with_an_english_title(client):
    feed = parse(client, "/feeds/rss/", accept_language="ar").feed
    assert feed.language == "en"
    assert feed.title == "Nashra: all stories"


@pytest.mark.django_db
def test_each_edition_page_advertises_its_own_feed(client):
    html = client.get("/ar/").content.decode()
    assert 'type="application/rss+xml" title="نشرة (RSS)" href="/feeds/ar/rss/"' in html
    html = client.get("/").content.decode()
    assert 'type="application/rss+xml" title="Nashra (RSS)" href="/feeds/en/rss/"' in html
