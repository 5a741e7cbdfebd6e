"""The masthead on a 390 px phone, in both editions: compact, every prayer time whole.

Each prayer time visible in the header is read back from the screen and compared with
the prayer engine's own time for that city and today's Dubai date; a time counts as
read only if its cell is wholly inside the viewport and not cut by its scroll box
(the Arabic header once clipped 18:55 to "8:55").
"""

from __future__ import annotations

import pytest

from nashra.engines.prayer import compute_day
from nashra.kernel.clock import dubai_today
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SHOWN = ("fajr", "sunrise", "dhuhr", "asr", "maghrib", "isha")

READ_VISIBLE_TIMES = """
() => [...document.querySelectorAll(".prayer-panel td[data-prayer]")]
  .filter(cell => cell.getClientRects().length > 0)
  .map(cell => {
    const box = cell.getBoundingClientRect();
    const clip = cell.closest(".prayer-scroll").getBoundingClientRect();
    return {
      place: cell.closest("tr").dataset.place,
      prayer: cell.dataset.prayer,
      text: cell.innerText.trim(),
      whole: cell.scrollWidth <= cell.clientWidth
        && box.left >= Math.max(0, clip.left) - 0.5
        && box.right <= Math.min(innerWidth, clip.right) + 0.5,
    };
  })
"""


def engine_times(slug: str) -> dict[str, str]:
    return compute_day(slug, dubai_today()).hhmm()


def check_times(cells: list[dict]) -> set[str]:
    for cell in cells:
        assert cell["whole"], f"{cell['place']} {cell['prayer']} is cut: {cell['text']!r}"
        expected = engine_times(cell["place"])[cell["prayer"]]
        assert cell["text"] == expected, cell
    return {cell["place"] for cell in cells}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, timezone_id="America/Los_Angeles")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("edition", ["", "/ar"])
def test_phone_header_times_are_whole_and_right(site_server, phone, edition):
    phone.goto(site_server.url + edition + "/")
    strip = phone.evaluate(READ_VISIBLE_TIMES)
    # One city (Dubai by default), all six times, each read back whole.
    assert check_times(strip) == {"dubai"}
    assert sorted(cell["prayer"] for cell in strip) == sorted(SHOWN)
    phone.get_by_role("button", name="All cities" if not edition else "كل المدن").click()
    every_city = phone.evaluate(READ_VISIBLE_TIMES)
    assert len(check_times(every_city)) == 8
    assert len(every_city) == 8 * 6
    screenshot(phone, f"phone-header{edition.replace('/', '-') or '-en'}", full_page=False)


def test_phone_city_choice_is_remembered(site_server, phone):
    phone.goto(site_server.url + "/")
    phone.locator("[data-prayer-city]").select_option("sharjah")
    phone.goto(site_server.url + "/ar/")
    assert check_times(phone.evaluate(READ_VISIBLE_TIMES)) == {"sharjah"}


@pytest.mark.parametrize("edition", ["", "/ar"])
def test_phone_first_headline_on_first_screen_and_lead_image_eager(site_server, phone, edition):
    phone.goto(site_server.url + edition + "/")
    headline = phone.locator(".card--lead .card__headline").bounding_box()
    assert headline["y"] + headline["height"] <= PHONE["height"]
    lead = phone.locator(".card--lead img")
    assert lead.get_attribute("loading") == "eager"
    assert lead.get_attribute("fetchpriority") == "high"
    # Stories under the lead are compact rows: a thumbnail beside the headline.
    second = phone.locator(".card:not(.card--lead)").first
    thumb, text = second.locator(".card__media").bounding_box(), second.locator(".card__text")
    assert thumb["width"] < PHONE["width"] / 2
    assert abs(thumb["y"] - text.bounding_box()["y"]) < 20
    # The date is said once on screen, in the clock line: the panels' dates (date-only
    # <time>s) are for screen readers, one pixel wide.
    shown_dates = phone.evaluate(
        """() => [...document.querySelectorAll(".masthead time")].filter(t => {
            if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(t.getAttribute("datetime"))) return false;
            for (let e = t; e; e = e.parentElement) {
                if (e.getBoundingClientRect().width <= 1) return false;  // clipped away
            }
            return true;
        }).length"""
    )
    assert shown_dates == 0
    screenshot(phone, f"home-phone{edition.replace('/', '-') or '-en'}", full_page=False)
