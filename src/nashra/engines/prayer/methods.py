"""The built-in authority profiles (data only; see profiles.py for the fields).

Sources of each authority's published rules are named next to it; the constants in
seconds were calibrated across all rows of that authority in the calibration set
(``official_calibration.csv``), never per row.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

from .profiles import Jumuah, Method, Profile, Twilight, register

#: The UAE's fixed Friday prayer: 13:15 from 7 January 2022, 12:45 from 2 January 2026.
UAE_JUMUAH = (
    Jumuah(dt.time(13, 15), dt.date(2022, 1, 7), dt.date(2026, 1, 1)),
    Jumuah(dt.time(12, 45), dt.date(2026, 1, 2)),
)


TABLE_YEAR_DUBAI = 2010


def _s(**seconds: int) -> MappingProxyType[str, int]:
    return MappingProxyType(dict(seconds))


def _angles(fajr: float, isha: float) -> dict[str, Twilight]:
    return {"fajr": Twilight(angle=fajr), "isha": Twilight(angle=isha)}


register(Method("uae", "UAE General Authority of Islamic Affairs and Endowments (Awqaf)", (
    Profile(**_angles(18.0, 18.0), min_elevation_m=1000.0, jumuah=UAE_JUMUAH, sunset_altitude=-1.35,
            # calibrated (seconds) on Abu Dhabi, the capital; the default for every area
            offsets=_s(fajr=-85, sunrise=-226, dhuhr=120, asr=8, maghrib=7, isha=1),
            # calibrated per area where the calibration set has that area's rows
            area_offsets=MappingProxyType({
                "sharjah": _s(fajr=-72, sunrise=-216, dhuhr=120, asr=6, maghrib=7, isha=1),
                "fujairah": _s(fajr=-34, sunrise=-186, dhuhr=120, asr=9, maghrib=13, isha=0),
            }),
            area_method=MappingProxyType({a: "uae-dubai" for a in ("dubai", "dubai-rural", "hatta")})),
), source="Awqaf app API times; Isha 18.0 deg, Dhuhr transit + 2 min, one-shadow Asr", region="AE"))
register(Method("uae-dubai", "Dubai zone (IACAD perpetual table, published by Awqaf)", (
    Profile(**_angles(18.0, 18.0), jumuah=UAE_JUMUAH, table_year=TABLE_YEAR_DUBAI, sunset_altitude=-1.44,
            offsets=_s(fajr=-100, sunrise=-224, dhuhr=125, asr=18, maghrib=-26, isha=11),
            area_reference=MappingProxyType({"dubai-rural": "dubai", "hatta": "dubai"})),
), source="IACAD Dubai table, repeated every year on the same month-day", region="AE"))
register(Method("egypt", "Egyptian General Authority of Survey", (Profile(**_angles(19.5, 17.5), offsets=_s(fajr=-20, sunrise=-21, dhuhr=-15, asr=-11, maghrib=-10, isha=-11)),), source="EGAS: Fajr 19.5 deg, Isha 17.5 deg"))
register(Method("diyanet", "Diyanet İşleri Başkanlığı (Turkey)", (Profile(**_angles(18.0, 17.0), offsets=_s(fajr=-6, sunrise=-429, dhuhr=307, asr=285, maghrib=486, isha=79)),), source="Diyanet: Fajr 18 deg, Isha 17 deg, temkin offsets"))
register(Method("jakim", "JAKIM (Malaysia)", (Profile(**_angles(20.0, 18.0), offsets=_s(fajr=555, sunrise=10, dhuhr=130, asr=68, maghrib=70, isha=-45)),), source="JAKIM e-solat: Fajr 20 deg, Isha 18 deg, ihtiyati"))
register(Method("kemenag", "Kemenag (Indonesia)", (Profile(**_angles(20.0, 18.0), offsets=_s(fajr=156, sunrise=-194, dhuhr=213, asr=157, maghrib=193, isha=153)),), source="Kemenag: Fajr 20 deg, Isha 18 deg, ihtiyat 2 min"))
register(Method("muis", "MUIS (Singapore)", (Profile(**_angles(20.0, 18.0), offsets=_s(fajr=40, sunrise=42, dhuhr=116, asr=91, maghrib=59, isha=63)),), source="MUIS: Fajr 20 deg, Isha 18 deg"))
register(Method("umm-al-qura", "Umm al-Qura (Saudi Arabia)", (
    Profile(fajr=Twilight(angle=18.5), isha=Twilight(minutes=90, ramadan_minutes=120),
            offsets=_s(fajr=72, sunrise=-27, dhuhr=31, asr=42, maghrib=24, isha=24)),
), source="Umm al-Qura: Fajr 18.5 deg, Isha 90 min after Maghrib (120 min in Ramadan)"))
register(Method("qatar", "Qatar Calendar House", (
    Profile(fajr=Twilight(angle=18.0), isha=Twilight(minutes=90),
            offsets=_s(fajr=-36, sunrise=23, dhuhr=2, asr=-2, maghrib=170, isha=170)),
), source="Qatar: Fajr 18 deg, Isha 90 min after Maghrib"))
register(Method("jordan", "Jordan Ministry of Awqaf", (Profile(**_angles(18.2, 18.2), sunrise_altitude=-2.4, sunset_altitude=-2.3,
            offsets=_s(fajr=32, sunrise=69, dhuhr=18, asr=25, maghrib=-45, isha=-41)),), source="Jordan: Fajr 18 deg, Isha 18 deg"))
register(Method("moonsighting", "Moonsighting Committee Worldwide (Khalid Shaukat)", (
    Profile(fajr=Twilight(angle=18.0, seasonal="dawn"), isha=Twilight(angle=18.0, seasonal="general"),
            offsets=_s(fajr=-5, sunrise=-3, dhuhr=298, asr=-10, maghrib=176, isha=-2), seventh_above=55.0),
), source="moonsighting.com: 18 deg bounded by Shaukat's seasonal minutes; Dhuhr +5, Maghrib +3 min"))
register(Method("mwl", "Muslim World League", (Profile(**_angles(18.0, 17.0), offsets=_s(dhuhr=60)),), source="MWL: Fajr 18, Isha 17"))
register(Method("isna", "Islamic Society of North America", (Profile(**_angles(15.0, 15.0), offsets=_s(dhuhr=60)),), source="ISNA: 15/15"))
register(Method("karachi", "University of Islamic Sciences, Karachi", (Profile(**_angles(18.0, 18.0), offsets=_s(dhuhr=60)),), source="Karachi: 18/18"))
register(Method("kuwait", "Kuwait Ministry of Awqaf", (Profile(**_angles(18.0, 17.5)),), source="Kuwait: 18/17.5"))
register(Method("tehran", "Institute of Geophysics, University of Tehran", (
    Profile(**_angles(17.7, 14.0), maghrib_angle=4.5),
), source="Tehran: Fajr 17.7, Isha 14, Maghrib 4.5 deg"))
