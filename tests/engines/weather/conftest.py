"""Fixtures for the weather engine tests (constants live in tests/support/weather.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from tests.support.fake_weather_server import FakeWeatherServer, fake_weather_server
from tests.support.weather import NOW, fixed_clock, settings_for

from nashra.engines.weather import WeatherChain, build_chain

__all__ = ["fake_weather_server", "chain_for"]


@pytest.fixture
def chain_for(fake_weather_server: FakeWeatherServer) -> Callable[..., WeatherChain]:
    """Build a chain of the given provider ids against the fake server, at ``now``."""

    def make(*ids: str, now: datetime = NOW, **overrides: Any) -> WeatherChain:
        return build_chain(
            list(ids), settings_for(fake_weather_server, **overrides), clock=fixed_clock(now)
        )

    return make
