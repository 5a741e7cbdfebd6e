"""The method registry and the built-in authority profiles (see profiles.py for the fields).

Sources of each authority's published rules are named next to it; the constants in
seconds were calibrated across all rows of that authority in the calibration set
(``official_calibration.csv``), never per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import MappingProxyType
from typing import TypedDict

from . import uae
from .errors import UnknownMethod
from .profiles import PRAYERS, Jumuah, Method, Profile, Twilight

METHODS: dict[str, Method] = {}


def register(method: Method) -> Method:
    """Add ``method`` to the registry (this module registers the built-in ones below)."""
    METHODS[method.id] = method
    return method


def get_method(method_id: str) -> Method:
    """The method with this id, or :class:`UnknownMethod`."""
    try:
        return METHODS[method_id]
    except KeyError:
        known = ", ".join(sorted(METHODS))
        raise UnknownMethod(f"unknown method {method_id!r} (known: {known})") from None


def all_methods() -> list[Method]:
    """Every registered method, in registration order."""
    return list(METHODS.values())


#: The UAE's fixed Friday prayer: 13:15 from 7 January 2022, 12:45 from 2 January 2026.
UAE_JUMUAH = (
    Jumuah(dt.time(13, 15), dt.date(2022, 1, 7), dt.date(2026, 1, 1)),
    Jumuah(dt.time(12, 45), dt.date(2026, 1, 2)),
)


TABLE_YEAR_DUBAI = 2010
#: The Ramadan imsakiya of the UAE authorities (Awqaf, IACAD) prints Imsak ten minutes
#: before Fajr: a margin for the end of suhoor, not a second dawn.
UAE_IMSAK_MINUTES = 10.0


def _s(**seconds: int) -> MappingProxyType[str, int]:
    return MappingProxyType(dict(seconds))


class _Angles(TypedDict):
    fajr: Twilight
    isha: Twilight


def _angles(fajr: float, isha: float) -> _Angles:
    return {"fajr": Twilight(angle=fajr), "isha": Twilight(angle=isha)}


register(
    Method(
        "uae",
        "UAE General Authority of Islamic Affairs and Endowments (Awqaf)",
        (
            Profile(
                **_angles(18.0, 18.0),
                min_elevation_m=1000.0,
                jumuah=UAE_JUMUAH,
                imsak_minutes=UAE_IMSAK_MINUTES,
                # one horizon for Shuruq and Maghrib (a symmetric horizon: 98 % of the
                # later months' Shuruq against 91 % at the standard -50')
                sunrise_altitude=-1.35,
                sunset_altitude=-1.35,
                # seconds per area: uae.py (areas without rows take Abu Dhabi's)
                offsets=uae.offsets(*uae.AREA_CORRECTIONS[uae.DEFAULT_AREA]),
                area_offsets=uae.area_offsets(),
                # the Dubai zone only: Hatta and Dubai Rural are federal areas
                area_method=MappingProxyType({"dubai": "uae-dubai"}),
            ),
        ),
        source="Awqaf app API times; Isha 18.0 deg, Dhuhr transit + 2 min, one-shadow Asr",
        region="AE",
    )
)
register(
    Method(
        "uae-dubai",
        "Dubai zone (IACAD perpetual table, published by Awqaf)",
        (
            Profile(
                **_angles(18.0, 18.0),
                jumuah=UAE_JUMUAH,
                imsak_minutes=UAE_IMSAK_MINUTES,
                table_year=TABLE_YEAR_DUBAI,
                # one horizon for Shuruq and Maghrib, as in the federal areas
                sunrise_altitude=-1.44,
                sunset_altitude=-1.44,
                offsets=_s(fajr=-100, sunrise=-54, dhuhr=127, asr=18, maghrib=-37, isha=6),
            ),
        ),
        source="IACAD Dubai table, repeated every year on the same month-day",
        region="AE",
    )
)
register(
    Method(
        "egypt",
        "Egyptian General Authority of Survey",
        (
            Profile(
                **_angles(19.5, 17.5),
                offsets=_s(fajr=-20, sunrise=-21, dhuhr=-15, asr=-11, maghrib=-10, isha=-11),
            ),
        ),
        source="EGAS: Fajr 19.5 deg, Isha 17.5 deg",
    )
)
register(
    Method(
        "diyanet",
        "Diyanet İşleri Başkanlığı (Turkey)",
        (
            Profile(
                **_angles(18.0, 17.0),
                offsets=_s(fajr=-6, sunrise=-429, dhuhr=307, asr=285, maghrib=486, isha=79),
            ),
        ),
        source="Diyanet: Fajr 18 deg, Isha 17 deg, temkin offsets",
    )
)
#: JAKIM rounds every start time up to the next whole minute ("ikhtiati dilewatkan ke
#: minit kemudian": 5:33:58 is published 5:34) and Syuruk, the end of Subuh, down: the
#: earliest time is the safe one for an end (worked example of the JAKIM/UTM Almanak
#: Falak Syarie method, e-falak-syarie "Hitungan waktu Subuh"; Abdul Halim Abdul Aziz,
#: Jurnal Falak: "waktu paling awal dipilih untuk waktu syuruk").
JAKIM_ROUNDING = MappingProxyType({p: "down" if p == "sunrise" else "up" for p in PRAYERS})
#: National Muzakarah (MKI) 116, 20-21 Nov 2019: Subuh at 18 deg below the horizon, not 20
#: (8 minutes later).  States switched between 29 Nov 2019 (Selangor) and 25 Feb 2020
#: (Kedah; Perak 18 Jan 2020): the 18 deg version starts on 1 Jan 2020, so a date in
#: that window may be 8 minutes off in some states.
JAKIM_FAJR_18_FROM = dt.date(2020, 1, 1)


def _jakim(
    fajr: float, isha: float, valid_from: dt.date = dt.date.min, valid_to: dt.date = dt.date.max
) -> Profile:
    return Profile(
        **_angles(fajr, isha),
        valid_from=valid_from,
        valid_to=valid_to,
        rounding=JAKIM_ROUNDING,
        # Zohor: the sun's whole disc has crossed the meridian, 1 min 4 s after transit
        # (Malaysian falak convention, e.g. wanhasanah "Waktu solat", 2012).  The other
        # seconds are calibrated on the PLS01 and KTN01 rows at the zones' reference
        # points (places.jakim_zones); they absorb the few-second uncertainty of those points.
        offsets=_s(fajr=-5, sunrise=-4, dhuhr=64, asr=2, maghrib=4, isha=7),
        # Kelantan's zones are published from the state mufti's own parameters.
        area_method=MappingProxyType({"ktn01": "jakim-kelantan"}),
    )


register(
    Method(
        "jakim",
        "JAKIM (Malaysia), e-solat zones",
        (
            _jakim(20.0, 18.0, valid_to=JAKIM_FAJR_18_FROM - dt.timedelta(days=1)),
            _jakim(18.0, 18.0, valid_from=JAKIM_FAJR_18_FROM),
        ),
        source="JAKIM e-solat: Subuh 18 deg (20 before 2020), Isyak 18 deg, at the zone's "
        "westernmost point, rounded up (Syuruk down)",
    )
)
#: Kelantan (Jabatan Mufti Kelantan) sets its own twilight angles for its e-solat zones:
#: Subuh was 19 deg there while other states used 20 (Raihana A. W. et al., "Issues on
#: determination of accurate Fajr and Dhuha prayer times", 2016); today 18 deg like the
#: rest of Malaysia.  Its Isyak is 1 deg shallower than JAKIM's 18: the KTN01 table of
#: September 2025 (e-solat) is exactly 4 minutes earlier than 18 deg at the zone's point
#: on every day, with the same rounding and seconds as Perlis at 18 deg.  No published
#: statement of the 17 deg was found: this one value is read from the authority's table.
register(
    Method(
        "jakim-kelantan",
        "JAKIM e-solat, Kelantan zones (Jabatan Mufti Kelantan)",
        tuple(
            replace(p, area_method=MappingProxyType({}))
            for p in (
                _jakim(19.0, 17.0, valid_to=JAKIM_FAJR_18_FROM - dt.timedelta(days=1)),
                _jakim(18.0, 17.0, valid_from=JAKIM_FAJR_18_FROM),
            )
        ),
        source="e-solat KTN zones: Subuh 18 deg (19 before 2020), Isyak 17 deg, rules as JAKIM's",
    )
)
register(
    Method(
        "kemenag",
        "Kemenag (Indonesia)",
        (
            Profile(
                **_angles(20.0, 18.0),
                offsets=_s(fajr=156, sunrise=-194, dhuhr=213, asr=157, maghrib=193, isha=153),
            ),
        ),
        source="Kemenag: Fajr 20 deg, Isha 18 deg, ihtiyat 2 min",
    )
)
register(
    Method(
        "muis",
        "MUIS (Singapore)",
        (
            Profile(
                **_angles(20.0, 18.0),
                offsets=_s(fajr=40, sunrise=42, dhuhr=116, asr=91, maghrib=59, isha=63),
            ),
        ),
        source="MUIS: Fajr 20 deg, Isha 18 deg",
    )
)
#: Umm al-Qura: the published rule is Fajr 18.5 deg, Isha 90 min after Maghrib (120 in
#: Ramadan).  Its tables round like the other official ones that show their work: a
#: start time up to the next minute, sunrise down.  On the Riyadh rows that form needs no
#: constant for Dhuhr (transit), Maghrib (sunset), Isha or sunrise (each window of
#: equally good seconds contains 0, so none is set) and, with the Asr shadow taken
#: at the declination of the Asr moment, none for Asr; Fajr sits 43 s after 18.5 deg.
#: One Riyadh row (2025-08-29) repeats the day before and is a copy error in the source.
register(
    Method(
        "umm-al-qura",
        "Umm al-Qura (Saudi Arabia)",
        (
            Profile(
                fajr=Twilight(angle=18.5),
                isha=Twilight(minutes=90, ramadan_minutes=120),
                rounding=MappingProxyType({p: "down" if p == "sunrise" else "up" for p in PRAYERS}),
                asr_declination="instant",
                offsets=_s(fajr=43, asr=4),
            ),
        ),
        source="Umm al-Qura: Fajr 18.5 deg, Isha 90 min after Maghrib (120 min in Ramadan), "
        "rounded up (sunrise down)",
    )
)
#: Qatar Calendar House (Dar al-Taqweem al-Qatari) publishes a perpetual calendar
#: (al-Taqweem al-Da'em: the same minutes every year on the same month-day; github
#: osamaalassiry/TaqweemQatar) and, each Ramadan, the same times with Maghrib, and Isha
#: (90 min after it), one minute later: its Ramadan 1446 table (qatarch.com, March 2025)
#: equals the perpetual calendar minute for minute except Maghrib and Isha, +1 min on
#: every day; the TaqweemQatar copy carries the same +1 min on 23 March - 20 April only,
#: Ramadan 1444, so it was copied from the 2023 edition.  The perpetual times fit a
#: computation for a year of the leap cycle's third year (2006, 2010, ... all >= 97%
#: exact on every prayer); 2010, as Dubai's table.  Maghrib is sunset + 2 min; the seconds
#: (Fajr one minute before 18 deg) are calibrated on the perpetual rows outside the
#: two Ramadans and the Ramadan 1446 rows.
register(
    Method(
        "qatar",
        "Qatar Calendar House",
        (
            Profile(
                fajr=Twilight(angle=18.0),
                isha=Twilight(minutes=90),
                table_year=2010,
                offsets=_s(fajr=-60, sunrise=0, dhuhr=-1, asr=-1, maghrib=118, isha=118),
                ramadan_offsets=_s(maghrib=60, isha=60),
            ),
        ),
        source="Qatar Calendar House perpetual calendar: Fajr 18 deg, Maghrib sunset + 2 min "
        "(+1 in Ramadan), Isha Maghrib + 90 min",
    )
)
register(
    Method(
        "jordan",
        "Jordan Ministry of Awqaf",
        (
            Profile(
                **_angles(18.2, 18.2),
                sunrise_altitude=-2.4,
                sunset_altitude=-2.3,
                offsets=_s(fajr=32, sunrise=69, dhuhr=18, asr=25, maghrib=-45, isha=-41),
            ),
        ),
        source="Jordan: Fajr 18 deg, Isha 18 deg",
    )
)
#: Moonsighting Committee (moonsighting.com, Khalid Shaukat): Fajr and Isha from Shaukat's
#: seasonal minutes (the formula of adhan's seasonAdjustedMorning/EveningTwilight),
#: bounded by 18 deg; above 55 deg 1/7 of the night; "Zuhr 5 minutes after zenith",
#: "Maghrib 3 minutes after theoretical sunset" (moonsighting.com's definitions, as
#: reproduced by msofg.org "How do we calculate our prayers time").  Its Asr fits the
#: shadow at the declination of the Asr moment (London, January-June: 99% exact against
#: 96% with the noon declination; 12 October - 3 December, rows not in the calibration
#: file: 79% against 57%, the noon convention's error changing sign with the declination's
#: trend).  The seconds are calibrated on its London and Mississauga tables.
MOONSIGHTING = (
    Profile(
        fajr=Twilight(angle=18.0, seasonal="dawn"),
        isha=Twilight(angle=18.0, seasonal="general"),
        asr_declination="instant",
        offsets=_s(fajr=-5, sunrise=-3, dhuhr=298, asr=-5, maghrib=176, isha=-2),
        seventh_above=55.0,
    ),
)
register(
    Method(
        "moonsighting",
        "Moonsighting Committee Worldwide (Khalid Shaukat)",
        MOONSIGHTING,
        source="moonsighting.com: 18 deg bounded by Shaukat's seasonal minutes; "
        "Dhuhr +5, Maghrib +3 min",
    )
)
#: ISNA Canada's own timetables (isnacanada.com, e.g. its Ramadan 2025 table for
#: Mississauga) are not ISNA's 15/15: every one of their times is the Moonsighting
#: Committee's rule (seasonal Fajr/Isha, Dhuhr +5, Maghrib +3, Shafi'i Asr) with no
#: constant of its own, while 15 deg puts Fajr 13-14 min later and Isha 3 min earlier.
register(
    Method(
        "isna-canada",
        "ISNA Canada (Moonsighting Committee method)",
        MOONSIGHTING,
        source="isnacanada.com timetables: the Moonsighting Committee's rules",
    )
)
register(
    Method(
        "mwl",
        "Muslim World League",
        (Profile(**_angles(18.0, 17.0), offsets=_s(dhuhr=60)),),
        source="MWL: Fajr 18, Isha 17",
    )
)
register(
    Method(
        "isna",
        "Islamic Society of North America",
        (Profile(**_angles(15.0, 15.0), offsets=_s(dhuhr=60)),),
        source="ISNA: 15/15",
    )
)
register(
    Method(
        "karachi",
        "University of Islamic Sciences, Karachi",
        (Profile(**_angles(18.0, 18.0), offsets=_s(dhuhr=60)),),
        source="Karachi: 18/18",
    )
)
register(
    Method(
        "kuwait",
        "Kuwait Ministry of Awqaf",
        (Profile(**_angles(18.0, 17.5)),),
        source="Kuwait: 18/17.5",
    )
)
register(
    Method(
        "tehran",
        "Institute of Geophysics, University of Tehran",
        (Profile(**_angles(17.7, 14.0), maghrib_angle=4.5),),
        source="Tehran: Fajr 17.7, Isha 14, Maghrib 4.5 deg",
    )
)
