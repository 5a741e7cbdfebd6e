"""Both editions in Chromium: direction, the Arabic clock, and no serious accessibility faults."""

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nashra.site.dubai import clock_line_ar
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PAGES = {
    "home": ("/", "/ar/"),
    "section": ("/uae/", "/ar/uae/"),
    "article": ("/uae/dubai-metro-extends-weekend-hours/", None),  # Arabic: its counterpart
}


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document)).violations")
    return [v for v in result if v["impact"] in ("serious", "critical")]


def describe(violations) -> str:
    return json.dumps(
        [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
         for v in violations], ensure_ascii=False, indent=1,
    )


def arabic_url(page, english_url):
    page.goto(english_url)
    return page.locator('.counterpart a[hreflang="ar"]').get_attribute("href")


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
    assert re.fullmatch(r"\d{1,2} [\u0600-\u06FF ]+ \d{4} هـ", page.locator(".hijri bdi").inner_text())
    screenshot(page, "ar-clock", full_page=False)


def test_language_switcher_moves_between_editions(site_server, page):
    page.goto(site_server.url + "/uae/")
    page.locator(".language-switch a").click()
    assert page.url == site_server.url + "/ar/uae/"
    page.locator(".language-switch a").click()
    assert page.url == site_server.url + "/uae/"
