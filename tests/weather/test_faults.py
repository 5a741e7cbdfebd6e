"""Fault injection through the job: one failure mode, one test.

Each starts from a good record fetched two hours earlier (09:30 UTC = 13:30 Dubai), then
the provider fails at 11:30 UTC: the record is kept, the widget shows the right state and
the home page leaks nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from nashra.engines.weather import PLACES_BY_SLUG
from nashra.weather.models import FailedFetch, WeatherRecord
from nashra.weather.refresh import refresh_weather
from tests.support.fake_weather_server import closed_port_url, fixture_text
from tests.support.weather import NOW, TODAY, assert_no_leak, weather_fragment

OM = "/v1/forecast"
GOOD = fixture_text("openmeteo_forecast_daily_dubai.json")
DUBAI = PLACES_BY_SLUG["dubai"]
EARLIER = NOW - timedelta(hours=2)


@pytest.fixture
def good_record(db, weather_settings, fake_weather_server):
    weather_settings.NASHRA_WEATHER_PROVIDERS = ["open-meteo"]
    fake_weather_server.serve(OM, GOOD)
    with time_machine.travel(EARLIER, tick=False):
        refresh_weather([DUBAI])
    return WeatherRecord.objects.get(place="dubai")


def fail_then_render(client, now=NOW):
    with time_machine.travel(now, tick=False):
        outcomes = refresh_weather([DUBAI])
        html = client.get("/").content.decode()
    return outcomes[0], html


def assert_kept_and_stale(good_record, outcome, html, error):
    assert not outcome.ok
    assert outcome.kept == good_record
    assert WeatherRecord.objects.get(place="dubai").fetched_at == EARLIER  # untouched
    assert FailedFetch.objects.filter(error=error, place="dubai").exists()
    fragment = weather_fragment(html)
    assert 'data-weather-state="stale"' in fragment
    assert "22 September 2023" in fragment
    assert "Sunny" in fragment
    assert "Max: 36 °C" in fragment
    assert "Updated 13:30" in fragment
    assert_no_leak(html)


def test_timeout(good_record, fake_weather_server, client):
    fake_weather_server.serve(OM, GOOD, delay=2.0)
    outcome, html = fail_then_render(client)
    assert "timed out" in outcome.failures[0].message
    assert_kept_and_stale(good_record, outcome, html, "ProviderUnavailable")


def test_connection_refused(good_record, weather_settings, client):
    weather_settings.NASHRA_OPEN_METEO_URL = closed_port_url()
    outcome, html = fail_then_render(client)
    assert_kept_and_stale(good_record, outcome, html, "ProviderUnavailable")


def test_429(good_record, fake_weather_server, client):
    fake_weather_server.serve(OM, '{"error": true, "reason": "Too many"}', status=429)
    outcome, html = fail_then_render(client)
    assert "HTTP 429" in outcome.failures[0].message
    assert_kept_and_stale(good_record, outcome, html, "ProviderUnavailable")


def test_500(good_record, fake_weather_server, client):
    fake_weather_server.serve(OM, "Internal Server Error", status=500, content_type="text/plain")
    outcome, html = fail_then_render(client)
    assert_kept_and_stale(good_record, outcome, html, "ProviderUnavailable")


def test_html_instead_of_json(good_record, fake_weather_server, client):
    fake_weather_server.serve(
        OM, "<!DOCTYPE html><html><body>Maintenance</body></html>", content_type="text/html"
    )
    outcome, html = fail_then_render(client)
    assert "Maintenance" not in html
    assert_kept_and_stale(good_record, outcome, html, "ProviderResponseInvalid")


def test_truncated_json(good_record, fake_weather_server, client):
    fake_weather_server.serve(OM, GOOD[: len(GOOD) // 2])
    outcome, html = fail_then_render(client)
    assert_kept_and_stale(good_record, outcome, html, "ProviderResponseInvalid")


def test_null_values(good_record, fake_weather_server, client):
    fake_weather_server.serve_fixture(OM, "openmeteo_forecast_daily_dubai_degraded.json")
    outcome, html = fail_then_render(client)
    assert_kept_and_stale(good_record, outcome, html, "ProviderResponseInvalid")


def test_temperature_900(good_record, fake_weather_server, client):
    fake_weather_server.serve(OM, GOOD.replace("36.4", "900"))
    outcome, html = fail_then_render(client)
    assert "900" not in weather_fragment(html)
    assert_kept_and_stale(good_record, outcome, html, "ReportRejected")


def test_unknown_code_replaces_the_record_and_shows_no_condition(
    good_record, fake_weather_server, client
):
    fake_weather_server.serve(OM, GOOD.replace("   0,\n", "   42,\n"))
    outcome, html = fail_then_render(client)
    assert outcome.ok
    record = WeatherRecord.objects.get(place="dubai")
    assert (record.condition, record.provider_code, record.fetched_at) == ("unknown", "42", NOW)
    fragment = weather_fragment(html)
    assert 'data-weather-state="ok"' in fragment
    assert "Max: 36 °C" in fragment
    assert (
        "weather__condition" not in fragment
        and "42" not in fragment
        and "unknown" not in fragment.lower()
    )
    assert_no_leak(html)


def test_wrong_date(good_record, fake_weather_server, client):
    # four days later the provider still answers for 22 Sep: rejected, and the kept
    # record is not today's, so the widget is unavailable and shows the record's date
    fake_weather_server.serve(OM, GOOD)
    later = datetime(2023, 9, 26, 8, tzinfo=UTC)
    outcome, html = fail_then_render(client, later)
    assert not outcome.ok
    assert outcome.failures[0].error == "ReportRejected"
    assert WeatherRecord.objects.get(place="dubai").date == TODAY
    fragment = weather_fragment(html)
    assert 'data-weather-state="unavailable"' in fragment
    assert "22 September 2023" in fragment
    assert "Weather unavailable" in fragment
    assert "Max" not in fragment
    assert "Sunny" not in fragment
    assert_no_leak(html)


def test_no_record_at_all_is_unavailable_with_todays_date(
    db, weather_settings, fake_weather_server, client
):
    fake_weather_server.serve(OM, "oops", status=500)
    with time_machine.travel(NOW, tick=False):
        refresh_weather([DUBAI])
        html = client.get("/").content.decode()
    fragment = weather_fragment(html)
    assert 'data-weather-state="unavailable"' in fragment
    assert "22 September 2023" in fragment
    assert_no_leak(html)
