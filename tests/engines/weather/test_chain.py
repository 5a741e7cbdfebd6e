"""The chain: first valid answer wins, failures are kept, METAR refines dust and haze."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.support.fake_weather_server import FakeWeatherServer
from tests.support.weather import DUBAI, TODAY

from nashra.engines.weather import PLACES_BY_SLUG, Condition, WeatherChain

OM, MO, METAR = "/v1/forecast", "/point/daily", "/metar"


def test_first_valid_answer_wins(fake_weather_server: FakeWeatherServer, chain_for) -> None:  # type: ignore[no-untyped-def]
    fake_weather_server.serve_fixture(OM, "openmeteo_forecast_daily_dubai.json")
    fake_weather_server.serve_fixture(MO, "metoffice_datahub_daily_dubai.json")
    result = chain_for("open-meteo", "met-office").run(DUBAI)
    assert result.ok
    assert result.report is not None
    assert (result.report.provider, result.report.date) == ("open-meteo", TODAY)
    assert result.failures == []
    assert fake_weather_server.hits(MO) == 0


def test_degraded_fixture_falls_through_to_next_provider(
    fake_weather_server: FakeWeatherServer,
    chain_for,  # type: ignore[no-untyped-def]
) -> None:
    fake_weather_server.serve_fixture(OM, "openmeteo_forecast_daily_dubai_degraded.json")
    fake_weather_server.serve_fixture(MO, "metoffice_datahub_daily_dubai.json")
    result = chain_for("open-meteo", "met-office").run(DUBAI)
    assert result.report is not None
    assert result.report.provider == "met-office"
    assert result.report.max_c == 36.2
    assert [(f.provider, f.error) for f in result.failures] == [
        ("open-meteo", "ProviderResponseInvalid")
    ]


def test_error_400_falls_through(fake_weather_server: FakeWeatherServer, chain_for) -> None:  # type: ignore[no-untyped-def]
    fake_weather_server.serve_fixture(OM, "openmeteo_error_400.json", status=400)
    fake_weather_server.serve_fixture(MO, "metoffice_datahub_daily_dubai.json")
    result = chain_for("open-meteo", "met-office").run(DUBAI)
    assert result.report is not None
    assert result.report.provider == "met-office"
    assert result.failures[0].error == "ProviderMisconfigured"


def test_all_failed(fake_weather_server: FakeWeatherServer, chain_for) -> None:  # type: ignore[no-untyped-def]
    fake_weather_server.serve(OM, "down", status=503)
    fake_weather_server.serve(MO, "<html>login</html>", content_type="text/html")
    fake_weather_server.serve(METAR, "[]")
    result = chain_for("open-meteo", "met-office", "metar").run(DUBAI)
    assert not result.ok
    assert result.report is None
    assert [(f.provider, f.error) for f in result.failures] == [
        ("open-meteo", "ProviderUnavailable"),
        ("met-office", "ProviderResponseInvalid"),
        ("metar", "ProviderResponseInvalid"),
    ]


def test_metar_is_the_last_resort(fake_weather_server: FakeWeatherServer, chain_for) -> None:  # type: ignore[no-untyped-def]
    fake_weather_server.serve(OM, "down", status=500)
    fake_weather_server.serve_fixture(METAR, "aviationweather_metar_omdb.json")
    result = chain_for("open-meteo", "metar").run(DUBAI)
    assert result.report is not None
    assert result.report.is_observation
    assert (result.report.condition, result.report.max_c) == (Condition.MAINLY_CLEAR, 36.0)


def test_metar_dust_turns_a_sunny_forecast_dusty(
    fake_weather_server: FakeWeatherServer,
    chain_for,  # type: ignore[no-untyped-def]
) -> None:
    fake_weather_server.serve_fixture(OM, "openmeteo_forecast_daily_dubai.json")
    fake_weather_server.serve_fixture(METAR, "metar_omdb_raw.txt")
    at_1530z = datetime(2023, 9, 22, 15, 30, tzinfo=UTC)
    result = chain_for("open-meteo", "metar", now=at_1530z, metar={"format": "raw"}).run(DUBAI)
    report = result.report
    assert report is not None
    assert (report.condition, report.max_c, report.provider) == (
        Condition.DUST, 36.4, "open-meteo",
    )  # fmt: skip
    assert (report.code, report.observed_code) == ("0", "BLSA DU")


def test_metar_haze_json(fake_weather_server: FakeWeatherServer, chain_for) -> None:  # type: ignore[no-untyped-def]
    from tests.support.fake_weather_server import fixture_text

    body = fixture_text("aviationweather_metar_omdb.json").replace("9999 FEW040", "4000 HZ")
    fake_weather_server.serve_fixture(MO, "metoffice_datahub_daily_dubai.json")
    fake_weather_server.serve(METAR, body)
    result = chain_for("met-office", "metar").run(DUBAI)
    assert result.report is not None
    assert result.report.condition is Condition.HAZE


def test_clear_metar_leaves_forecast_alone(
    fake_weather_server: FakeWeatherServer,
    chain_for,  # type: ignore[no-untyped-def]
) -> None:
    fake_weather_server.serve_fixture(OM, "openmeteo_forecast_daily_dubai.json")
    fake_weather_server.serve_fixture(METAR, "aviationweather_metar_omdb.json")
    result = chain_for("open-meteo", "metar").run(DUBAI)
    assert result.report is not None
    assert result.report.condition is Condition.CLEAR
    assert result.report.observed_code is None


def test_rain_forecast_is_not_overridden_by_dust(
    fake_weather_server: FakeWeatherServer,
    chain_for,  # type: ignore[no-untyped-def]
) -> None:
    from tests.support.fake_weather_server import fixture_text

    fake_weather_server.serve(
        OM, fixture_text("openmeteo_forecast_daily_dubai.json").replace("   0,\n", "   61,\n")
    )
    fake_weather_server.serve_fixture(METAR, "metar_omdb_raw.txt")
    at_1530z = datetime(2023, 9, 22, 15, 30, tzinfo=UTC)
    result = chain_for("open-meteo", "metar", now=at_1530z, metar={"format": "raw"}).run(DUBAI)
    assert result.report is not None
    assert result.report.condition is Condition.RAIN
    assert fake_weather_server.hits(METAR) == 0


def test_failed_metar_refinement_is_logged_not_fatal(
    fake_weather_server: FakeWeatherServer,
    chain_for,  # type: ignore[no-untyped-def]
) -> None:
    fake_weather_server.serve_fixture(OM, "openmeteo_forecast_daily_dubai.json")
    fake_weather_server.serve(METAR, "boom", status=502)
    result = chain_for("open-meteo", "metar").run(DUBAI)
    assert result.report is not None
    assert result.report.condition is Condition.CLEAR
    assert [(f.provider, f.error) for f in result.failures] == [("metar", "ProviderUnavailable")]


def test_place_without_station_skips_metar(
    fake_weather_server: FakeWeatherServer,
    chain_for,  # type: ignore[no-untyped-def]
) -> None:
    fake_weather_server.serve_fixture(OM, "openmeteo_forecast_daily_dubai.json")
    ajman = PLACES_BY_SLUG["ajman"]
    result = chain_for("open-meteo", "metar").run(ajman)
    # Ajman's query still answers with the Dubai fixture, in the same zone
    assert result.report is not None
    assert result.report.place == "ajman"
    assert result.failures == []
    assert fake_weather_server.hits(METAR) == 0


def test_empty_chain() -> None:
    assert WeatherChain([]).run(DUBAI).report is None
