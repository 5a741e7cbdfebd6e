"""Rounding, DST change days, polar cases, Jumu'ah, tuning, failure modes, exports."""

import datetime as dt
import math

import numpy as np
import pytest

from nashra.engines.prayer import (
    InvalidCoordinates,
    InvalidDateRange,
    InvalidTimeZone,
    Jumuah,
    PrayerTimeUndefined,
    UnknownAsrSchool,
    UnknownMethod,
    UnknownPlace,
    column,
    compute_day,
    compute_timetable,
    coordinates,
    exports,
    get_place,
    next_prayer,
)
from nashra.engines.prayer.errors import OverrideFormatError
from nashra.engines.prayer.methods import all_methods
from nashra.engines.prayer.overrides import OfficialTable
from nashra.engines.prayer.rounding import round_seconds
from nashra.engines.prayer.verify import parse_rows


@pytest.mark.parametrize(
    "seconds,mode,minute",
    [
        (23 * 3600 + 59 * 60 + 30, "nearest", 1440),  # hh:59:30 rounds up to the hour
        (10 * 3600 + 59 * 60 + 30, "nearest", 660),
        (10 * 3600 + 59 * 60 + 29.4, "nearest", 659),
        (10 * 3600 + 59 * 60 + 29.6, "nearest", 660),  # snapped to :30 first
        (12 * 3600, "up", 720),  # an exact minute stays
        (12 * 3600 + 1e-7, "up", 720),
        (12 * 3600 + 1, "up", 721),
        (12 * 3600 + 59, "down", 720),
        (12 * 3600, "down", 720),
        (12 * 3600 - 1, "down", 719),
    ],
)
def test_rounding_edges(seconds, mode, minute):
    assert round_seconds(seconds, mode) == minute


def test_unknown_rounding_mode():
    with pytest.raises(ValueError):
        round_seconds(0, "banker")


@pytest.mark.parametrize(
    "tz,lat,lon,day,before,after",
    [
        (
            "Europe/London",
            51.5,
            -0.12,
            dt.date(2024, 3, 31),
            dt.date(2024, 3, 30),
            dt.date(2024, 4, 1),
        ),
        (
            "Europe/London",
            51.5,
            -0.12,
            dt.date(2024, 10, 27),
            dt.date(2024, 10, 26),
            dt.date(2024, 10, 28),
        ),
        (
            "America/New_York",
            40.71,
            -74.0,
            dt.date(2024, 3, 10),
            dt.date(2024, 3, 9),
            dt.date(2024, 3, 11),
        ),
        (
            "America/New_York",
            40.71,
            -74.0,
            dt.date(2024, 11, 3),
            dt.date(2024, 11, 2),
            dt.date(2024, 11, 4),
        ),
    ],
)
def test_dst_change_days(tz, lat, lon, day, before, after):
    table = compute_timetable([(lat, lon, tz)], before, after, "isna")
    dhuhr = table.minutes[0, :, 2]
    # Transit moves by < 1 min a day in solar time; the clock jump shows up fully on
    # the change day (the change is at 01:00-02:00, before every prayer).
    jump = 60 if day.month in (3,) else -60
    assert abs((dhuhr[1] - dhuhr[0]) - jump) <= 1
    assert abs(dhuhr[2] - dhuhr[1]) <= 1
    d = table.day(0, 1)
    assert d.times["dhuhr"].utcoffset() == d.times["dhuhr"].tzinfo.utcoffset(d.times["dhuhr"])
    # Fajr on the change day is already on the new offset.
    assert d.times["fajr"].utcoffset() == d.times["isha"].utcoffset()


def test_sun_never_reaches_angle_gives_reason_not_nan():
    place = coordinates(65.0, 25.0, "Europe/Helsinki")
    import dataclasses

    from nashra.engines.prayer.methods import get_method

    m = get_method("mwl")
    strict = dataclasses.replace(
        m, profiles=tuple(dataclasses.replace(p, high_latitude="none") for p in m.profiles)
    )
    day = compute_day(place, dt.date(2024, 6, 21), strict)
    assert day.times["fajr"] is None
    assert (
        day.undefined["fajr"]
        == "the sun never reaches 18.0° below the horizon at 65.0°N on 2024-06-21"
    )
    with pytest.raises(PrayerTimeUndefined) as err:
        day["fajr"]
    assert "18.0°" in err.value.reason
    assert day.times["sunrise"] is not None


@pytest.mark.parametrize(
    "rule", ["middle-of-the-night", "seventh-of-the-night", "twilight-angle", "nearest-latitude"]
)
def test_high_latitude_rules_give_times(rule):
    import dataclasses

    from nashra.engines.prayer.methods import get_method

    m = get_method("mwl")
    m = dataclasses.replace(
        m, profiles=tuple(dataclasses.replace(p, high_latitude=rule) for p in m.profiles)
    )
    day = compute_day((60.17, 24.94, "Europe/Helsinki"), dt.date(2024, 6, 21), m)
    assert day.times["fajr"] is not None
    assert day.times["isha"] is not None
    assert day.times["isha"] <= day.times["fajr"] + dt.timedelta(days=1)


def test_polar_day_and_night_are_explicit():
    summer = compute_day((78.2, 15.6, "Arctic/Longyearbyen"), dt.date(2024, 6, 21), "mwl")
    assert summer.times["sunrise"] is None
    assert "midnight sun" in summer.undefined["sunrise"]
    assert summer.times["dhuhr"] is not None
    winter = compute_day((78.2, 15.6, "Arctic/Longyearbyen"), dt.date(2024, 12, 21), "mwl")
    assert winter.times["sunrise"] is None
    assert "polar night" in winter.undefined["sunrise"]
    assert winter.times["asr"] is None
    assert "Asr" in winter.undefined["asr"]


def test_every_latitude_every_day_is_a_time_or_a_reason():
    places = [(lat, 10.0, "UTC") for lat in range(-90, 91, 10)]
    table = compute_timetable(places, dt.date(2024, 1, 1), dt.date(2024, 12, 31), "mwl")
    for p in range(len(places)):
        for d in range(0, 366, 15):
            day = table.day(p, d)
            for prayer, value in day.times.items():
                assert value is not None or day.undefined[prayer]


def _asr_hour_angle(latitude: float, declination: float, factor: int) -> float:
    """Hour angle (deg) of the Asr shadow, from the gnomon: shadow = factor + noon shadow."""
    lat, dec = math.radians(latitude), math.radians(declination)
    altitude = math.atan(1.0 / (factor + math.tan(abs(lat - dec))))
    cos_h = (math.sin(altitude) - math.sin(lat) * math.sin(dec)) / (math.cos(lat) * math.cos(dec))
    return math.degrees(math.acos(cos_h))


def test_asr_hanafi_is_the_two_shadow_asr():
    """Hanafi Asr (shadow = 2 x gnomon + noon shadow) against the shadow formula.

    Independent of the engine: the sun's declination on 1 January 2024 from Spencer's
    Fourier series (J. W. Spencer, "Fourier series representation of the position of the
    sun", Search 2(5), 1971; within 0.05 deg), the hour angles from the shadow lengths.
    The declination moves ~0.01 deg between the two Asr moments: worth < 5 s here.
    """
    where, day = (25.1, 55.1, "Asia/Dubai"), dt.date(2024, 1, 1)
    shafii = compute_day(where, day, "mwl")
    hanafi = compute_day(where, day, "mwl", asr="hanafi")
    assert compute_day(where, day, "mwl", asr="shafii").exact == shafii.exact
    g = 2 * math.pi * (day.timetuple().tm_yday - 1) / 365
    dec = math.degrees(
        0.006918 - 0.399912 * math.cos(g) + 0.070257 * math.sin(g)
        - 0.006758 * math.cos(2 * g) + 0.000907 * math.sin(2 * g)
        - 0.002697 * math.cos(3 * g) + 0.00148 * math.sin(3 * g)
    )  # fmt: skip
    expected = (_asr_hour_angle(25.1, dec, 2) - _asr_hour_angle(25.1, dec, 1)) * 240  # s/deg
    later = (hanafi.exact["asr"] - shafii.exact["asr"]).total_seconds()
    assert 40 * 60 < later < 48 * 60  # about 44 minutes at 25 deg N in midwinter
    assert later == pytest.approx(expected, abs=20)
    # only Asr moves
    for prayer in ("fajr", "sunrise", "dhuhr", "maghrib", "isha"):
        assert hanafi.exact[prayer] == shafii.exact[prayer]


def test_asr_school_reaches_areas_published_from_another_table():
    """Dubai's times come from the IACAD table (method uae-dubai) inside method uae."""
    day = dt.date(2024, 1, 1)
    for slug in ("dubai", "abu-dhabi"):
        shafii, hanafi = compute_day(slug, day), compute_day(slug, day, asr="hanafi")
        later = hanafi.exact["asr"] - shafii.exact["asr"]
        assert dt.timedelta(minutes=40) < later < dt.timedelta(minutes=48), slug


def test_asr_school_is_checked():
    with pytest.raises(UnknownAsrSchool, match="'maliki'.*shafii, hanafi"):
        compute_day("dubai", dt.date(2024, 1, 1), asr="maliki")


def test_elevation_makes_sunrise_earlier():
    sea = compute_day(coordinates(25.1, 55.1, "Asia/Dubai", 0), dt.date(2024, 1, 1), "mwl")
    high = compute_day(coordinates(25.1, 55.1, "Asia/Dubai", 1000), dt.date(2024, 1, 1), "mwl")
    assert (sea.exact["sunrise"] - high.exact["sunrise"]).total_seconds() > 120


def test_jebel_jais_is_corrected_for_elevation():
    jais = compute_day("jebel-jais", dt.date(2025, 1, 15))
    rak = compute_day("ras-al-khaimah", dt.date(2025, 1, 15))
    assert jais.exact["sunrise"] < rak.exact["sunrise"] - dt.timedelta(minutes=4)


def test_tuning_in_minutes():
    base = compute_day("abu-dhabi", dt.date(2025, 1, 15))
    tuned = compute_day("abu-dhabi", dt.date(2025, 1, 15), tuning={"isha": 2, "fajr": -1})
    assert tuned.times["isha"] - base.times["isha"] == dt.timedelta(minutes=2)
    assert tuned.times["fajr"] - base.times["fajr"] == dt.timedelta(minutes=-1)


def test_tuning_reaches_areas_published_from_another_table():
    """Dubai, Dubai Rural and Hatta come from the IACAD table (method uae-dubai)."""
    for slug in ("dubai", "hatta"):
        base = compute_day(slug, dt.date(2025, 1, 15))
        tuned = compute_day(slug, dt.date(2025, 1, 15), tuning={"isha": 2, "fajr": -1})
        assert tuned.times["isha"] - base.times["isha"] == dt.timedelta(minutes=2), slug
        assert tuned.times["fajr"] - base.times["fajr"] == dt.timedelta(minutes=-1), slug
        assert tuned.times["asr"] == base.times["asr"]


def test_jumuah_uae_schedule_and_caller_override():
    assert compute_day("dubai", dt.date(2025, 12, 26)).hhmm()["jumuah"] == "13:15"
    assert compute_day("dubai", dt.date(2026, 1, 2)).hhmm()["jumuah"] == "12:45"
    assert "jumuah" not in compute_day("dubai", dt.date(2026, 1, 3)).hhmm()  # Saturday
    assert "jumuah" not in compute_day("dubai", dt.date(2021, 12, 31)).hhmm()  # before 2022-01-07
    editor = (Jumuah(dt.time(13, 0), dt.date(2026, 1, 1)),)
    assert compute_day("sharjah", dt.date(2026, 1, 9), jumuah=editor).hhmm()["jumuah"] == "13:00"
    day = compute_day("dubai", dt.date(2026, 1, 9))
    noon = day.times["fajr"].replace(hour=12, minute=0)
    assert day.next_prayer(noon)[0] == "jumuah"


def test_jakim_subuh_moved_from_20_to_18_degrees_in_2020():
    # MKI 116 (Nov 2019): Subuh at 18 deg below the horizon, not 20: some 8-10 minutes later.
    before = compute_day("pls01", dt.date(2019, 12, 31))
    after = compute_day("pls01", dt.date(2020, 1, 1))

    def clock(day, prayer):
        t = day.times[prayer]
        return t.hour * 60 + t.minute

    assert 7 <= clock(after, "fajr") - clock(before, "fajr") <= 11  # 2 deg: ~4-5 min each
    assert abs(clock(after, "isha") - clock(before, "isha")) <= 1


def test_jakim_zones_are_places_at_their_reference_points():
    perlis = get_place("PLS01")
    assert (perlis.default_method, perlis.tz) == ("jakim", "Asia/Kuala_Lumpur")
    assert perlis.longitude < 100.2  # Kuala Perlis, the westernmost town, not the centre
    # Kelantan's Isyak is the state's 17 deg: about 4 minutes before 18 deg at the same point.
    kelantan = compute_day("ktn01", dt.date(2025, 9, 1))
    at_18 = compute_day(get_place("ktn01"), dt.date(2025, 9, 1), "karachi")  # 18 deg, no offset
    assert 3.5 <= (at_18.exact["isha"] - kelantan.exact["isha"]).total_seconds() / 60 <= 4.5


def test_jakim_rounds_start_times_up_and_sunrise_down():
    day = compute_day("pls01", dt.date(2025, 9, 1))
    for prayer in ("fajr", "dhuhr", "asr", "maghrib", "isha"):
        exact = day.exact[prayer].replace(microsecond=0)
        assert day.times[prayer] >= exact - dt.timedelta(seconds=1)
    assert day.times["sunrise"] <= day.exact["sunrise"]


def test_qatar_is_perpetual_with_a_ramadan_minute():
    # The same month-day gives the same minutes in any year, except that Maghrib and
    # Isha are one minute later in that year's Ramadan (1 - 29 March 2025; in 2028
    # Ramadan ends in February).
    doha = (25.2854, 51.531, "Asia/Qatar")
    in_ramadan = compute_day(doha, dt.date(2025, 3, 10), "qatar").hhmm()
    a_year_later = compute_day(doha, dt.date(2028, 3, 10), "qatar").hhmm()
    assert {p: in_ramadan[p] for p in ("fajr", "sunrise", "dhuhr", "asr")} == {
        p: a_year_later[p] for p in ("fajr", "sunrise", "dhuhr", "asr")
    }
    for prayer in ("maghrib", "isha"):
        hhmm = (dt.datetime.strptime(t[prayer], "%H:%M") for t in (in_ramadan, a_year_later))
        assert next(hhmm) - next(hhmm) == dt.timedelta(minutes=1)
    july = (compute_day(doha, dt.date(year, 7, 1), "qatar").hhmm() for year in (2025, 2031))
    assert next(july) == next(july)


@pytest.mark.parametrize(
    "method", ["mwl", "moonsighting", "umm-al-qura", "qatar", "tehran", "jakim"]
)
def test_a_day_alone_equals_the_same_day_in_a_year_table(method):
    # A single place-day takes the small-array path (all events in one Newton pass) and
    # a year the large one; the solar day is picked with each date's own UTC offset, so
    # a DST change that moves a place across the date line's +-12 h gives the same day.
    places = [
        coordinates(25.2, 55.3, "Asia/Dubai"),
        coordinates(51.5, -0.12, "Europe/London"),
        coordinates(-40.5, -21.5, "Australia/Sydney"),  # 12 h from its meridian in summer
        coordinates(66.0, 20.0, "Europe/Stockholm"),
    ]
    year = compute_timetable(places, dt.date(2025, 1, 1), dt.date(2025, 12, 31), method)
    for p, place in enumerate(places):
        for d in (0, 98, 172, 300):
            day = dt.date(2025, 1, 1) + dt.timedelta(days=d)
            alone = compute_timetable([place], day, day, method)
            assert np.array_equal(alone.minutes[0, 0], year.minutes[p, d], equal_nan=True), (
                place,
                day,
            )


@pytest.mark.parametrize(
    "call,exc",
    [
        (lambda: coordinates(91, 0, "UTC"), InvalidCoordinates),
        (lambda: coordinates(0, 181, "UTC"), InvalidCoordinates),
        (lambda: coordinates(float("nan"), 0, "UTC"), InvalidCoordinates),
        (lambda: coordinates(0, 0, "Mars/Olympus"), InvalidTimeZone),
        (lambda: get_place("atlantis"), UnknownPlace),
        (lambda: compute_day("dubai", dt.date(2025, 1, 1), "nope"), UnknownMethod),
        (
            lambda: compute_timetable("dubai", dt.date(2025, 2, 1), dt.date(2025, 1, 1)),
            InvalidDateRange,
        ),
        (
            lambda: compute_timetable("dubai", dt.date(2000, 1, 1), dt.date(2011, 1, 1)),
            InvalidDateRange,
        ),
    ],
)
def test_failure_modes(call, exc):
    with pytest.raises(exc):
        call()


def test_places_aliases_and_arabic_names():
    assert get_place("ras-alkhaimah").slug == "ras-al-khaimah"
    assert get_place("um-al-quwain").slug == "umm-al-quwain"
    assert get_place("ras-alkhaimah-jebel-jais").slug == "jebel-jais"
    assert get_place("Dubai").name_ar == "دبي"
    for slug in [
        "abu-dhabi",
        "al-ain",
        "dubai",
        "sharjah",
        "ajman",
        "umm-al-quwain",
        "ras-al-khaimah",
        "fujairah",
        "jebel-jais",
        "hatta",
    ]:
        assert get_place(slug).slug == slug


def test_override_import_by_date_and_malformed_file(tmp_path):
    csv_text = (
        "authority,city,country,lat,lon,tz,date,fajr,sunrise,dhuhr,asr,maghrib,isha,source\n"
        "Test,Abu Dhabi,AE,24.459444,54.300555,Asia/Dubai,2030-05-05,"
        "04:00,,12:00,15:00,18:00,19:00,unit test\n"
    )
    path = tmp_path / "t.csv"
    path.write_text(csv_text)
    table = OfficialTable.from_csv(path)
    day = compute_day("abu-dhabi", dt.date(2030, 5, 5), overrides=table)
    assert day.hhmm()["fajr"] == "04:00"
    assert day.hhmm()["sunrise"] != ""
    assert compute_day("abu-dhabi", dt.date(2030, 5, 6), overrides=table).hhmm()["fajr"] != "04:00"
    with pytest.raises(OverrideFormatError):
        parse_rows("date,fajr\n2020-01-01,04:00\n")


def test_csv_json_ics_exports():
    table = compute_timetable("dubai", dt.date(2026, 1, 1), dt.date(2026, 1, 3))
    csv_text = exports.to_csv(table)
    assert csv_text.splitlines()[0] == "date,fajr,sunrise,dhuhr,asr,maghrib,isha"
    assert len(csv_text.splitlines()) == 4
    import json

    doc = json.loads(exports.to_json(table))
    assert doc["days"][1]["jumuah"] == "12:45"
    assert doc["place"]["name_ar"] == "دبي"
    ics = exports.to_ics(table, stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert ics.startswith("BEGIN:VCALENDAR\r\n")
    assert ics.endswith("END:VCALENDAR\r\n")
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Dubai" in ics
    lines = ics.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "\n" not in ics.replace("\r\n", "")
    assert ics.count("BEGIN:VEVENT") == 3 * 6 + 1


def test_ics_vtimezone_for_dst_zone():
    table = compute_timetable(
        [(51.5, -0.12, "Europe/London")], dt.date(2024, 3, 30), dt.date(2024, 4, 1), "moonsighting"
    )
    ics = exports.to_ics(table)
    assert "BEGIN:DAYLIGHT" in ics
    assert "TZOFFSETTO:+0100" in ics


def test_undefined_is_an_empty_csv_cell():
    table = compute_timetable(
        [(78.2, 15.6, "Arctic/Longyearbyen")], dt.date(2024, 6, 21), dt.date(2024, 6, 21), "mwl"
    )
    row = exports.to_csv(table).splitlines()[1].split(",")
    assert row[2] == ""
    assert row[3] != ""


def test_next_prayer_is_one_rule():
    """Sunrise is skipped, Jumu'ah replaces Dhuhr, an undefined time is passed over."""
    zone = dt.timezone(dt.timedelta(hours=4))

    def at(h: int, m: int = 0) -> dt.datetime:
        return dt.datetime(2023, 9, 22, h, m, tzinfo=zone)

    times = {
        "fajr": at(4, 50),
        "sunrise": at(6, 4),
        "dhuhr": at(12, 14),
        "asr": None,
        "maghrib": at(18, 19),
        "isha": at(19, 33),
    }
    assert next_prayer(times, at(4, 50)) == ("dhuhr", at(12, 14))  # strictly after now
    assert next_prayer(times, at(5)) == ("dhuhr", at(12, 14))  # not sunrise
    assert next_prayer(times, at(5), jumuah=at(13, 15)) == ("jumuah", at(13, 15))
    assert next_prayer(times, at(12, 30)) == ("maghrib", at(18, 19))  # no Asr that day
    assert next_prayer(times, at(19, 33)) is None
    assert column("jumuah") == "dhuhr"
    assert column("asr") == "asr"
    day = compute_day("dubai", dt.date(2023, 9, 22))
    assert day.next_prayer(at(12, 0)) == next_prayer(day.times, at(12, 0), day.jumuah)
    assert day.next_prayer(at(12, 0))[0] == "jumuah"


@pytest.mark.parametrize("method", [m.id for m in all_methods()])
def test_asr_hanafi_on_every_method(method):
    """Every built-in method takes the juristic Asr option; only Asr moves."""
    where, day = (25.1, 55.1, "Asia/Dubai"), dt.date(2024, 1, 1)
    shafii = compute_day(where, day, method, asr="shafii")
    hanafi = compute_day(where, day, method, asr="hanafi")
    later = hanafi.exact["asr"] - shafii.exact["asr"]
    assert dt.timedelta(minutes=40) < later < dt.timedelta(minutes=48)
    for prayer in ("fajr", "sunrise", "dhuhr", "maghrib", "isha"):
        assert hanafi.exact[prayer] == shafii.exact[prayer]
