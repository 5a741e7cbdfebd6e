"""Every replay fixture, served over a real local HTTP server, gives the expected report.

Fixtures: tests/data/weather/fixtures (synthetic values in the providers' exact shapes,
Dubai, 22 Sep 2023; see its README).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tests.support.fake_weather_server import FakeWeatherServer
from tests.support.weather import DUBAI, NOW, TODAY, settings_for

from nashra.engines.weather import (
    OPEN_METEO_ATTRIBUTION,
    Condition,
    ProviderMisconfigured,
    ProviderResponseInvalid,
    build_provider,
)


def provider(server: FakeWeatherServer, pid: str, **extra: object):  # type: ignore[no-untyped-def]
    return build_provider(pid, {**settings_for(server)[pid], **extra})


def test_open_meteo_fixture(fake_weather_server: FakeWeatherServer) -> None:
    fake_weather_server.serve_fixture("/v1/forecast", "openmeteo_forecast_daily_dubai.json")
    report = provider(fake_weather_server, "open-meteo").fetch(DUBAI, NOW)
    assert (report.place, report.date, report.condition, report.code) == (
        "dubai", TODAY, Condition.CLEAR, "0",
    )  # fmt: skip
    assert (report.max_c, report.min_c, report.zone) == (36.4, 29.8, "Asia/Dubai")
    assert report.provider == "open-meteo"
    assert not report.is_observation
    assert report.fetched_at == NOW
    query = fake_weather_server.requests[0].query
    # the authority's reference point of Dubai (awqaf_areas.csv) and its elevation
    assert query["timezone"] == "Asia/Dubai"
    assert query["latitude"] == "25.113055"
    assert query["longitude"] == "55.108333"
    assert query["elevation"] == "5.0"
    assert query["daily"] == "weather_code,temperature_2m_max,temperature_2m_min"


def test_open_meteo_attribution() -> None:
    assert OPEN_METEO_ATTRIBUTION.text == "Weather data by Open-Meteo.com"
    assert OPEN_METEO_ATTRIBUTION.url == "https://open-meteo.com/"
    assert OPEN_METEO_ATTRIBUTION.licence == "CC BY 4.0"


def test_open_meteo_degraded_fixture_is_invalid(fake_weather_server: FakeWeatherServer) -> None:
    # today's row has a null code and a null max
    fake_weather_server.serve_fixture(
        "/v1/forecast", "openmeteo_forecast_daily_dubai_degraded.json"
    )
    with pytest.raises(ProviderResponseInvalid, match="null"):
        provider(fake_weather_server, "open-meteo").fetch(DUBAI, NOW)


def test_open_meteo_degraded_next_day_has_unknown_code(
    fake_weather_server: FakeWeatherServer,
) -> None:
    # 23 Sep carries code 4, not in Open-Meteo's subset: unknown, never an error
    fake_weather_server.serve_fixture(
        "/v1/forecast", "openmeteo_forecast_daily_dubai_degraded.json"
    )
    report = provider(fake_weather_server, "open-meteo").fetch(
        DUBAI, datetime(2023, 9, 23, 6, tzinfo=UTC)
    )
    assert (report.condition, report.code, report.max_c) == (Condition.UNKNOWN, "4", 37.1)
    assert report.condition.label() == ""


def test_open_meteo_error_400_fixture(fake_weather_server: FakeWeatherServer) -> None:
    fake_weather_server.serve_fixture("/v1/forecast", "openmeteo_error_400.json", status=400)
    with pytest.raises(ProviderMisconfigured, match="HTTP 400.*tempeture_2m_max"):
        provider(fake_weather_server, "open-meteo").fetch(DUBAI, NOW)


def test_met_office_fixture_picks_today_not_first_row(
    fake_weather_server: FakeWeatherServer,
) -> None:
    fake_weather_server.serve_fixture("/point/daily", "metoffice_datahub_daily_dubai.json")
    report = provider(fake_weather_server, "met-office").fetch(DUBAI, NOW)
    assert (report.date, report.condition, report.code) == (TODAY, Condition.CLEAR, "1")
    assert (report.max_c, report.min_c, report.provider) == (36.2, 29.9, "met-office")
    assert fake_weather_server.requests[0].headers["apikey"] == "test-key"


def test_met_office_yesterday_row_has_no_day_fields(
    fake_weather_server: FakeWeatherServer,
) -> None:
    fake_weather_server.serve_fixture("/point/daily", "metoffice_datahub_daily_dubai.json")
    with pytest.raises(ProviderResponseInvalid, match="daySignificantWeatherCode"):
        provider(fake_weather_server, "met-office").fetch(
            DUBAI, datetime(2023, 9, 21, 8, tzinfo=UTC)
        )


def test_metar_json_fixture(fake_weather_server: FakeWeatherServer) -> None:
    fake_weather_server.serve_fixture("/metar", "aviationweather_metar_omdb.json")
    report = provider(fake_weather_server, "metar").fetch(DUBAI, NOW)
    assert (report.date, report.condition, report.code) == (
        TODAY, Condition.MAINLY_CLEAR, "FEW",
    )  # fmt: skip
    assert (report.max_c, report.min_c, report.is_observation) == (36.0, None, True)
    assert fake_weather_server.requests[0].query == {"ids": "OMDB", "format": "json"}


def test_metar_raw_fixture_takes_newest_report(fake_weather_server: FakeWeatherServer) -> None:
    fake_weather_server.serve_fixture("/metar", "metar_omdb_raw.txt")
    at_1530z = datetime(2023, 9, 22, 15, 30, tzinfo=UTC)
    report = provider(fake_weather_server, "metar", format="raw").fetch(DUBAI, at_1530z)
    assert (report.condition, report.code, report.max_c) == (Condition.DUST, "BLSA DU", 37.0)


def test_metar_raw_ignores_reports_from_the_future(
    fake_weather_server: FakeWeatherServer,
) -> None:
    # at 11:30Z the 14:00Z and 15:00Z lines cannot be today's: the 11:00Z one is current
    fake_weather_server.serve_fixture("/metar", "metar_omdb_raw.txt")
    report = provider(fake_weather_server, "metar", format="raw").fetch(DUBAI, NOW)
    assert (report.condition, report.max_c) == (Condition.MAINLY_CLEAR, 36.0)
