"""What the real server sends: hashed static files with long lifetimes, a light home
page, and no request to any third party."""

import re
import urllib.request
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PAGE_BUDGET_BYTES = 100 * 1024


def fetch(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_static_files_have_hashed_names_and_long_lifetimes(site_server):
    _, _, body = fetch(site_server.url + "/")
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', body.decode())
    assert assets, "the home page links its stylesheet and scripts"
    for asset in assets:
        assert re.search(r"\.[0-9a-f]{12}\.(css|js|svg)$", asset), asset
        status, headers, _ = fetch(site_server.url + asset)
        assert status == 200
        assert (
            "max-age=315360000" in headers["Cache-Control"]
            or "max-age=31536000" in headers["Cache-Control"]
        )


def test_home_page_weighs_under_100_kb_transferred(site_server, page):
    sizes = {}

    def record(response):
        kind = response.request.resource_type
        if kind in ("document", "stylesheet", "script"):
            sizes[response.url] = len(response.body())

    page.on("response", record)
    page.goto(site_server.url + "/", wait_until="networkidle")
    total = sum(sizes.values())
    print(f"home page HTML+CSS+JS: {total} bytes uncompressed over {len(sizes)} files")
    assert total < PAGE_BUDGET_BYTES, sizes


@pytest.mark.parametrize("path", ["/", "/uae/", "/ar/"])
def test_no_request_leaves_the_site(site_server, page, path):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(site_server.url + path, wait_until="networkidle")
    page.mouse.wheel(0, 20000)
    page.wait_for_timeout(300)
    assert hosts == {urlsplit(site_server.url).netloc}
