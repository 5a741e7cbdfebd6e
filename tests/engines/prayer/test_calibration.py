"""Every profile against its official rows (tests/data/prayer/official_calibration.csv,
copied with its source column from ../shared/data/prayer/).

Targets: UAE federal areas >= 99% exact; Dubai zone >= 95% computed and 100% once its
official table is imported; every UAE time within +-1 min; other authorities >= 95%
exact and within +-2 min.  Where an authority's rows are themselves the problem (a
copied row in Umm al-Qura's, another year's Ramadan in Qatar's perpetual copy), its
test holds the measured floor and says why, so a regression fails.
"""

import datetime as dt

import pytest

from nashra.engines.prayer import compute_day, compute_timetable, verify
from nashra.engines.prayer.overrides import OfficialTable

FEDERAL = "UAE Awqaf (GAIAE) API"


def rates(rows, method=None):
    results = verify.compare(rows, method)
    deltas = [d for stats in results.values() for s in stats.values() for d in s.deltas]
    undefined = sum(s.undefined for stats in results.values() for s in stats.values())
    n = len(deltas) + undefined
    return sum(d == 0 for d in deltas) / n, max(abs(d) for d in deltas), undefined


def test_uae_federal_areas_on_the_older_rows(official_rows):
    # The per-area seconds are now measured on the 3,296 rows of 28 areas in
    # ../shared/data (test_crossval.py holds the out-of-sample figures); on these 121
    # older rows, which the previous constants were fitted to, 98.0 % exact.
    rows = [r for r in official_rows if r.authority == FEDERAL]
    exact, worst, undefined = rates(rows)
    assert len(rows) == 121
    assert exact >= 0.975
    assert worst <= 1
    assert undefined == 0


def test_dubai_zone_computed_on_the_older_rows(official_rows):
    # Seconds now calibrated on the whole 2026 year of the Dubai table (test_crossval.py
    # holds its out-of-sample figure, 87.5 %); on these 62 older rows 93.8 %.
    rows = [r for r in official_rows if "Dubai zone" in r.authority or "Emirates 24" in r.authority]
    exact, worst, _ = rates(rows)
    assert exact >= 0.93
    assert worst <= 1


def test_dubai_zone_exact_once_its_table_is_imported(official_rows):
    rows = [r for r in official_rows if "Dubai zone" in r.authority]
    table = OfficialTable.from_rows(rows, perpetual=True)
    for row in rows:
        for area in ("dubai",):  # Hatta and Dubai Rural are federal areas, not this table
            # Perpetual: the same month-day in another year gets the published minute.
            day = compute_day(
                area,
                row.date.replace(year=2031)
                if row.date.month != 2 or row.date.day != 29
                else row.date,
                overrides=table,
            )
            got = day.hhmm()
            assert all(got[p] == t for p, t in row.times.items() if t), (area, row.date)


def test_dubai_2023_09_22_is_the_page_we_model():
    assert compute_day("dubai", dt.date(2023, 9, 22)).hhmm() | {"jumuah": ""} == {
        "fajr": "04:50",
        "sunrise": "06:04",
        "dhuhr": "12:14",
        "asr": "15:39",
        "maghrib": "18:19",
        "isha": "19:33",
        "jumuah": "",
    }


MEETS = ["egypt", "diyanet", "kemenag", "muis", "jordan", "jakim", "moonsighting", "isna-canada"]


def authority_rows(official_rows, method):
    rows = [r for r in official_rows if verify.method_for(r.authority) == method]
    assert rows
    return rows


@pytest.mark.parametrize("method", MEETS)
def test_authority_95_percent_exact_within_two_minutes(official_rows, method):
    exact, worst, _ = rates(authority_rows(official_rows, method))
    assert exact >= 0.95 and worst <= 2, (exact, worst)


def repeats(prev, row):
    """``row`` copies the previous day's times (Dhuhr may legitimately stay put)."""
    same = all(prev.times[p] == row.times[p] for p in ("fajr", "sunrise", "asr", "maghrib", "isha"))
    return prev.date == row.date - dt.timedelta(days=1) and same


def test_umm_al_qura(official_rows):
    """Umm al-Qura: Fajr 18.5 deg, Isha 90 min after Maghrib (120 in Ramadan), start
    times rounded up and sunrise down.

    Measured 94.4% over the 15 Riyadh rows: the 2025-08-29 row repeats 2025-08-28's
    Fajr/Sunrise/Asr/Maghrib/Isha exactly (Maghrib then jumps 2 min to 08-30), a copy
    error in the source.  Rows identical to the previous day's are dropped by rule
    (no real timetable repeats all six times at 24.7 deg N in August); the other 14 are
    all exact.
    """
    rows = authority_rows(official_rows, "umm-al-qura")
    exact, worst, _ = rates(rows)
    assert exact >= 0.94
    assert worst <= 1
    clean = [
        r
        for prev, r in zip([None, *rows[:-1]], rows, strict=True)
        if prev is None or not repeats(prev, r)
    ]
    exact, worst, _ = rates(clean)
    assert len(clean) == 14
    assert exact == 1.0


RAMADAN_1446 = (dt.date(2025, 3, 1), dt.date(2025, 3, 29))  # Umm al-Qura calendar
RAMADAN_1444_MONTH_DAYS = ((3, 23), (4, 20))  # 23 March - 20 April 2023


def test_qatar_ramadan_table_is_exact(official_rows):
    """Qatar Calendar House's own Ramadan 1446 table (qatarch.com): every time exact,
    with Maghrib and Isha one minute after the perpetual calendar's."""
    rows = [r for r in authority_rows(official_rows, "qatar") if "qatarch.com" in r.authority]
    exact, worst, _ = rates(rows)
    assert len(rows) == 15
    assert exact == 1.0
    assert worst == 0


def test_qatar_perpetual_table(official_rows):
    """Qatar's perpetual calendar (a TaqweemQatar copy, dated 2025 in the file).

    The engine computes the perpetual times (table year 2010) and adds the Ramadan
    minute to Maghrib and Isha in this year's Ramadan, as the authority's Ramadan 1446
    table does.  The copy carries the Ramadan minute of the edition it was taken from,
    on 23 March - 20 April: Ramadan 1444 (2023).  So between 1 March and 20 April the
    copy and a 2025 calendar differ by exactly that minute, and nowhere else.

    Measured: 90.6% exact overall, worst 1 min; 98.5% on the 130 days outside 1 March -
    20 April.  (A perpetual table is by nature an average: against each year's own sky
    its minute differs on 13.4% of the prayer times, 2000-2039 mean; the engine matches
    the table, not the sky, by computing its table year.)
    """
    rows = [r for r in authority_rows(official_rows, "qatar") if "perpetual" in r.authority]
    assert len(rows) == 181
    exact, worst, _ = rates(rows)
    assert exact >= 0.90
    assert worst <= 1
    window = (dt.date(2025, 3, 1), dt.date(2025, 4, 20))
    outside = [r for r in rows if not window[0] <= r.date <= window[1]]
    exact, worst, _ = rates(outside)
    assert len(outside) == 130
    assert exact >= 0.98
    assert worst <= 1
    for row in rows:
        got = compute_day((row.latitude, row.longitude, row.tz), row.date, "qatar").hhmm()
        in_2025 = RAMADAN_1446[0] <= row.date <= RAMADAN_1446[1]
        month_day = (row.date.month, row.date.day)
        in_2023 = RAMADAN_1444_MONTH_DAYS[0] <= month_day <= RAMADAN_1444_MONTH_DAYS[1]
        for prayer in ("maghrib", "isha"):
            delta = minutes(got[prayer]) - minutes(row.times[prayer])
            if in_2025 != in_2023 and delta:  # the Ramadan minute of one edition, not the other
                assert delta == (1 if in_2025 else -1), (row.date, prayer, delta)


def minutes(hhmm: str) -> int:
    hh, mm = hhmm.split(":")
    return int(hh) * 60 + int(mm)


def test_jakim_zones_at_their_reference_points(official_rows):
    """JAKIM e-solat: Subuh and Isyak 18 deg (Kelantan's Isyak 17), every start rounded up
    and Syuruk down, each zone computed at its westernmost reference point.

    The calibration rows carry approximate zone centres; a zone code in the city
    ("Perlis (PLS01)") makes verify use the zone's reference point instead.  Measured
    98.3% exact, every time within 1 min (computed at the rows' centres: 32%).
    """
    rows = authority_rows(official_rows, "jakim")
    assert {verify.place_for(r).slug for r in rows} == {"pls01", "ktn01"}
    exact, worst, _ = rates(rows)
    assert exact >= 0.98
    assert worst <= 1


def test_isna_canada_follows_the_moonsighting_committee(official_rows):
    """ISNA Canada's Ramadan table (Mississauga) is not ISNA's 15/15 rule: its times are
    the Moonsighting Committee's (seasonal Fajr/Isha, Dhuhr +5, Maghrib +3 min).

    Measured 95.6% exact (worst 1 min) as ``isna-canada``; under ``isna`` Fajr would be
    12-14 min later every day, so the generic method is left as ISNA publishes it.
    """
    rows = authority_rows(official_rows, "isna-canada")
    exact, worst, _ = rates(rows)
    assert exact >= 0.95
    assert worst <= 1
    isna = verify.compare(rows, "isna")
    fajr = [d for stats in isna.values() for d in stats["fajr"].deltas]
    assert fajr
    assert all(d >= 12 for d in fajr)


def test_timetable_for_all_uae_areas_is_complete():
    places = [p for p in __import__("nashra.engines.prayer.places", fromlist=["x"]).uae_areas()]
    table = compute_timetable(places, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert table.minutes.shape == (60, 365, 6)
    assert not (table.minutes != table.minutes).any()  # no NaN anywhere in the UAE
