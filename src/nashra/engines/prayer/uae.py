"""The UAE federal authority's per-area corrections, as two numbers per reference point.

What the authority's rows show (3,296 official rows of 28 areas, 2026, in
``official_calibration.csv``; ``nashra prayer verify --cv`` re-derives them):

* Dhuhr (transit + 2 min), Asr (one shadow) and Isha (18 deg, no margin) need the same
  seconds in every area.
* Fajr and Shuruq move together by a constant number of seconds per area, the same in
  every month: a shift of the *morning* only, as if the morning were computed further
  east (0 to -131 s: islands and small localities about 0, large municipal areas up to
  two minutes; it is a property of the area's extent, not of its reference point).
* Maghrib (and with it Shuruq, mirrored) moves by a constant per area: the horizon.
  Shuruq and Maghrib are found at one altitude (-1.35 deg), and across the nine areas
  with daily sunrise ``sunrise = morning - horizon`` within 2 s (Hatta 7 s), so Shuruq
  is derived, not fitted.

So each area carries ``(morning, horizon)`` seconds, measured from its own rows (the
middle of the run of equally good seconds).  Twin areas (one reference point, two
names) share them: the authority's times depend only on the point.  Areas without rows
take the capital's, Abu Dhabi's; this is the weakest part of the model (see
docs/prayer.md, "Out of sample").
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: Method-wide seconds (every area).
COMMON = MappingProxyType({"dhuhr": 119, "asr": 8, "isha": 0})

#: slug -> (morning seconds for Fajr and Shuruq, horizon seconds for Maghrib).
AREA_CORRECTIONS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "abu-dhabi": (-85, 7),
        "ghagha-qaffay": (-66, -36),
        "dalma-island": (-3, -23),
        "arzanah-island": (-14, -33),
        "mukhariz": (-11, -1),
        "umm-al-zamool": (-2, -18),
        "al-mirfa": (-131, -55),
        "abu-al-abyad": (-131, -55),  # same reference point as al-mirfa
        "jebel-hafeet": (7, -130),  # on top of the elevation dip (1,240 m)
        "al-dhahira": (-117, 1),
        "al-faqa": (-27, 65),
        "dubai-rural": (-27, 65),  # same reference point as al-faqa
        "al-bahia": (-53, -49),
        "madinat-zayed": (-60, -3),
        "al-hamra-barakah": (-64, -57),
        "ruwais": (-48, -4),
        "border-guard-island": (9, -46),
        "asab": (-3, -12),
        "al-sahil": (10, -15),
        "sharjah": (-73, 7),
        "al-dhaid": (-26, 13),
        "sharjah-east-coast": (-2, 7),
        "dibba": (-2, 7),  # same reference point as sharjah-east-coast
        "sir-bu-nair": (6, -34),
        "masafi-shawka": (-44, 73),
        "masafi": (-44, 73),  # same reference point as masafi-shawka
        "greater-tunb": (-14, -12),
        "fujairah": (-34, 13),
        "hatta": (-10, 74),
    }
)
DEFAULT_AREA = "abu-dhabi"


def offsets(morning: int, horizon: int) -> Mapping[str, int]:
    """The six offsets (seconds) of an area with these two corrections."""
    return MappingProxyType(
        {
            "fajr": morning,
            "sunrise": morning - horizon,
            "maghrib": horizon,
            **COMMON,
        }
    )


def area_offsets() -> Mapping[str, Mapping[str, int]]:
    """Offsets per area slug (areas with their own rows, and their twins)."""
    return MappingProxyType({slug: offsets(*pair) for slug, pair in AREA_CORRECTIONS.items()})
