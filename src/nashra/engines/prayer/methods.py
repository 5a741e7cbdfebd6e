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


def _s(**seconds: int) -> MappingProxyType[str, int]:
    return MappingProxyType(dict(seconds))


def _angles(fajr: float, isha: float) -> dict[str, Twilight]:
    return {"fajr": Twilight(angle=fajr), "isha": Twilight(angle=isha)}


register(Method("uae", "UAE General Authority of Islamic Affairs and Endowments (Awqaf)", (
    Profile(**_angles(18.0, 18.0), min_elevation_m=1000.0, jumuah=UAE_JUMUAH,
            area_reference=MappingProxyType({"dubai-rural": "dubai", "hatta": "dubai"})),
), source="Awqaf app API times; Isha 18.0 deg, Dhuhr transit + 2 min, one-shadow Asr", region="AE"))
register(Method("egypt", "Egyptian General Authority of Survey", (Profile(**_angles(19.5, 17.5)),), source="EGAS: Fajr 19.5 deg, Isha 17.5 deg"))
register(Method("diyanet", "Diyanet İşleri Başkanlığı (Turkey)", (Profile(**_angles(18.0, 17.0)),), source="Diyanet: Fajr 18 deg, Isha 17 deg, temkin offsets"))
register(Method("jakim", "JAKIM (Malaysia)", (Profile(**_angles(20.0, 18.0)),), source="JAKIM e-solat: Fajr 20 deg, Isha 18 deg, ihtiyati"))
register(Method("kemenag", "Kemenag (Indonesia)", (Profile(**_angles(20.0, 18.0)),), source="Kemenag: Fajr 20 deg, Isha 18 deg, ihtiyat 2 min"))
register(Method("muis", "MUIS (Singapore)", (Profile(**_angles(20.0, 18.0)),), source="MUIS: Fajr 20 deg, Isha 18 deg"))
register(Method("umm-al-qura", "Umm al-Qura (Saudi Arabia)", (
    Profile(fajr=Twilight(angle=18.5), isha=Twilight(minutes=90, ramadan_minutes=120)),
), source="Umm al-Qura: Fajr 18.5 deg, Isha 90 min after Maghrib (120 min in Ramadan)"))
register(Method("qatar", "Qatar Calendar House", (
    Profile(fajr=Twilight(angle=18.0), isha=Twilight(minutes=90, ramadan_minutes=120)),
), source="Qatar: Fajr 18 deg, Isha 90 min after Maghrib"))
register(Method("jordan", "Jordan Ministry of Awqaf", (Profile(**_angles(18.0, 18.0)),), source="Jordan: Fajr 18 deg, Isha 18 deg"))
register(Method("moonsighting", "Moonsighting Committee Worldwide (Khalid Shaukat)", (
    Profile(fajr=Twilight(angle=18.0, seasonal="dawn"), isha=Twilight(angle=18.0, seasonal="general"),
            offsets=_s(dhuhr=300, maghrib=180), seventh_above=55.0),
), source="moonsighting.com: 18 deg bounded by Shaukat's seasonal minutes; Dhuhr +5, Maghrib +3 min"))
register(Method("mwl", "Muslim World League", (Profile(**_angles(18.0, 17.0), offsets=_s(dhuhr=60)),), source="MWL: Fajr 18, Isha 17"))
register(Method("isna", "Islamic Society of North America", (Profile(**_angles(15.0, 15.0), offsets=_s(dhuhr=60)),), source="ISNA: 15/15"))
register(Method("karachi", "University of Islamic Sciences, Karachi", (Profile(**_angles(18.0, 18.0), offsets=_s(dhuhr=60)),), source="Karachi: 18/18"))
register(Method("kuwait", "Kuwait Ministry of Awqaf", (Profile(**_angles(18.0, 17.5)),), source="Kuwait: 18/17.5"))
register(Method("tehran", "Institute of Geophysics, University of Tehran", (
    Profile(**_angles(17.7, 14.0), maghrib_angle=4.5),
), source="Tehran: Fajr 17.7, Isha 14, Maghrib 4.5 deg"))
