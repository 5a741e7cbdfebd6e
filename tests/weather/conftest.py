"""Weather (Django side): settings pointing every provider at the local fake server."""

from __future__ import annotations

import pytest
import time_machine

from tests.support.fake_weather_server import FakeWeatherServer, fake_weather_server
from tests.support.weather import NOW

__all__ = [
    "fake_weather_server",
    "weather_settings",
    "at_now",
]


@pytest.fixture
def weather_settings(settings, fake_weather_server: FakeWeatherServer):
    """Every provider at the fake server, short timeouts, no retries; chain open-meteo + metar."""
    settings.NASHRA_OPEN_METEO_URL = fake_weather_server.url
    settings.NASHRA_MET_OFFICE_URL = fake_weather_server.url
    settings.NASHRA_MET_OFFICE_API_KEY = "test-key"
    settings.NASHRA_METAR_URL = fake_weather_server.url
    settings.NASHRA_METAR_FORMAT = "json"
    # Short, yet well above a loopback answer on a busy machine.
    settings.NASHRA_WEATHER_TIMEOUT = 0.8
    settings.NASHRA_WEATHER_RETRIES = 0
    settings.NASHRA_WEATHER_PROVIDERS = ["open-meteo", "metar"]
    settings.NASHRA_WEATHER_PLACE = "dubai"
    return settings


@pytest.fixture
def at_now():
    """Freeze the clock at 22 Sep 2023 11:30 UTC (15:30 in Dubai), the fixtures' day."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller
