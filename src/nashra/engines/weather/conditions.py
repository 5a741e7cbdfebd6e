"""Nashra's own weather conditions, their icon names and English labels.

Provider codes (Met Office, WMO/Open-Meteo, METAR) are mapped onto :class:`Condition`
in :mod:`nashra.engines.weather.codes`; templates only ever see a ``Condition``, so an
unmapped provider code can never leak a raw message key onto a page.

Labels are plain English msgids: the Django side wraps them in ``gettext``.
"""

from __future__ import annotations

from enum import StrEnum


class Condition(StrEnum):
    """What the sky is doing, in our own vocabulary (value is a stable slug)."""

    CLEAR = "clear"
    MAINLY_CLEAR = "mainly-clear"
    PARTLY_CLOUDY = "partly-cloudy"
    CLOUDY = "cloudy"
    OVERCAST = "overcast"
    MIST = "mist"
    FOG = "fog"
    HAZE = "haze"
    DUST = "dust"
    SANDSTORM = "sandstorm"  # sand or dust storm
    DRIZZLE = "drizzle"
    RAIN = "rain"
    SHOWERS = "showers"
    HEAVY_RAIN = "heavy-rain"
    THUNDER = "thunder"
    HAIL = "hail"
    SLEET = "sleet"
    SNOW = "snow"
    UNKNOWN = "unknown"

    @property
    def day_icon(self) -> str:
        """Icon name (an SVG in ``weather/icons/``) to show by day."""
        return ICONS[self][0]

    @property
    def night_icon(self) -> str:
        """Icon name to show by night."""
        return ICONS[self][1]

    def icon(self, *, night: bool = False) -> str:
        """The day or night icon name."""
        return self.night_icon if night else self.day_icon

    def label(self, *, night: bool = False) -> str:
        """English label (a msgid); empty string for ``UNKNOWN``, which renders no text."""
        return (NIGHT_LABELS if night else DAY_LABELS).get(self, "")


# (day icon, night icon); one SVG file per distinct name.
ICONS: dict[Condition, tuple[str, str]] = {
    Condition.CLEAR: ("clear-day", "clear-night"),
    Condition.MAINLY_CLEAR: ("mainly-clear-day", "mainly-clear-night"),
    Condition.PARTLY_CLOUDY: ("partly-cloudy-day", "partly-cloudy-night"),
    Condition.CLOUDY: ("cloudy", "cloudy"),
    Condition.OVERCAST: ("overcast", "overcast"),
    Condition.MIST: ("mist", "mist"),
    Condition.FOG: ("fog", "fog"),
    Condition.HAZE: ("haze", "haze"),
    Condition.DUST: ("dust", "dust"),
    Condition.SANDSTORM: ("sandstorm", "sandstorm"),
    Condition.DRIZZLE: ("drizzle", "drizzle"),
    Condition.RAIN: ("rain", "rain"),
    Condition.SHOWERS: ("showers-day", "showers-night"),
    Condition.HEAVY_RAIN: ("heavy-rain", "heavy-rain"),
    Condition.THUNDER: ("thunder", "thunder"),
    Condition.HAIL: ("hail", "hail"),
    Condition.SLEET: ("sleet", "sleet"),
    Condition.SNOW: ("snow", "snow"),
    Condition.UNKNOWN: ("unknown", "unknown"),
}

# English msgids. Day/night wording follows the Met Office ("Sunny day" / "Clear night").
# UNKNOWN is deliberately absent: it has no label.
DAY_LABELS: dict[Condition, str] = {
    Condition.CLEAR: "Sunny",
    Condition.MAINLY_CLEAR: "Mainly sunny",
    Condition.PARTLY_CLOUDY: "Partly cloudy",
    Condition.CLOUDY: "Cloudy",
    Condition.OVERCAST: "Overcast",
    Condition.MIST: "Mist",
    Condition.FOG: "Fog",
    Condition.HAZE: "Haze",
    Condition.DUST: "Dust",
    Condition.SANDSTORM: "Sand or dust storm",
    Condition.DRIZZLE: "Drizzle",
    Condition.RAIN: "Rain",
    Condition.SHOWERS: "Showers",
    Condition.HEAVY_RAIN: "Heavy rain",
    Condition.THUNDER: "Thunderstorm",
    Condition.HAIL: "Hail",
    Condition.SLEET: "Sleet",
    Condition.SNOW: "Snow",
}
NIGHT_LABELS: dict[Condition, str] = {
    **DAY_LABELS,
    Condition.CLEAR: "Clear",
    Condition.MAINLY_CLEAR: "Mainly clear",
}

ICON_NAMES: frozenset[str] = frozenset(name for pair in ICONS.values() for name in pair)
