"""Nothing an editor types executes on a public page, checked in Chromium.

Each payload below goes into every text field an editor can write (tests/browser/
xss_content.py publishes an English and an Arabic story per payload, with its author,
agency, tags, correction and the breaking-news banners), and every public page that shows
them is loaded in Chromium. Payloads that run set `window.__xss` (or open a dialog), so
"nothing executed" is observed, not guessed; a DOM scan then finds what would run on a
click (javascript: URLs, on* handlers, frames, stray scripts), and the text must be shown
to readers as typed. A control test proves each payload does execute when not escaped.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.browser.conftest import screenshot

# Escaping is checked on its own: the site's Content-Security-Policy (tests/browser/test_csp.py)
# would stop an inline payload too, and hide an escaping fault behind it.
pytestmark = [pytest.mark.browser, pytest.mark.ignore_csp]

ROOT = Path(__file__).resolve().parents[2]
PAYLOADS = [
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=1>",
    "<svg onload=window.__xss=1>",
    '"><img src=x onerror=window.__xss=1>',  # breaks out of a double-quoted attribute
    "'><svg/onload=window.__xss=1>",  # ... and of a single-quoted one
    "</script><script>window.__xss=1</script>",  # ends the JSON-LD <script> early
    "</title><script>window.__xss=1</script>",
    "--><script>window.__xss=1</script><!--",
    "<iframe src=javascript:top.__xss=1>",
    "<img src=x onerror=alert(1)>",
    "javascript:window.__xss=1",
    "{{ request }}{% debug %}{{ 7|add:7 }}",  # template syntax shown, never evaluated
]
# Payloads that need no click to run; `javascript:` and template text are checked otherwise.
RUN_ON_LOAD = [p for p in PAYLOADS if p.startswith(("<", '"', "'", "-"))]

# What would execute now or on a click, in the DOM as Chromium built it.
DANGER_SCAN = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
      if (attr.name.startsWith("on")) found.push(`${el.localName} ${attr.name}`);
      if (["href", "src", "action", "formaction", "xlink:href", "data"].includes(attr.name)
          && value.startsWith("javascript:")) found.push(`${el.localName} ${attr.name}=js:`);
    }
    if (["iframe", "frame", "object", "embed"].includes(el.localName)) found.push(el.localName);
    if (el.localName === "script") {
      if (el.type === "application/ld+json") {
        try { JSON.parse(el.textContent); } catch (e) { found.push("broken ld+json"); }
      } else if (!el.src || new URL(el.src).origin !== location.origin) {
        found.push("inline or foreign script");
      }
    }
  }
  return found;
}"""

# A feed reader's view: titles as text, descriptions/summaries rendered as HTML.
READ_FEED = """async (url) => {
  const xml = new DOMParser().parseFromString(await (await fetch(url)).text(), "application/xml");
  const shown = [];
  for (const item of xml.querySelectorAll("item, entry")) {
    const html = item.querySelector("description, summary");
    const box = document.createElement("div");
    box.innerHTML = html ? html.textContent : "";
    document.body.append(box);
    shown.push({title: item.querySelector("title").textContent, text: box.textContent});
  }
  await new Promise((done) => setTimeout(done, 300));  // let onerror handlers fire
  return shown;
}"""


class Watched:
    """A page whose dialogs are recorded (and dismissed)."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def load(self, url: str) -> None:
        response = self.page.goto(url, wait_until="load")
        assert response.status == 200, url
        self.page.wait_for_timeout(50)

    def assert_inert(self, where: str, scan: bool = True) -> None:
        assert self.page.evaluate("window.__xss") is None, f"a payload ran on {where}"
        assert self.dialogs == [], f"a payload opened a dialog on {where}"
        if scan:
            assert self.page.evaluate(DANGER_SCAN) == [], where

    def text(self, selector: str) -> str:
        return self.page.locator(selector).first.text_content().strip()


def on_server(site_server, code: str) -> str:
    return site_server.django(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n" + code)


@pytest.fixture(scope="module")
def probes(site_server):
    out = on_server(
        site_server,
        f"from tests.browser.xss_content import publish_probes\npublish_probes({PAYLOADS!r})\n",
    )
    yield json.loads(out.strip().splitlines()[-1])
    on_server(
        site_server, "from tests.browser.xss_content import withdraw_probes\nwithdraw_probes()\n"
    )


def set_banner(site_server, payload: str) -> None:
    code = (
        f"from tests.browser.xss_content import set_breaking_news\nset_breaking_news({payload!r})"
    )
    on_server(site_server, code + "\n")


@pytest.mark.parametrize("payload", RUN_ON_LOAD)
def test_control_each_payload_runs_when_not_escaped(site_server, page, payload):
    watched = Watched(page)
    watched.load(site_server.url + "/healthz")
    page.set_content(f"<!doctype html><title>x</title><p>{payload}</p>")
    page.wait_for_timeout(300)
    ran = page.evaluate("window.__xss") == 1 or watched.dialogs
    assert ran, f"{payload!r} would not show an escaping fault"


def check_article(watched: Watched, payload: str, n: int) -> None:
    page = watched.page
    assert watched.text("h1") == f"Probe {n}: {payload}"
    assert page.title().startswith(payload)  # the SEO headline
    assert page.locator('meta[name="description"]').get_attribute("content") == payload
    assert watched.text(".breaking") == f"Breaking {payload}"
    for selector in (".kicker", ".article__standfirst", ".byline__name", ".agency-credit abbr"):
        assert watched.text(selector) == payload, selector
    assert page.locator(".agency-credit abbr").get_attribute("title") == payload
    assert watched.text(".dateline").startswith(f"{payload}, {payload}".upper())
    assert payload in watched.text(".article__hero figcaption")
    body = page.locator(".article__body").text_content()
    assert body.count(payload) >= 6  # typed paragraph, quote + attribution, caption, fact box
    assert page.locator(".article__body img").first.get_attribute("alt") == payload
    assert payload in watched.text(".corrections")
    assert page.locator(".tags li").all_text_contents() == [payload]
    ld = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert ld["headline"] == f"Probe {n}: {payload}"
    assert ld["author"] == [{"@type": "Person", "name": payload}]
    assert ld["dateline"] == f"{payload}, {payload}"


@pytest.mark.parametrize("n, payload", list(enumerate(PAYLOADS)))
def test_payload_in_every_field_never_runs_on_its_pages(site_server, page, probes, n, payload):
    set_banner(site_server, payload)
    watched = Watched(page)

    watched.load(f"{site_server.url}/uae/xss-probe-{n}/")
    watched.assert_inert("the English article")
    check_article(watched, payload, n)
    if n == 0:
        screenshot(page, "xss-article")

    watched.load(f"{site_server.url}/ar/uae/xss-probe-{n}/")
    watched.assert_inert("the Arabic article")
    assert watched.text("h1") == f"مسبار {n}: {payload}"
    assert watched.text(".byline__name") == payload  # the author's Arabic name
    assert page.locator(".agency-credit abbr").get_attribute("title") == payload  # Arabic
    assert watched.text(".breaking").endswith(payload)

    watched.load(f"{site_server.url}/search/?q={quote(payload)}")
    watched.assert_inert("the search page, with the payload as the query")
    assert page.input_value("#id_q") == payload


LISTINGS = ["/", "/uae/", "/ar/", "/ar/uae/", "/corrections/", "/ar/corrections/"]


@pytest.mark.parametrize("path", LISTINGS)
def test_listings_show_every_payload_as_text(site_server, page, probes, path):
    watched = Watched(page)
    watched.load(site_server.url + path)
    watched.assert_inert(path)
    shown = page.locator("main").text_content()
    missing = [p for p in PAYLOADS if p not in shown]
    if path in ("/", "/ar/"):  # the front pages show a selection; some probes must be there
        assert len(missing) < len(PAYLOADS), path
    else:
        assert missing == [], path
    screenshot(page, "xss-" + (path.strip("/").replace("/", "-") or "home"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_search_results_show_payloads_as_text(site_server, page, probes, language):
    watched = Watched(page)
    query = "Probe" if language == "en" else "مسبار"
    shown = ""
    for number in (1, 2):
        watched.load(f"{site_server.url}/search/?q={quote(query)}&lang={language}&page={number}")
        watched.assert_inert(f"search results page {number}")
        shown += page.locator(".search-results").text_content()
    assert [p for p in PAYLOADS if p not in shown] == []


def test_feeds_never_run_a_payload_in_the_browser_or_a_feed_reader(site_server, page, probes):
    feeds = [
        "/feeds/en/rss/",
        "/feeds/en/atom/",
        "/feeds/ar/rss/",
        "/feeds/en/section/uae/atom/",
        "/feeds/author/xss-probe-0/rss/",
        *[f"/feeds/tag/{slug}/atom/" for slug in probes["tag_slugs"][:3]],
    ]
    watched = Watched(page)
    for feed in feeds:
        watched.load(site_server.url + feed)  # Chromium's own view of the XML
        watched.assert_inert(feed, scan=False)
    watched.load(site_server.url + "/healthz")
    for feed in feeds:
        items = page.evaluate(READ_FEED, site_server.url + feed)
        watched.assert_inert(f"a feed reader showing {feed}", scan=False)
        probes_shown = [item for item in items if item["title"].startswith(("Probe", "مسبار"))]
        assert probes_shown, feed
        for item in probes_shown:
            payload = item["title"].split(": ", 1)[1]
            assert item["text"] == payload, feed  # the standfirst, as text
