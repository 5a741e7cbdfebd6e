"""Fault injection over a real local HTTP server: one failure mode, one test."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tests.support.fake_weather_server import FakeWeatherServer, closed_port_url, fixture_text
from tests.support.weather import DUBAI, FAST, NOW, settings_for

from nashra.engines.weather import (
    Condition,
    ProviderMisconfigured,
    ProviderResponseInvalid,
    ProviderUnavailable,
    ReportRejected,
    build_provider,
    check_config,
)

OM = "/v1/forecast"
GOOD = fixture_text("openmeteo_forecast_daily_dubai.json")


def open_meteo(server: FakeWeatherServer, **extra: object):  # type: ignore[no-untyped-def]
    return build_provider("open-meteo", {**settings_for(server)["open-meteo"], **extra})


def test_timeout(fake_weather_server: FakeWeatherServer) -> None:
    fake_weather_server.serve(OM, GOOD, delay=0.5)
    with pytest.raises(ProviderUnavailable, match="timed out"):
        open_meteo(fake_weather_server, timeout=0.1).fetch(DUBAI, NOW)


def test_connection_refused() -> None:
    provider = build_provider("open-meteo", {"base_url": closed_port_url(), **FAST})
    with pytest.raises(ProviderUnavailable, match="ConnectError"):
        provider.fetch(DUBAI, NOW)


def test_429_is_unavailable_and_retried(fake_weather_server: FakeWeatherServer) -> None:
    fake_weather_server.serve(OM, '{"error": true, "reason": "Too many"}', status=429)
    with pytest.raises(ProviderUnavailable, match="HTTP 429"):
        open_meteo(fake_weather_server, retries=2).fetch(DUBAI, NOW)
    assert fake_weather_server.hits(OM) == 3


def test_500_then_success_is_retried(fake_weather_server: FakeWeatherServer) -> None:
    from tests.support.fake_weather_server import Canned

    fake_weather_server.serve(OM, "oops", status=500, then=[Canned(GOOD.encode())])
    report = open_meteo(fake_weather_server, retries=1).fetch(DUBAI, NOW)
    assert report.max_c == 36.4
    assert fake_weather_server.hits(OM) == 2


def test_500(fake_weather_server: FakeWeatherServer) -> None:
    fake_weather_server.serve(OM, "Internal Server Error", status=500, content_type="text/plain")
    with pytest.raises(ProviderUnavailable, match="HTTP 500"):
        open_meteo(fake_weather_server).fetch(DUBAI, NOW)


def test_html_instead_of_json(fake_weather_server: FakeWeatherServer) -> None:
    page = "<!DOCTYPE html><html><body>Maintenance</body></html>"
    fake_weather_server.serve(OM, page, content_type="text/html")
    with pytest.raises(ProviderResponseInvalid, match="HTML"):
        open_meteo(fake_weather_server).fetch(DUBAI, NOW)


def test_truncated_json(fake_weather_server: FakeWeatherServer) -> None:
    fake_weather_server.serve(OM, GOOD[: len(GOOD) // 2])
    with pytest.raises(ProviderResponseInvalid, match="truncated"):
        open_meteo(fake_weather_server).fetch(DUBAI, NOW)


def test_null_values(fake_weather_server: FakeWeatherServer) -> None:
    fake_weather_server.serve(OM, GOOD.replace("36.4", "null"))
    with pytest.raises(ProviderResponseInvalid, match="temperature_2m_max is null"):
        open_meteo(fake_weather_server).fetch(DUBAI, NOW)


def test_missing_field(fake_weather_server: FakeWeatherServer) -> None:
    fake_weather_server.serve(OM, GOOD.replace('"temperature_2m_max"', '"renamed"'))
    with pytest.raises(ProviderResponseInvalid, match="temperature_2m_max"):
        open_meteo(fake_weather_server).fetch(DUBAI, NOW)


def test_unknown_code_is_unknown(fake_weather_server: FakeWeatherServer, chain_for) -> None:  # type: ignore[no-untyped-def]
    fake_weather_server.serve(OM, GOOD.replace("   0,\n", "   42,\n"))
    result = chain_for("open-meteo").run(DUBAI)
    assert result.report is not None
    assert (result.report.condition, result.report.code) == (Condition.UNKNOWN, "42")


def test_wrong_date(fake_weather_server: FakeWeatherServer, chain_for) -> None:  # type: ignore[no-untyped-def]
    fake_weather_server.serve(OM, GOOD)
    result = chain_for("open-meteo", now=datetime(2023, 9, 26, 8, tzinfo=UTC)).run(DUBAI)
    assert result.report is None
    assert result.failures[0].error == "ReportRejected"
    assert "2023-09-26" in result.failures[0].message


def test_temperature_of_900(fake_weather_server: FakeWeatherServer, chain_for) -> None:  # type: ignore[no-untyped-def]
    fake_weather_server.serve(OM, GOOD.replace("36.4", "900"))
    result = chain_for("open-meteo").run(DUBAI)
    assert result.report is None
    assert (result.failures[0].error, "900") == ("ReportRejected", "900")
    assert "not plausible" in result.failures[0].message


def test_wrong_zone(fake_weather_server: FakeWeatherServer, chain_for) -> None:  # type: ignore[no-untyped-def]
    fake_weather_server.serve(OM, GOOD.replace('"Asia/Dubai"', '"GMT"'))
    result = chain_for("open-meteo").run(DUBAI)
    assert result.report is None
    assert result.failures[0].error == "ReportRejected"
    assert "zone 'GMT'" in result.failures[0].message


def test_validation_function_directly() -> None:
    from dataclasses import replace

    from tests.support.weather import TODAY

    from nashra.engines.weather import Report, validate

    good = Report("dubai", TODAY, Condition.CLEAR, "0", 36.4, 29.8, "x", NOW, zone="Asia/Dubai")
    assert validate(good, DUBAI, TODAY) is good
    for bad in (replace(good, min_c=-61), replace(good, min_c=37), replace(good, place="x")):
        with pytest.raises(ReportRejected):
            validate(bad, DUBAI, TODAY)


def test_malformed_url() -> None:
    settings = {"base_url": "htp:/nowhere"}
    assert any("malformed URL" in m for m in check_config("open-meteo", settings))
    with pytest.raises(ProviderMisconfigured, match="malformed URL"):
        build_provider("open-meteo", settings)


def test_missing_api_key() -> None:
    assert check_config("met-office", {}) == [
        "met-office: Met Office needs an API key (setting 'api_key')"
    ]
    with pytest.raises(ProviderMisconfigured, match="API key"):
        build_provider("met-office", {"api_key": "  "})


def test_key_refused_is_misconfigured(fake_weather_server: FakeWeatherServer) -> None:
    fake_weather_server.serve("/point/daily", '{"message": "Invalid API key"}', status=401)
    provider = build_provider("met-office", settings_for(fake_weather_server)["met-office"])
    with pytest.raises(ProviderMisconfigured, match="Invalid API key"):
        provider.fetch(DUBAI, NOW)
    assert fake_weather_server.hits("/point/daily") == 1


def test_check_config_other_messages() -> None:
    assert check_config("open-meteo", {}) == []
    assert check_config("metar", {"format": "xml"}) == [
        "metar: format must be one of ('json', 'raw'), got 'xml'"
    ]
    assert check_config("open-meteo", {"timeout": 0, "colour": 1}) == [
        "open-meteo: unknown setting 'colour'",
        "open-meteo: timeout must be a number of seconds in (0, 120], got 0",
    ]
    assert "unknown weather provider 'dark-sky'" in check_config("dark-sky", {})[0]
    assert "cannot import" in check_config("x", {"backend": "no.such.Module"})[0]
