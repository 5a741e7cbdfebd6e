"""Shared fixtures for the weather engine tests.

"Today" is fixed to 22 September 2023, the date of every replay fixture
(tests/data/weather/fixtures/README.md); 11:30 UTC is 15:30 in Dubai, half an hour after
the OMDB JSON observation (obsTime 2023-09-22T11:00Z).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from nashra.engines.weather import PLACES_BY_SLUG, WeatherChain, WeatherPlace, build_chain
from tests.support.fake_weather_server import FakeWeatherServer, fake_weather_server

__all__ = ["fake_weather_server"]

NOW = datetime(2023, 9, 22, 11, 30, tzinfo=UTC)
DUBAI: WeatherPlace = PLACES_BY_SLUG["dubai"]
FAST = {"timeout": 0.5, "retries": 0, "backoff": 0}


def fixed_clock(now: datetime = NOW) -> Callable[[], datetime]:
    """A clock that always says ``now``."""
    return lambda: now


def settings_for(server: FakeWeatherServer, **overrides: Any) -> dict[str, dict[str, Any]]:
    """Per-provider settings pointing every provider at the fake server."""
    settings: dict[str, dict[str, Any]] = {
        "open-meteo": {"base_url": server.url, **FAST},
        "met-office": {"base_url": server.url, "api_key": "test-key", **FAST},
        "metar": {"base_url": server.url, **FAST},
    }
    for pid, extra in overrides.items():
        settings[pid.replace("_", "-")].update(extra)
    return settings


@pytest.fixture
def chain_for(fake_weather_server: FakeWeatherServer) -> Callable[..., WeatherChain]:
    """Build a chain of the given provider ids against the fake server, at NOW."""

    def make(*ids: str, now: datetime = NOW, **overrides: Any) -> WeatherChain:
        return build_chain(
            list(ids), settings_for(fake_weather_server, **overrides), clock=fixed_clock(now)
        )

    return make
