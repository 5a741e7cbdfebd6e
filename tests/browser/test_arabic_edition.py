"""Both editions in Chromium: direction, the Arabic clock, the prayer-times pages laid out
right to left, and no serious accessibility faults."""

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from nashra.engines.prayer import compute_day
from nashra.kernel.clock import clock_line_ar
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PAGES = {
    "home": ("/", "/ar/"),
    "section": ("/uae/", "/ar/uae/"),
    "article": ("/uae/dubai-metro-extends-weekend-hours/", None),  # Arabic: its counterpart
    "prayer-times": ("/prayer-times/", "/ar/prayer-times/"),
    "prayer-times-place": ("/prayer-times/dubai/", "/ar/prayer-times/dubai/"),
}


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document)).violations")
    return [v for v in result if v["impact"] in ("serious", "critical")]


def describe(violations) -> str:
    return json.dumps(
        [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
            for v in violations
        ],
        ensure_ascii=False,
        indent=1,
    )


def arabic_url(page, english_url):
    page.goto(english_url)
    return page.locator('.counterpart a[hreflang="ar"]').get_attribute("href")


@pytest.mark.ignore_csp  # axe-core is injected as a script
@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("language", ["en", "ar"])
def test_page_in_both_directions_has_no_serious_accessibility_violations(
    site_server, page, name, language
):
    english, arabic = PAGES[name]
    if language == "ar":
        path = arabic or arabic_url(page, site_server.url + english)
    else:
        path = english
    page.goto(site_server.url + path)
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    if language == "ar":
        # Right to left for real: the brand sits right of the clock's start edge.
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    violations = axe_violations(page)
    screenshot(page, f"{language}-{name}")
    assert violations == [], describe(violations)


def test_arabic_clock_in_the_browser_matches_the_server(site_server, page):
    moment = datetime(2023, 9, 22, 11, 15, 30, tzinfo=UTC)
    page.clock.install(time=moment)
    page.goto(site_server.url + "/ar/")
    page.clock.run_for(1000)
    shown = page.locator("[data-clock] time").inner_text().strip()
    assert shown == clock_line_ar(moment) == "3:15 م الجمعة، 22 سبتمبر 2023"
    assert not re.search(r"[\u0660-\u0669]", shown)
    # The server renders the Hijri date for its own (real) Dubai day, in Arabic.
    hijri = page.locator(".hijri bdi").inner_text()
    assert re.fullmatch(r"\d{1,2} [\u0600-\u06FF ]+ \d{4} هـ", hijri)
    screenshot(page, "ar-clock", full_page=False)


def test_language_switcher_moves_between_editions(site_server, page):
    page.goto(site_server.url + "/uae/")
    page.locator(".language-switch a").click()
    assert page.url == site_server.url + "/ar/uae/"
    page.locator(".language-switch a").click()
    assert page.url == site_server.url + "/uae/"


def boxes(page, selector):
    return page.locator(selector).evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {left: r.left, right: r.right, top: r.top, text: e.textContent}; })"
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_prayer_place_page_reads_in_its_direction(site_server, page, language):
    prefix = "/ar" if language == "ar" else ""
    page.goto(f"{site_server.url}{prefix}/prayer-times/dubai/?month=2023-09")
    rtl = language == "ar"
    svg = boxes(page, "figure.prayer-chart svg")[0]
    hours = boxes(page, "figure.prayer-chart .axis text[dominant-baseline]")
    months = boxes(page, "figure.prayer-chart .axis text:not([dominant-baseline])")
    lines = boxes(page, "figure.prayer-chart path")
    # Every label is whole and inside the chart (none cut off at an edge, none stacked).
    for label in hours + months:
        assert svg["left"] <= label["left"] and label["right"] <= svg["right"] + 0.5, label
    assert [h["text"] for h in hours][:2] == ["03:00", "04:00"]
    assert len({round(h["top"]) for h in hours}) == len(hours)
    # The year runs with the reading: January at the start edge, hour labels beside it.
    january, december = months[0], months[-1]
    plot_left = min(line["left"] for line in lines)
    plot_right = max(line["right"] for line in lines)
    if rtl:
        assert january["text"] == "يناير"
        assert december["text"] == "ديسمبر"
        assert january["left"] > december["right"]
        assert all(h["left"] >= plot_right for h in hours)
    else:
        assert january["text"] == "Jan"
        assert december["text"] == "Dec"
        assert january["right"] < december["left"]
        assert all(h["right"] <= plot_left for h in hours)
    # Month navigation: the previous month at the start edge, its arrow pointing outwards.
    previous = boxes(page, ".prayer-months a[rel=prev]")[0]
    following = boxes(page, ".prayer-months a[rel=next]")[0]
    before = previous["left"] > following["right"] if rtl else previous["right"] < following["left"]
    assert before
    assert previous["text"].startswith("→" if rtl else "←")
    # The table: dates in the start column, times whole and in Latin digits.
    headers = boxes(page, ".prayer-month thead th")
    dates, isha = headers[0], headers[-1]
    assert dates["left"] > isha["right"] if rtl else dates["right"] < isha["left"]
    first_day = page.locator(".prayer-month tbody tr").first.locator("td").all_inner_texts()
    expected = compute_day("dubai", date(2023, 9, 1)).hhmm()
    assert first_day[:2] == [expected["fajr"], expected["sunrise"]]
    assert all(re.fullmatch(r"\d\d:\d\d.*", t, re.S) for t in first_day)
    downloads = page.locator(".prayer-downloads a")
    assert downloads.count() == 2
    assert all(downloads.nth(i).is_visible() for i in range(2))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"{language}-prayer-times-dubai")


def test_language_switcher_keeps_the_prayer_page(site_server, page):
    page.goto(site_server.url + "/prayer-times/dubai/?month=2023-09")
    page.locator(".language-switch a").click()
    assert page.url == site_server.url + "/ar/prayer-times/dubai/?month=2023-09"
    assert page.locator("h1").inner_text() == "مواقيت الصلاة في دبي"
    page.locator(".language-switch a").click()
    assert page.url == site_server.url + "/prayer-times/dubai/?month=2023-09"


WALK = [
    ("home", "/ar/"),
    ("section-uae", "/ar/uae/"),
    ("section-world", "/ar/world/"),
    ("section-business", "/ar/business/"),
    ("section-sport", "/ar/sport/"),
    ("section-opinion", "/ar/opinion/"),
    ("article-metro", "/ar/uae/ar-dubai-metro-hours/"),
    ("article-gold", "/ar/business/ar-gold-prices-dubai-souq/"),
    ("article-opinion", "/ar/opinion/ar-opinion-arabic-screens/"),
    ("search", "/ar/search/?q=مترو"),
    ("search-empty", "/ar/search/"),
    ("prayer-times", "/ar/prayer-times/"),
    ("prayer-times-place", "/ar/prayer-times/abu-dhabi/"),
    ("weather", "/ar/weather/"),
    ("corrections", "/ar/corrections/"),
    ("not-found", "/ar/no-such-page/"),
]


@pytest.mark.parametrize("width", [1280, 390])
def test_every_arabic_page_in_the_browser(site_server, page, width):
    """A walk through the Arabic edition, on a desktop and a phone: right to left, nothing
    spilling sideways, every label of the chart inside it, a screenshot of each page."""
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in WALK:
        response = page.goto(site_server.url + path)
        assert response.status == (404 if name == "not-found" else 200), path
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl", path
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, overflow)
        if page.locator("figure.prayer-chart svg").count():
            svg = boxes(page, "figure.prayer-chart svg")[0]
            for label in boxes(page, "figure.prayer-chart text"):
                assert svg["left"] <= label["left"] and label["right"] <= svg["right"] + 0.5, label
        screenshot(page, f"ar-walk-{width}-{name}")
