"""Out-of-sample checks of the UAE model against the authority's rows.

Source: ../shared/data/prayer/official_calibration.csv (3,296 official Awqaf rows of
28 areas, 2026, each with its source column; read at test time, not copied).  The
figures asserted are the measured out-of-sample floors reported in docs/prayer.md.
"""

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from nashra.engines.prayer import compute_day, crossval, verify
from nashra.engines.prayer.places import get_place

SHARED = Path(__file__).resolve().parents[3].parent / "shared/data/prayer"
FEDERAL = "UAE Awqaf (GAIAE) API"


@pytest.fixture(scope="module")
def rows():
    return verify.read_rows(SHARED / "official_calibration.csv")


def totals(results, authority=FEDERAL, skip=()):
    deltas = [
        d
        for (auth, city), stats in results.items()
        if auth == authority and city not in skip
        for s in stats.values()
        for d in s.deltas
    ]
    return np.mean([d == 0 for d in deltas]), np.mean([abs(d) <= 1 for d in deltas]), len(deltas)


def row(city, lat, lon):
    return verify.OfficialRow(FEDERAL, city, lat, lon, "Asia/Dubai", dt.date(2026, 11, 1), {})


@pytest.mark.parametrize(
    ("city", "lat", "lon", "slug"),
    [
        ("Fujairah Dibba Al-Bidyah", 25.501111, 56.309722, "dibba"),
        ("Sharjah alssahil alsharqiu", 25.501111, 56.309722, "sharjah-east-coast"),
        ("Rural Area dubai", 24.708611, 55.617499, "dubai-rural"),
        ("al faqa alshawib", 24.708611, 55.617499, "al-faqa"),
        ("Fujairah habhab", 25.737777, 55.885277, "habhab"),
        ("Ras AlKhaimah", 25.737777, 55.885277, "ras-al-khaimah"),
    ],
)
def test_twin_areas_resolve_by_name_not_by_point(city, lat, lon, slug):
    assert verify.place_for(row(city, lat, lon)).slug == slug


def test_twin_areas_have_the_authoritys_identical_times(rows):
    # Dibba and Sharjah East Coast share a point; the authority publishes the same minutes.
    by = {}
    for r in rows:
        if r.city in ("Fujairah Dibba Al-Bidyah", "Sharjah alssahil alsharqiu"):
            by.setdefault(r.date, []).append(r.times)
    assert len(by) > 300
    assert all(a == b for a, b in by.values())
    day = dt.date(2026, 3, 10)
    assert compute_day("dibba", day).hhmm() == compute_day("sharjah-east-coast", day).hhmm()


def test_hatta_and_dubai_rural_are_computed_federally_at_their_own_points():
    for slug in ("hatta", "dubai-rural"):
        place = get_place(slug)
        assert crossval.effective_method("uae", place, dt.date(2026, 1, 1)) == "uae"
    assert crossval.effective_method("uae", get_place("dubai"), dt.date(2026, 1, 1)) == "uae-dubai"
    day = dt.date(2026, 11, 3)
    assert compute_day("hatta", day).hhmm() != compute_day("dubai", day).hhmm()


def test_hatta_and_dubai_rural_within_a_minute_of_every_official_row(rows):
    mine = [r for r in rows if r.city in ("Hatta", "Rural Area dubai")]
    exact, within1, n = totals(verify.compare(mine))
    assert n > 1500
    assert within1 == 1.0
    assert exact >= 0.80  # measured 81.5 % (Hatta's March-May rows sit 30-50 s apart)


def test_fit_offset_recovers_a_known_constant():
    raw = np.linspace(3 * 3600, 4 * 3600, 400) + 0.37
    published = np.floor((np.round(raw + 83) + 30) / 60)
    c = crossval.fit_offset(raw, published, "nearest")
    assert c is not None
    assert abs(c - 83) <= 1


def test_shuruq_is_the_morning_shift_minus_the_horizon(rows):
    # The rule in uae.py, checked on the nine areas with daily sunrise rows.
    daily = [r for r in rows if r.authority == FEDERAL and r.times["sunrise"]]
    params = crossval.fit(crossval.samples(daily))
    areas = {a for (m, a, _) in params if m == "uae" and a}
    assert len(areas) == 9
    for area in areas:
        fajr, sunrise, maghrib = (params[("uae", area, p)] for p in ("fajr", "sunrise", "maghrib"))
        assert abs(sunrise - (fajr - maghrib)) <= 8, area


def test_federal_areas_out_of_sample_later_months(rows):
    results = crossval.cross_validate([r for r in rows if r.authority == FEDERAL], "months")
    exact, within1, n = totals(results)
    assert n > 9000
    assert within1 == 1.0
    assert exact >= 0.94  # measured 94.1 % (97.7 % without Hatta)
    exact, _, _ = totals(results, skip=("Hatta",))  # its March-May rows move 30-50 s
    assert exact >= 0.975  # measured 97.7 %


def test_federal_areas_out_of_sample_leave_one_area_out(rows):
    results = crossval.cross_validate([r for r in rows if r.authority == FEDERAL], "areas")
    assert len(results) == 27  # the Dubai zone is its own table
    exact, within1, _ = totals(results)
    # measured: 78.5 % exact, 99.6 % within a minute: an area's own morning shift and
    # horizon are not predictable from the other areas (docs/prayer.md).
    assert exact >= 0.78
    assert within1 >= 0.99


def test_unknown_cv_mode_is_refused(rows):
    with pytest.raises(ValueError, match="cross-validation mode"):
        crossval.cross_validate(rows[:3], "years")


def test_dubai_zone_computed_out_of_sample(rows):
    # Without its imported table; the target (95 %) is not met: measured 87.5 %.
    zone = [r for r in rows if "Dubai zone" in r.authority]
    exact, within1, n = totals(crossval.cross_validate(zone, "months"), authority=zone[0].authority)
    assert n > 1000
    assert within1 == 1.0
    assert exact >= 0.87
