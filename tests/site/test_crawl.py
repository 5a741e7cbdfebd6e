"""Every page reachable from the home page answers cleanly and leaks nothing."""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest

pytestmark = pytest.mark.django_db

SKIP_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/")
LEAKS = [
    re.compile(r"\{\{|\{%"),  # template syntax
    re.compile(
        r"\$\{|\$[a-z_]+\.|\$[a-z_]+\("
    ),  # Velocity-style references, as on the original page
    re.compile(r">\s*None\s*<|\bNone\b(?![-\w])"),  # Python's None in the text
    re.compile(r"Traceback \(most recent call last\)"),
]


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def internal_links(html: str) -> list[str]:
    collector = LinkCollector()
    collector.feed(html)
    found = []
    for href in collector.links:
        href, _ = urldefrag(href)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if parts.path.startswith(SKIP_PREFIXES):
            continue
        found.append(href)
    return found


def test_every_reachable_page_is_clean(client):
    seen = {"/"}
    queue = deque(["/"])
    checked = 0
    while queue and checked < 500:
        url = queue.popleft()
        response = client.get(url)
        checked += 1
        assert response.status_code in (200, 301, 302), f"{url} answered {response.status_code}"
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        for pattern in LEAKS:
            match = pattern.search(html)
            assert match is None, f"{url} leaks {match.group(0)!r}"
        for link in internal_links(html):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    assert checked >= 40, f"the crawl reached only {checked} pages"
