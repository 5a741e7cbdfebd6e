"""The refresh job against the real local HTTP server: every fixture gives the stored record."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nashra.weather.models import FailedFetch, ProviderStatus, WeatherRecord
from nashra.weather.refresh import refresh_weather
from nashra.weather.tasks import refresh_schedule, refresh_weather_task
from tests.support.weather import NOW, TODAY

OM = "/v1/forecast"

REPLAYS = [
    # (chain, route, fixture, extra settings, now, condition, max, min, provider)
    (["open-meteo"], OM, "openmeteo_forecast_daily_dubai.json", {}, NOW, "clear", 36.4, 29.8, "open-meteo"),  # noqa: E501
    (["met-office"], "/point/daily", "metoffice_datahub_daily_dubai.json", {}, NOW, "clear", 36.2, 29.9, "met-office"),  # noqa: E501
    (["metar"], "/metar", "aviationweather_metar_omdb.json", {}, NOW, "mainly-clear", 36.0, None, "metar"),  # noqa: E501
    (["metar"], "/metar", "metar_omdb_raw.txt", {"NASHRA_METAR_FORMAT": "raw"},
     datetime(2023, 9, 22, 15, 30, tzinfo=UTC), "dust", 37.0, None, "metar"),
]  # fmt: skip


@pytest.mark.parametrize(
    "chain,route,fixture,extra,now,condition,max_c,min_c,provider",
    REPLAYS,
    ids=[r[2] for r in REPLAYS],
)
def test_every_fixture_is_stored_through_the_job(
    db,
    weather_settings,
    fake_weather_server,
    chain,
    route,
    fixture,
    extra,
    now,
    condition,
    max_c,
    min_c,
    provider,
):
    import time_machine

    weather_settings.NASHRA_WEATHER_PROVIDERS = chain
    for key, value in extra.items():
        setattr(weather_settings, key, value)
    fake_weather_server.serve_fixture(route, fixture)
    from nashra.engines.weather import PLACES_BY_SLUG

    with time_machine.travel(now, tick=False):
        outcomes = refresh_weather([PLACES_BY_SLUG["dubai"]])
    assert outcomes[0].ok
    record = WeatherRecord.objects.get(place="dubai", date=TODAY)
    assert (record.condition, record.max_c, record.min_c, record.provider) == (
        condition,
        max_c,
        min_c,
        provider,
    )
    assert record.fetched_at == now
    assert ProviderStatus.objects.get(provider=provider).consecutive_failures == 0


def test_open_meteo_forecast_refined_by_metar_dust(db, weather_settings, fake_weather_server):
    import time_machine

    from nashra.engines.weather import PLACES_BY_SLUG

    weather_settings.NASHRA_METAR_FORMAT = "raw"
    fake_weather_server.serve_fixture(OM, "openmeteo_forecast_daily_dubai.json")
    fake_weather_server.serve_fixture("/metar", "metar_omdb_raw.txt")
    with time_machine.travel(datetime(2023, 9, 22, 15, 30, tzinfo=UTC), tick=False):
        refresh_weather([PLACES_BY_SLUG["dubai"]])
    record = WeatherRecord.objects.get(place="dubai")
    assert (record.condition, record.max_c, record.provider) == ("dust", 36.4, "open-meteo")
    assert record.observed_code == "BLSA DU"


def test_job_refreshes_every_place(db, weather_settings, fake_weather_server, at_now):
    fake_weather_server.serve_fixture(OM, "openmeteo_forecast_daily_dubai.json")
    fake_weather_server.serve_fixture("/metar", "aviationweather_metar_omdb.json")
    assert refresh_weather_task.call_local() == 8
    assert WeatherRecord.objects.filter(date=TODAY).count() == 8


def test_refresh_updates_todays_record_instead_of_adding(
    db, weather_settings, fake_weather_server, at_now
):
    fake_weather_server.serve_fixture(OM, "openmeteo_forecast_daily_dubai.json")
    from nashra.engines.weather import PLACES_BY_SLUG

    refresh_weather([PLACES_BY_SLUG["dubai"]])
    fake_weather_server.serve(
        OM, fake_weather_server.routes[OM][0].body.decode().replace("36.4", "38.0")
    )
    refresh_weather([PLACES_BY_SLUG["dubai"]])
    assert list(WeatherRecord.objects.filter(place="dubai").values_list("max_c", flat=True)) == [
        38.0
    ]


def test_failures_are_logged_and_counted(db, weather_settings, fake_weather_server, at_now):
    from nashra.engines.weather import PLACES_BY_SLUG

    fake_weather_server.serve(OM, "oops", status=500, content_type="text/plain")
    fake_weather_server.serve("/metar", "oops", status=500, content_type="text/plain")
    refresh_weather([PLACES_BY_SLUG["dubai"]])
    refresh_weather([PLACES_BY_SLUG["dubai"]])
    status = ProviderStatus.objects.get(provider="open-meteo")
    assert status.consecutive_failures == 2
    assert "HTTP 500" in status.last_error
    assert status.last_error_at == NOW
    assert status.last_success_at is None
    assert (
        FailedFetch.objects.filter(
            provider="metar", place="dubai", error="ProviderUnavailable"
        ).count()
        == 2
    )


def test_schedule_follows_the_setting(settings):
    settings.NASHRA_WEATHER_REFRESH_MINUTES = 15
    assert refresh_schedule()(datetime(2023, 9, 22, 11, 45))
    assert not refresh_schedule()(datetime(2023, 9, 22, 11, 50))
    settings.NASHRA_WEATHER_REFRESH_MINUTES = 60
    assert refresh_schedule()(datetime(2023, 9, 22, 12, 0))
    assert not refresh_schedule()(datetime(2023, 9, 22, 12, 15))
