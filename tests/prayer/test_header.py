"""The prayer table in every public page's header."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine

from nashra.engines.prayer import compute_day
from nashra.prayer.header import header_slugs
from nashra.prayer.models import JumuahTime
from tests.prayer.helpers import header_html, row_cells
from tests.support.caches import clear_caches

FRIDAY_AFTERNOON = dt.datetime(2023, 9, 22, 11, 16, tzinfo=dt.UTC)  # 15:16 in Dubai


def test_dubai_row_is_todays_engine_times_with_jumuah_on_friday(client, db):
    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        html = client.get("/").content.decode()
    assert row_cells(html, "dubai") == ["04:50", "06:04", "12:14", "15:39", "18:19", "19:33"]
    expected = compute_day("dubai", dt.date(2023, 9, 22)).hhmm()
    assert row_cells(html, "dubai") == [
        expected[p] for p in ("fajr", "sunrise", "dhuhr", "asr", "maghrib", "isha")
    ]
    panel = header_html(html)
    assert re.search(r"Jumu(&#x27;|')ah <time[^>]*>13:15</time>", panel)
    for heading in ("City", "Fajr", "Shuruq", "Dhuhr", "Asr", "Maghrib", "Isha"):
        assert f">{heading}</th>" in panel
    assert 'href="/prayer-times/"' in panel


def test_every_configured_area_has_a_row_in_the_default_order(client, db):
    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        html = client.get("/").content.decode()
    slugs = re.findall(r'<tr data-place="([a-z-]+)">', header_html(html))
    assert slugs == list(header_slugs())
    assert slugs[:2] == ["abu-dhabi", "dubai"]
    assert slugs[-1] == "al-ain"
    assert len(slugs) == 8


def test_next_prayer_is_marked_and_carries_iso_instants(client, db):
    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        html = client.get("/").content.decode()
    row = re.search(r'<tr data-place="dubai">(.*?)</tr>', html, re.S)[1]
    assert re.search(r'data-prayer="asr" data-at="2023-09-22T15:39:00\+04:00" class="is-next"', row)
    assert row.count("is-next") == 1
    # Before noon on a Friday the next prayer is Jumu'ah: the Dhuhr cell carries its instant.
    clear_caches()  # the same page within the page-cache minute would be the cached copy
    with time_machine.travel(dt.datetime(2023, 9, 22, 6, 0, tzinfo=dt.UTC), tick=False):
        html = client.get("/").content.decode()
    row = re.search(r'<tr data-place="dubai">(.*?)</tr>', html, re.S)[1]
    assert re.search(
        r'data-prayer="dhuhr" data-at="2023-09-22T13:15:00\+04:00" class="is-next"', row
    )
    assert 'class="prayer-jumuah is-next"' in html
    assert "prayer/next.js" in html


def test_no_jumuah_line_on_other_days(client, db):
    with time_machine.travel(dt.datetime(2023, 9, 21, 11, 16, tzinfo=dt.UTC), tick=False):
        html = client.get("/").content.decode()
    assert "data-jumuah" not in header_html(html)
    assert row_cells(html, "dubai") == list(
        compute_day("dubai", dt.date(2023, 9, 21)).hhmm().values()
    )


def test_the_table_moves_on_at_dubai_midnight(client, db):
    with time_machine.travel(
        dt.datetime(2023, 9, 22, 19, 59, tzinfo=dt.UTC), tick=False
    ) as traveller:
        before = client.get("/").content.decode()
        traveller.move_to(dt.datetime(2023, 9, 22, 20, 1, tzinfo=dt.UTC))  # 00:01 in Dubai
        after = client.get("/").content.decode()
    assert '<time datetime="2023-09-22">' in header_html(before)
    assert '<time datetime="2023-09-23">' in header_html(after)
    saturday = compute_day("dubai", dt.date(2023, 9, 23)).hhmm()
    assert row_cells(after, "dubai") == [
        saturday[p] for p in ("fajr", "sunrise", "dhuhr", "asr", "maghrib", "isha")
    ]
    assert "data-jumuah" not in header_html(after)
    # Just after midnight Fajr is next.
    assert re.search(
        r'data-prayer="fajr" data-at="2023-09-23T[0-9:]+\+04:00" class="is-next"', after
    )


def test_arabic_header_uses_arabic_names_and_labels(client, db):
    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        html = client.get("/ar/").content.decode()
    panel = header_html(html)
    for word in (
        "المدينة",
        "الفجر",
        "الشروق",
        "الظهر",
        "العصر",
        "المغرب",
        "العشاء",
        "الجمعة",
        "دبي",
    ):
        assert word in panel, word
    assert row_cells(html, "dubai")[0] == "04:50"


def test_header_places_come_from_the_setting(client, db, settings):
    settings.NASHRA_PRAYER_HEADER_PLACES = "hatta, jebel-jais"
    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        html = client.get("/").content.decode()
    assert re.findall(r'<tr data-place="([a-z-]+)">', header_html(html)) == ["hatta", "jebel-jais"]


def test_editing_the_jumuah_schedule_changes_the_header_and_purges_pages(client, db):
    from nashra.kernel.cache import current_generation

    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        client.get("/")
        generation = current_generation()
        JumuahTime.objects.create(starts_on=dt.date(2023, 9, 1), time=dt.time(13, 0), note="test")
        assert current_generation() == generation + 1
        html = client.get("/").content.decode()
    assert re.search(r"Jumu(&#x27;|')ah <time[^>]*>13:00</time>", header_html(html))


@pytest.mark.ignore_template_errors  # Wagtail's own admin templates
def test_jumuah_schedule_is_editable_in_the_admin(editor_client):
    listing = editor_client.get("/admin/snippets/prayer/jumuahtime/")
    assert listing.status_code == 200
    assert "13:15 from 2022-01-07" in listing.content.decode()
    assert "12:45 from 2026-01-02" in listing.content.decode()
    response = editor_client.post(
        "/admin/snippets/prayer/jumuahtime/add/",
        {"starts_on": "2027-01-01", "time": "13:30", "note": "test"},
    )
    assert response.status_code == 302
    assert JumuahTime.objects.get(starts_on=dt.date(2027, 1, 1)).time == dt.time(13, 30)
    assert (
        editor_client.get("/api/v1/prayer-times", {"place": "dubai", "date": "2027-01-01"}).json()[
            "jumuah"
        ]
        == "13:30"
    )
    assert (
        editor_client.get("/api/v1/prayer-times", {"place": "dubai", "date": "2026-12-25"}).json()[
            "jumuah"
        ]
        == "12:45"
    )


@pytest.mark.parametrize("day", [dt.date(2023, 9, 22), dt.date(2023, 9, 23)])  # Fri, Sat
def test_header_and_day_pages_mark_the_engines_next_prayer(db, day):
    """The header marks, in every row, the column of DayTimes.next_prayer at every minute
    that matters (each prayer's minute and the minute before it)."""
    from nashra.engines.prayer import column
    from nashra.prayer.header import prayer_header

    zone = dt.timezone(dt.timedelta(hours=4))
    days = {slug: compute_day(slug, day) for slug in header_slugs()}
    moments = {dt.datetime.combine(day, dt.time(0, 1), zone)}
    for times in days.values():
        for when in (*times.times.values(), times.jumuah):
            if when is not None:
                moments |= {when, when - dt.timedelta(minutes=1)}
    for now in sorted(moments):
        header = prayer_header(now)
        for row in header.rows:
            nxt = days[row.slug].next_prayer(now)
            marked = [cell.prayer for cell in row.cells if cell.is_next]
            assert marked == ([column(nxt[0])] if nxt else []), (row.slug, now)
        assert header.jumuah_next == any(
            (n := d.next_prayer(now)) is not None and n[0] == "jumuah" for d in days.values()
        )
