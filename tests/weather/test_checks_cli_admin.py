"""System-check warnings, `nashra weather refresh` and the admin listings."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from nashra.cli import main
from nashra.weather.checks import check_weather_place, check_weather_providers
from nashra.weather.config import chain_config
from nashra.weather.models import FailedFetch, ProviderStatus, WeatherRecord
from tests.support.weather import NOW


def ids(messages):
    return [m.id for m in messages]


def test_default_settings_have_no_warnings(settings):
    settings.NASHRA_WEATHER_PROVIDERS = ["open-meteo", "metar"]
    assert check_weather_providers(None) == []
    assert check_weather_place(None) == []


def test_malformed_url_warns_and_is_skipped(settings):
    settings.NASHRA_WEATHER_PROVIDERS = ["open-meteo", "metar"]
    settings.NASHRA_OPEN_METEO_URL = "api.open-meteo.com"
    warnings = check_weather_providers(None)
    assert ids(warnings) == ["nashra.W102"]
    assert "malformed URL" in warnings[0].msg
    assert chain_config()[0] == ["metar"]


def test_missing_key_warns(settings):
    settings.NASHRA_WEATHER_PROVIDERS = ["met-office", "open-meteo"]
    settings.NASHRA_MET_OFFICE_API_KEY = ""
    warnings = check_weather_providers(None)
    assert ids(warnings) == ["nashra.W102"]
    assert "API key" in warnings[0].msg


def test_unknown_provider_warns(settings):
    settings.NASHRA_WEATHER_PROVIDERS = ["open-meteo", "accuweather"]
    warnings = check_weather_providers(None)
    assert ids(warnings) == ["nashra.W101"]
    assert "accuweather" in warnings[0].msg


def test_no_usable_provider_warns(settings):
    settings.NASHRA_WEATHER_PROVIDERS = ["accuweather"]
    assert ids(check_weather_providers(None)) == ["nashra.W101", "nashra.W103"]


def test_unknown_place_warns(settings):
    settings.NASHRA_WEATHER_PLACE = "atlantis"
    assert ids(check_weather_place(None)) == ["nashra.W104"]


def test_misconfigured_site_still_serves(client, db, settings):
    settings.NASHRA_WEATHER_PROVIDERS = ["accuweather"]
    settings.NASHRA_WEATHER_PLACE = "atlantis"
    from nashra.weather.refresh import refresh_weather

    assert not any(o.ok for o in refresh_weather())
    response = client.get("/")
    assert response.status_code == 200
    assert "Weather unavailable" in response.content.decode()


def test_refresh_command_prints_one_line_per_place(
    db, weather_settings, fake_weather_server, capsys
):
    fake_weather_server.serve_fixture("/v1/forecast", "openmeteo_forecast_daily_dubai.json")
    fake_weather_server.serve_fixture("/metar", "aviationweather_metar_omdb.json")
    with time_machine.travel(NOW, tick=False):
        assert main(["weather", "refresh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 8
    assert "dubai: clear, max 36.4 °C (open-meteo)" in lines


def test_refresh_command_when_everything_fails(db, weather_settings, fake_weather_server, capsys):
    weather_settings.NASHRA_WEATHER_PROVIDERS = ["open-meteo"]
    WeatherRecord.objects.create(
        place="dubai", date=NOW.date(), condition="clear", max_c=36, provider="open-meteo",
        fetched_at=NOW - timedelta(hours=1),
    )  # fmt: skip
    fake_weather_server.serve("/v1/forecast", "down", status=503, content_type="text/plain")
    with time_machine.travel(NOW, tick=False):
        assert main(["weather", "refresh"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "dubai: failed (open-meteo: ProviderUnavailable); kept record of 2023-09-22" in lines
    assert "sharjah: failed (open-meteo: ProviderUnavailable); no record kept" in lines


@pytest.mark.ignore_template_errors
def test_admin_listings_render(editor_client):
    ProviderStatus.objects.create(
        provider="open-meteo", consecutive_failures=3, last_error="ProviderUnavailable: HTTP 503"
    )
    FailedFetch.objects.create(
        provider="metar",
        place="dubai",
        error="ProviderResponseInvalid",
        message="truncated JSON",
        at=NOW,
    )
    for url_name, expected in (
        ("weather_providers", "HTTP 503"),
        ("weather_failed_fetches", "truncated JSON"),
        ("weather_records", "Records"),
    ):
        response = editor_client.get(reverse(f"{url_name}:index"))
        assert response.status_code == 200, url_name
        html = response.content.decode()
        assert expected in html
        # read-only: the job writes these rows, nobody adds them by hand
        assert reverse(f"{url_name}:add") not in html
        assert editor_client.get(reverse(f"{url_name}:add")).status_code in (302, 403)
