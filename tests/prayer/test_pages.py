"""Prayer-times pages: all areas today, a place's month, downloads, the year chart."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine

from nashra.engines.prayer import all_places, compute_day, get_place
from nashra.engines.prayer.chart import year_chart
from nashra.engines.prayer.exports import CSV_HEADER
from nashra.prayer.schedule import timetable

FRIDAY_AFTERNOON = dt.datetime(2023, 9, 22, 11, 16, tzinfo=dt.UTC)


def test_index_lists_every_area_grouped_by_emirate(client, db):
    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        response = client.get("/prayer-times/")
    html = response.content.decode()
    assert response.status_code == 200
    main = html[html.index("<main") :]
    assert len(re.findall(r'<tr data-place="', main)) == len(all_places()) == 60
    captions = re.findall(r"<caption>([^<]+)</caption>", main)
    assert captions == [
        "Abu Dhabi",
        "Dubai",
        "Sharjah",
        "Ajman",
        "Umm Al Quwain",
        "Ras Al Khaimah",
        "Fujairah",
    ]
    row = re.search(r'<tr data-place="hatta">(.*?)</tr>', main, re.S)[1]
    expected = compute_day("hatta", dt.date(2023, 9, 22)).hhmm()
    assert expected["fajr"] in row
    assert expected["isha"] in row


def test_arabic_index(client, db):
    html = client.get("/ar/prayer-times/").content.decode()
    assert "مواقيت الصلاة" in html
    assert "الشارقة" in html


def test_place_month_with_navigation(client, db):
    response = client.get("/prayer-times/dubai/", {"month": "2023-09"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="?month=2023-08"' in html
    assert 'href="?month=2023-10"' in html
    assert html.count("<tr") >= 31
    assert "04:50" in html
    assert "Jumu" in html
    assert (
        'href="/prayer-times/dubai/2023-09.csv"' in html
        and 'href="/prayer-times/dubai/2023-09.ics"' in html
    )
    # December links forward to January of the next year.
    html = client.get("/prayer-times/dubai/", {"month": "2023-12"}).content.decode()
    assert 'href="?month=2024-01"' in html
    assert 'href="?month=2023-11"' in html


@pytest.mark.parametrize("month", ["2023-13", "garbage", "0000-01", "9999-12"])
def test_bad_month_shows_the_current_month(client, db, month):
    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        response = client.get("/prayer-times/dubai/", {"month": month})
    assert response.status_code == 200
    assert 'href="?month=2023-08"' in response.content.decode()


def test_unknown_place_is_a_styled_404(client, db):
    response = client.get("/prayer-times/atlantis/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
    assert client.get("/prayer-times/atlantis/2023-09.csv").status_code == 404
    assert client.get("/prayer-times/dubai/2023-13.csv").status_code == 404


def test_csv_download(client, db):
    response = client.get("/prayer-times/dubai/2023-09.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="prayer-times-dubai-2023-09.csv"'
    )
    lines = response.content.decode().splitlines()
    assert lines[0] == CSV_HEADER == "date,fajr,sunrise,dhuhr,asr,maghrib,isha"
    assert len(lines) == 31
    assert lines[22] == "2023-09-22,04:50,06:04,12:14,15:39,18:19,19:33"


def test_ical_download(client, db):
    response = client.get("/prayer-times/dubai/2023-09.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="prayer-times-dubai-2023-09.ics"'
    )
    body = response.content.decode()
    assert (
        body.startswith("BEGIN:VCALENDAR")
        and "BEGIN:VTIMEZONE" in body
        and "TZID:Asia/Dubai" in body
    )
    assert body.count("BEGIN:VEVENT") >= 30 * 5


def test_year_chart_is_inline_svg_with_title_and_axes(client, db):
    html = client.get("/prayer-times/dubai/", {"month": "2023-09"}).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert (
        'role="img"' in svg
        and '<title id="prayer-chart-title">Prayer times in Dubai through 2023</title>' in svg
    )
    assert "<desc" in svg
    assert len(re.findall(r'<path d="M[\d. L]+"', svg)) == 6
    assert ">Jan</text>" in svg
    assert ">Dec</text>" in svg
    assert re.search(r">\d\d:00</text>", svg)


def test_chart_paths_are_pure_and_follow_the_timetable(db):
    table = timetable([get_place("dubai")], dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    chart = year_chart(table)
    assert set(chart.paths) == {"fajr", "sunrise", "dhuhr", "asr", "maghrib", "isha"}
    points = chart.paths["fajr"].split(" L")
    assert len(points) == 365
    assert [m for _, m in chart.months] == list(range(1, 13))
    # Earlier in the day is higher up: Fajr's line is above Isha's on every day.
    fajr_y = [float(p.split()[-1]) for p in chart.paths["fajr"].split("L")]
    isha_y = [float(p.split()[-1]) for p in chart.paths["isha"].split("L")]
    assert all(f < i for f, i in zip(fajr_y, isha_y, strict=True))


def test_chart_breaks_lines_where_times_are_undefined():
    from nashra.engines.prayer import compute_timetable

    table = compute_timetable(
        [(78.2, 15.6, "Arctic/Longyearbyen")], dt.date(2024, 1, 1), dt.date(2024, 12, 31), "mwl"
    )
    chart = year_chart(table)
    assert chart.paths["sunrise"].count("M") >= 2
    assert "nan" not in " ".join(chart.paths.values())


def test_chart_mirrors_for_right_to_left_readers(db):
    table = timetable([get_place("dubai")], dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    ltr, rtl = year_chart(table), year_chart(table, rtl=True)
    assert ltr.paths.keys() == rtl.paths.keys()
    assert ltr.hours == rtl.hours

    def points(path):
        return [tuple(map(float, p.strip("ML ").split())) for p in path.split(" L")]

    # Same times, same heights; each day's x reflected so the year runs right to left.
    for prayer in ltr.paths:
        pairs = zip(points(ltr.paths[prayer]), points(rtl.paths[prayer]), strict=True)
        for (x1, y1), (x2, y2) in pairs:
            assert y1 == y2
            assert abs((x1 - ltr.left) - (rtl.width - rtl.left - x2)) < 0.11
    assert [m for _, m in rtl.months] == list(range(1, 13))
    assert rtl.months[0][0] > rtl.months[-1][0]
    # Hour labels beside the plot's right edge, in the margin; month labels run leftwards.
    assert rtl.hour_label_x > max(x for x, _ in rtl.months)
    assert rtl.hour_label_anchor == "start"
    assert ltr.hour_label_x < min(x for x, _ in ltr.months)
    assert ltr.hour_label_anchor == "end"
    assert rtl.month_label_anchor == "end"
    assert rtl.grid_x == (0, rtl.width - rtl.left)


def test_arabic_chart_has_plain_numbers_and_whole_month_names(client, db):
    html = client.get("/ar/prayer-times/dubai/", {"month": "2023-09"}).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    # Arabic formats numbers with a decimal comma; SVG coordinates must not be localised.
    assert not re.search(r'="-?\d+,\d', svg)
    assert re.search(r'<text x="\d+\.\d" y="\d+" text-anchor="end">يناير</text>', svg)
    assert ">ديسمبر</text>" in svg
    assert 'direction="ltr"' in svg
    assert "من اليمين إلى اليسار" in svg  # the description says which way the days run


def test_ramadan_month_shows_imsak_and_the_hijri_date_on_each_row(client, db):
    # Ramadan 1448 begins on 8 February 2027 (Umm al-Qura; no editor offsets here).
    with time_machine.travel(dt.datetime(2027, 2, 10, 6, tzinfo=dt.UTC), tick=False):
        html = client.get("/prayer-times/sharjah/?month=2027-02").content.decode()
    main = html[html.index("<main") :]
    assert "Ramadan 1448" in main
    today = re.search(r'<tr class="is-today is-ramadan"[^>]*>(.*?)</tr>', main, re.S)[1]
    fajr = compute_day("sharjah", dt.date(2027, 2, 10))["fajr"]
    imsak = (fajr - dt.timedelta(minutes=10)).strftime("%H:%M")
    assert f'<td data-prayer="imsak"><bdi>{imsak}</bdi></td>' in today
    assert "3 Ramadan 1448" in today
    rows = re.findall(r'<tr class="[^"]*"[^>]*>\s*<th scope="row">(.*?)</th>', main, re.S)
    assert len(rows) == 28
    assert all('class="prayer-hijri"' in r for r in rows)
    assert len(re.findall(r'class="[^"]*is-ramadan', main)) == 21  # 8 to 28 February


def test_month_outside_ramadan_has_no_imsak_column(client, db):
    html = client.get("/prayer-times/sharjah/?month=2027-06").content.decode()
    assert 'data-prayer="imsak"' not in html
    assert "Ramadan" not in html[html.index("<main") :]
