"""Home, section and article in Chromium; the clock shows Dubai time and ticks."""

import re
from datetime import UTC, datetime

import pytest

from nashra.kernel.clock import clock_line
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

CLOCK = re.compile(r"^\d{1,2}\.\d{2} (AM|PM) [A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}$")


def clock_text(page) -> str:
    return page.locator("[data-clock] time").inner_text().strip()


def test_home_page_renders_with_header_and_sections(site_server, page):
    page.goto(site_server.url + "/")
    assert (
        page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == "America/Los_Angeles"
    )
    assert CLOCK.match(clock_text(page)), clock_text(page)
    for name in ("UAE", "World", "Business", "Sport", "Opinion"):
        assert page.get_by_role("link", name=name, exact=True).first.is_visible()
    assert page.locator(".card").count() >= 10
    lead_image = page.locator(".card--lead img")
    assert lead_image.evaluate("img => img.complete && img.naturalWidth > 0")
    screenshot(page, "home")


def test_clock_is_dubai_time_while_the_device_is_in_los_angeles(site_server, page):
    # 11:15:30 UTC is 3.15 PM in Dubai and 4.15 AM in Los Angeles.
    page.clock.install(time=datetime(2023, 9, 22, 11, 15, 30, tzinfo=UTC))
    page.goto(site_server.url + "/")
    page.clock.run_for(1000)
    assert clock_text(page) == "3.15 PM Friday, 22 September 2023"
    page.clock.run_for(60_000)
    assert clock_text(page) == "3.16 PM Friday, 22 September 2023"
    screenshot(page, "clock-dubai-time", full_page=False)


def test_clock_replaces_a_stale_server_render(site_server, page):
    # A cached page carries the time it was rendered; the browser corrects it at once.
    now = datetime.now(UTC)
    page.goto(site_server.url + "/")
    assert clock_text(page) in {clock_line(now), clock_line(datetime.now(UTC))}


def test_section_and_article_pages(site_server, page):
    page.goto(site_server.url + "/")
    page.get_by_role("link", name="Business", exact=True).first.click()
    page.wait_for_url(re.compile(r"/business/$"))
    assert page.locator("h1").inner_text() == "Business"
    screenshot(page, "section-business")
    headline = page.locator(".card__headline a").first
    title = headline.inner_text()
    headline.click()
    page.wait_for_load_state()
    assert page.locator("h1.article__headline").inner_text() == title
    assert page.locator(".article__credit").is_visible()
    assert page.locator(".article__body p").count() >= 3
    screenshot(page, "article")


def test_unknown_page_is_the_styled_404(site_server, page):
    response = page.goto(site_server.url + "/no/such/story/")
    assert response.status == 404
    assert page.get_by_role("heading", name="We could not find that page").is_visible()
    screenshot(page, "not-found", full_page=False)
