"""Prayer tables in Chromium: the next-prayer highlight moves on as the clock passes a time.

The server renders today's real Dubai date, so the browser clock is set relative to
today's Asr: 90 s before it, Asr is next; two minutes later, Maghrib is.
"""

from __future__ import annotations

import datetime as dt

import pytest

from nashra.engines.prayer import compute_day
from nashra.kernel.clock import dubai_today
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def before_asr() -> dt.datetime:
    day = compute_day("dubai", dubai_today())
    return day["asr"] - dt.timedelta(seconds=90)


def next_prayers(page, selector: str) -> list[str]:
    return page.locator(f"{selector} td.is-next").evaluate_all(
        "cells => cells.map(c => c.dataset.prayer)"
    )


def test_place_page_highlight_moves_from_asr_to_maghrib(site_server, page):
    page.clock.install(time=before_asr())
    page.goto(site_server.url + "/prayer-times/dubai/")
    page.clock.run_for(1000)
    assert page.locator("h1").inner_text() == "Prayer times in Dubai"
    assert next_prayers(page, "main tr.is-today") == ["asr"]
    assert page.locator("main svg[role=img] path").count() == 6
    page.clock.run_for(120_000)
    assert next_prayers(page, "main tr.is-today") == ["maghrib"]
    screenshot(page, "prayer-times-dubai")


def test_home_header_highlight_moves_on(site_server, page):
    page.clock.install(time=before_asr())
    page.goto(site_server.url + "/")
    page.clock.run_for(1000)
    header = ".prayer-panel tr[data-place=dubai]"
    assert page.locator(header + " td").first.is_visible()
    assert next_prayers(page, header) == ["asr"]
    page.clock.run_for(120_000)
    assert next_prayers(page, header) == ["maghrib"]
    # Every header row has exactly one next prayer (all UAE areas share the day's order).
    assert page.locator(".prayer-panel td.is-next").count() == 8
    screenshot(page, "home-header-prayer", full_page=False)
