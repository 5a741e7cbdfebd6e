"""Provider code tables mapped onto :class:`Condition`.

Sources (copied with provenance into ``tests/data/weather/``):

- Met Office DataHub "significant weather code" (NA, -1, 0-30). Code 4 is "not used";
  NA is the no-data sentinel. Both map to ``UNKNOWN``, as does anything > 30.
- WMO 4677 subset emitted by Open-Meteo's ``weather_code``. WMO 3 ("Overcast") is worded
  "Cloudy" in our table, so it maps to ``CLOUDY``.

Anything not in a table is ``UNKNOWN``: never an exception, never a raw key.
"""

from __future__ import annotations

from .conditions import Condition

C = Condition

MET_OFFICE: dict[str, Condition] = {
    "NA": C.UNKNOWN,
    "-1": C.DRIZZLE,  # trace rain
    "0": C.CLEAR,  # clear night
    "1": C.CLEAR,  # sunny day
    "2": C.PARTLY_CLOUDY,
    "3": C.PARTLY_CLOUDY,  # "sunny intervals"
    "4": C.UNKNOWN,  # not used
    "5": C.MIST,
    "6": C.FOG,
    "7": C.CLOUDY,
    "8": C.OVERCAST,
    "9": C.SHOWERS,
    "10": C.SHOWERS,
    "11": C.DRIZZLE,
    "12": C.RAIN,
    "13": C.HEAVY_RAIN,
    "14": C.HEAVY_RAIN,
    "15": C.HEAVY_RAIN,
    "16": C.SLEET,
    "17": C.SLEET,
    "18": C.SLEET,
    "19": C.HAIL,
    "20": C.HAIL,
    "21": C.HAIL,
    "22": C.SNOW,
    "23": C.SNOW,
    "24": C.SNOW,
    "25": C.SNOW,
    "26": C.SNOW,
    "27": C.SNOW,
    "28": C.THUNDER,
    "29": C.THUNDER,
    "30": C.THUNDER,
}

WMO: dict[str, Condition] = {
    "0": C.CLEAR,
    "1": C.MAINLY_CLEAR,
    "2": C.PARTLY_CLOUDY,
    "3": C.CLOUDY,
    "45": C.FOG,
    "48": C.FOG,
    "51": C.DRIZZLE,
    "53": C.DRIZZLE,
    "55": C.DRIZZLE,
    "56": C.DRIZZLE,
    "57": C.DRIZZLE,
    "61": C.RAIN,
    "63": C.RAIN,
    "65": C.HEAVY_RAIN,
    "66": C.RAIN,
    "67": C.RAIN,
    "71": C.SNOW,
    "73": C.SNOW,
    "75": C.SNOW,
    "77": C.SNOW,
    "80": C.SHOWERS,
    "81": C.SHOWERS,
    "82": C.HEAVY_RAIN,
    "85": C.SNOW,
    "86": C.SNOW,
    "95": C.THUNDER,
    "96": C.HAIL,
    "99": C.HAIL,
}


def _key(code: object) -> str:
    if isinstance(code, bool):  # bool is an int; never a weather code
        return ""
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    return str(code).strip()


def met_office_condition(code: object) -> Condition:
    """Map a Met Office significant-weather code (int or string) to a Condition."""
    return MET_OFFICE.get(_key(code), C.UNKNOWN)


def wmo_condition(code: object) -> Condition:
    """Map an Open-Meteo (WMO 4677) ``weather_code`` to a Condition."""
    return WMO.get(_key(code), C.UNKNOWN)
