"""Constants and settings helpers for weather tests (engine and Django side).

"Today" is fixed to 22 September 2023, the date of every replay fixture
(tests/data/weather/fixtures/README.md); 11:30 UTC is 15:30 in Dubai, half an hour after
the OMDB JSON observation (obsTime 2023-09-22T11:00Z).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from nashra.engines.weather import PLACES_BY_SLUG, Place

from .fake_weather_server import FakeWeatherServer

NOW = datetime(2023, 9, 22, 11, 30, tzinfo=UTC)
TODAY = date(2023, 9, 22)
DUBAI: Place = PLACES_BY_SLUG["dubai"]
FAST: dict[str, Any] = {"timeout": 0.5, "retries": 0, "backoff": 0}


def fixed_clock(now: datetime = NOW) -> Callable[[], datetime]:
    """A clock that always says ``now``."""
    return lambda: now


def settings_for(server: FakeWeatherServer, **overrides: Any) -> dict[str, dict[str, Any]]:
    """Per-provider settings pointing every provider at ``server`` (tiny timeouts, no retries).

    Keyword overrides use underscores for dashes: ``settings_for(s, met_office={...})``.
    """
    settings: dict[str, dict[str, Any]] = {
        "open-meteo": {"base_url": server.url, **FAST},
        "met-office": {"base_url": server.url, "api_key": "test-key", **FAST},
        "metar": {"base_url": server.url, **FAST},
    }
    for pid, extra in overrides.items():
        settings[pid.replace("_", "-")].update(extra)
    return settings


def weather_fragment(html: str) -> str:
    """The header's weather block."""
    match = re.search(r'<div class="masthead__weather">.*?</div>', html, re.S)
    assert match, "the header has no weather block"
    return match.group(0)


LEAKS = ("{{", "{%", "None", "weather.code", "Traceback", "Provider", "wmo", "%(")


def assert_no_leak(html: str) -> None:
    """No template syntax, None, raw codes or message keys on the page or in the widget."""
    for leak in LEAKS:
        assert leak not in html, f"{leak!r} leaked onto the page"
    fragment = weather_fragment(html)
    assert "$" not in fragment
    # provider codes never reach the widget: no bare numbers other than the date/temperature
    assert not re.search(r"\b(BLSA|FEW|CAVOK|OMDB|code)\b", fragment)
