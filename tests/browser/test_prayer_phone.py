"""Every time on the prayer pages is readable and right: on a 390 px phone and a 1280 px
screen, in English and Arabic.  Each visible time is read back from the page, checked to
lie whole inside its cell and the window (no ":09" for "15:09", no column off-screen),
and compared with the engine's minute.
"""

from __future__ import annotations

import datetime as dt

import pytest

from nashra.engines.prayer import compute_day
from nashra.kernel.clock import dubai_today
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

READ_CELLS = """cells => cells.map(c => {
  const b = c.querySelector('bdi'), r = b.getBoundingClientRect(), t = c.getBoundingClientRect();
  const row = c.closest('tr');
  const time = row.querySelector('time');
  // visible: inside the window and inside the scrolling box that would clip it
  const box = (c.closest('.prayer-scroll') || document.documentElement).getBoundingClientRect();
  const left = Math.max(0, box.left), right = Math.min(window.innerWidth, box.right);
  return {place: row.dataset.place || null, date: time ? time.dateTime : null,
          prayer: c.dataset.prayer, text: b.innerText.trim(),
          inside: r.left >= t.left - 0.5 && r.right <= t.right + 0.5,
          onscreen: r.left >= left - 0.5 && r.right <= right + 0.5};
})"""


@pytest.fixture(params=[390, 1280], ids=["390px", "1280px"])
def sized_page(request, browser):
    context = browser.new_context(
        timezone_id="America/Los_Angeles",
        viewport={"width": request.param, "height": 860},
        device_scale_factor=1,
    )
    page = context.new_page()
    yield page, request.param
    context.close()


def check(cells, expected):
    assert cells
    for cell in cells:
        assert cell["text"] == expected(cell), cell
        assert cell["inside"], cell
        assert cell["onscreen"], cell


@pytest.mark.parametrize("edition", ["", "/ar"], ids=["en", "ar"])
def test_every_time_is_readable_and_right(site_server, sized_page, edition):
    page, width = sized_page
    today = dubai_today()
    days: dict[tuple[str, str], dict[str, str]] = {}

    def engine(slug: str, date: str) -> dict[str, str]:
        if (slug, date) not in days:
            days[(slug, date)] = compute_day(slug, dt.date.fromisoformat(date)).hhmm()
        return days[(slug, date)]

    page.goto(site_server.url + edition + "/prayer-times/")
    cells = page.locator("main tr[data-place] td[data-prayer]").evaluate_all(READ_CELLS)
    assert len(cells) == 60 * 6
    check(cells, lambda c: engine(c["place"], today.isoformat())[c["prayer"]])
    screenshot(page, f"prayer-index{edition.replace('/', '-')}-{width}")

    page.goto(site_server.url + edition + "/prayer-times/al-ain/")
    cells = page.locator("main table.prayer-month td[data-prayer]").evaluate_all(READ_CELLS)
    assert len(cells) >= 28 * 6
    check(cells, lambda c: engine("al-ain", c["date"])[c["prayer"]])
    assert page.locator("main tr.is-today").count() == 1
    hijri = page.locator("main table.prayer-month tbody .prayer-hijri").all_inner_texts()
    assert len(hijri) == len(cells) // 6
    assert all(text.strip() for text in hijri)
    screenshot(page, f"prayer-al-ain{edition.replace('/', '-')}-{width}")


@pytest.mark.parametrize("edition", ["", "/ar"], ids=["en", "ar"])
def test_ramadan_month_has_the_imsak_column(site_server, sized_page, edition):
    page, width = sized_page
    page.goto(site_server.url + edition + "/prayer-times/hatta/?month=2027-02")
    assert page.locator("main table.prayer-month thead th").count() == 8
    cells = page.locator("main tr.is-ramadan td[data-prayer]").evaluate_all(READ_CELLS)
    ramadan_days = len(cells) // 7
    assert 18 <= ramadan_days <= 22  # Ramadan 1448 begins on or about 8 February 2027

    def expected(cell):
        times = compute_day("hatta", dt.date.fromisoformat(cell["date"])).hhmm()
        if cell["prayer"] == "imsak":
            fajr = dt.datetime.strptime(times["fajr"], "%H:%M")
            return (fajr - dt.timedelta(minutes=10)).strftime("%H:%M")
        return times[cell["prayer"]]

    check(cells, expected)
    caption = page.locator("main table.prayer-month caption").inner_text()
    assert "1448" in caption
    screenshot(page, f"prayer-imsakiya{edition.replace('/', '-')}-{width}")
