"""Every public page of the Arabic edition speaks Arabic: no English UI string left over,
and no Latin run left to the bidi algorithm's mercy.

Text (and the attributes a reader or a screen reader meets: title, aria-label, alt,
placeholder) is read as Arabic unless an element says otherwise with `lang`: the
"English" language link, an English story in mixed search results.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

# Names that stay Latin inside Arabic text, as the Arabic press writes them.
LATIN_NAMES = {"CSV", "iCal", "RSS", "Atom", "UTC", "Open", "Meteo", "com", "CC", "BY"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
SKIPPED = {"script", "style"}
NO_MATCH = quote("ثخثخثخ")  # the query is shown back: Arabic, so it is no false alarm


class ArabicReader(HTMLParser):
    """Collects Latin words in Arabic text, and Latin-only text not isolated from it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        # One frame per open element: (tag, language, isolated, skipped)
        self.stack: list[tuple[str, str, bool, bool]] = [("#root", "", False, False)]
        self.untranslated: list[str] = []
        self.unisolated: list[str] = []

    @property
    def frame(self):
        return self.stack[-1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        _, language, isolated, skipped = self.frame
        language = (attrs.get("lang") or language).split("-")[0]
        # <bdi> and any element with its own dir (the root's aside) isolate their text.
        isolated = isolated or tag == "bdi" or (tag != "html" and "dir" in attrs)
        skipped = skipped or tag in SKIPPED
        if language == "ar" and not skipped:
            for name in READ_ATTRIBUTES:
                self._words(attrs.get(name) or "", f"<{tag} {name}>")
            if tag == "link" and attrs.get("rel") == "alternate":
                self._words(attrs.get("title") or "", "<link title>")
        if tag not in VOID:
            self.stack.append((tag, language, isolated, skipped))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        tag, language, isolated, skipped = self.frame
        text = " ".join(data.split())
        if not text or skipped or language != "ar":
            return
        self._words(text, f"<{tag}>")
        if LATIN_WORD.search(text) and not ARABIC_LETTER.search(text) and not isolated:
            self.unisolated.append(f"<{tag}> {text!r}")

    def _words(self, text: str, where: str) -> None:
        words = [w for w in LATIN_WORD.findall(text) if w not in LATIN_NAMES]
        if words:
            self.untranslated.append(f"{where} {text!r}")


def read(html: str) -> ArabicReader:
    reader = ArabicReader()
    reader.feed(html)
    return reader


def arabic_pages() -> list[str]:
    from nashra.newsroom.models import ArticlePage, SectionPage

    sections = SectionPage.objects.live().filter(locale__language_code="ar").order_by("path")
    articles = ArticlePage.objects.live().filter(locale__language_code="ar").order_by("path")
    return [
        "/ar/",
        *(section.url for section in sections),
        *(article.url for article in articles[:4]),
        "/ar/search/",
        f"/ar/search/?q={quote('مترو')}",
        f"/ar/search/?q={quote('الإمارات')}&lang=any",
        f"/ar/search/?q={NO_MATCH}",
        f"/ar/search/?date_from=2026-02-01&date_to=2026-01-01&q={NO_MATCH}",
        "/ar/prayer-times/",
        "/ar/prayer-times/dubai/?month=2023-09",
        "/ar/weather/",
        "/ar/corrections/",
        "/ar/no-such-page/",
        "/ar/prayer-times/atlantis/",
    ]


def test_the_reader_flags_english_and_unisolated_latin():
    reader = read(
        '<html lang="ar"><title>بحث · Nashra</title><p>1 result</p>'
        '<p><a href="x">بيانات من Open-Meteo.com</a> (CC BY 4.0)</p>'
        '<p lang="en">Read in English</p><p>تنزيل <bdi>CSV</bdi></p>'
        '<select><option>UAE</option></select><input placeholder="Search"></html>'
    )
    assert reader.untranslated == [
        "<title> 'بحث · Nashra'",
        "<p> '1 result'",
        "<option> 'UAE'",
        "<input placeholder> 'Search'",
    ]
    assert reader.unisolated == ["<p> '1 result'", "<p> '(CC BY 4.0)'", "<option> 'UAE'"]


def store_weather(age_minutes: int) -> None:
    """A record for today for every place, fetched `age_minutes` ago (5: ok, 120: stale)."""
    from datetime import timedelta

    from django.utils import timezone

    from nashra.kernel.clock import dubai_today
    from nashra.weather.config import places
    from nashra.weather.models import WeatherRecord

    for place in places():
        WeatherRecord.objects.create(
            place=place.slug,
            date=dubai_today(),
            condition="dust",
            max_c=41.2,
            min_c=30.1,
            provider="metar",
            provider_code="DU",
            fetched_at=timezone.now() - timedelta(minutes=age_minutes),
        )


@pytest.mark.django_db
@pytest.mark.parametrize("weather", ["unavailable", "ok", "stale"])
def test_every_arabic_page_is_in_arabic(client, weather):
    if weather != "unavailable":
        store_weather(5 if weather == "ok" else 120)
    problems = {}
    for path in arabic_pages():
        response = client.get(path)
        assert response.status_code in (200, 404), path
        html = response.content.decode()
        assert '<html lang="ar" dir="rtl">' in html, path
        assert f'data-weather-state="{weather}"' in html, path
        reader = read(html)
        if reader.untranslated or reader.unisolated:
            problems[path] = reader.untranslated + reader.unisolated
    assert problems == {}


@pytest.mark.django_db
def test_pages_outside_wagtail_link_to_their_english_version(client):
    html = client.get("/ar/prayer-times/dubai/?month=2023-09").content.decode()
    assert '<a href="/prayer-times/dubai/?month=2023-09" hreflang="en" lang="en"' in html
    alternate = r'<link rel="alternate" hreflang="{}" href="http[^"]+{}prayer-times/dubai/'
    assert re.search(alternate.format("en", "/"), html)
    assert re.search(alternate.format("ar", "/ar/"), html)
    html = client.get("/prayer-times/").content.decode()
    assert '<a href="/ar/prayer-times/" hreflang="ar" lang="ar"' in html
    for path in ("/ar/weather/", "/ar/corrections/", "/ar/search/?q=x"):
        english = path.removeprefix("/ar")
        assert f'<a href="{english}" hreflang="en"' in client.get(path).content.decode(), path


@pytest.mark.django_db
def test_a_missing_page_leads_back_to_its_own_edition(client):
    response = client.get("/ar/prayer-times/atlantis/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<a href="/ar/">اذهب إلى الصفحة الأولى</a>' in html
    assert 'rel="alternate" hreflang' not in html


@pytest.mark.django_db
def test_search_offers_sections_by_their_arabic_names(client):
    html = client.get("/ar/search/").content.decode()
    options = re.findall(r'<option value="([a-z-]+)"[^>]*>([^<]+)</option>', html)
    sections = dict(o for o in options if o[0] not in ("any", "en", "ar"))
    assert sections["uae"] == "الإمارات"
    assert sections["world"] == "العالم"
    english = client.get("/search/").content.decode()
    assert '<option value="uae">UAE</option>' in english


@pytest.mark.django_db
def test_search_counts_results_in_arabic_plural_forms(client):
    html = client.get(f"/ar/search/?q={quote('مترو')}").content.decode()
    count = re.search(r'<p class="search-count" role="status">([^<]+)</p>', html)[1]
    assert re.fullmatch(r"نتيجة واحدة|نتيجتان|\d+ نتائج|\d+ نتيجة", count), count
    html = client.get(f"/ar/search/?q={NO_MATCH}").content.decode()
    assert '<p class="search-count" role="status">لا نتائج</p>' in html


@pytest.mark.django_db
def test_an_arabic_wire_story_names_its_agency_in_arabic(client):
    import json

    from wagtail.models import Locale

    from nashra.newsroom.models import ArticlePage

    arabic = ArticlePage.objects.live().filter(locale__language_code="ar")
    story = arabic.filter(agency__slug="wam").first()
    html = client.get(story.url).content.decode()
    assert '<abbr title="وكالة أنباء الإمارات">وام</abbr>' in html
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    data = json.loads(json_ld)
    assert data["sourceOrganization"]["name"] == "وكالة أنباء الإمارات"
    english = story.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(english.url).content.decode()
    assert '<abbr title="Emirates News Agency">WAM</abbr>' in html


@pytest.mark.django_db
def test_a_withdrawn_arabic_story_and_a_breaking_banner_read_in_arabic(client, editor):
    from datetime import timedelta

    from django.utils import timezone

    from nashra.newsroom.actions import KillStoryAction
    from nashra.newsroom.models import ArticlePage
    from tests.newsroom import steps

    story = ArticlePage.objects.live().filter(locale__language_code="ar").first()
    KillStoryAction(story, user=editor, reason="سُحب هذا الخبر بناءً على استشارة قانونية.").execute()
    steps.set_breaking_news(
        editor,
        text="عاجل: أمطار غزيرة على الساحل الشرقي",
        language="ar",
        expire_at=timezone.now() + timedelta(hours=1),
    )
    response = client.get(story.url)
    html = response.content.decode()
    assert response.status_code == 410
    assert "سُحب هذا الخبر" in html
    assert "أمطار غزيرة" in html
    reader = read(html)
    assert reader.untranslated == []
    assert reader.unisolated == []
    # The withdrawal stamp is written the Arabic way: «27 نوفمبر 2026، 2:41 م».
    stamp = re.search(r'<p class="meta">[^<]*<time[^>]*>([^<]+)</time>', html)[1]
    assert re.fullmatch(r"\d{1,2} [\u0600-\u06FF]+ \d{4}، \d{1,2}:\d\d [صم]", stamp), stamp
