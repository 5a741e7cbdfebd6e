"""The header's weather line in Chromium, in each of its three states.

Screenshots go to test-artifacts/.

The server runs on real time, so records are written relative to now, into the server's own
database through `site_server.django`.
"""

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

WRITE = """
from datetime import timedelta
from django.utils import timezone
from nashra.kernel.clock import dubai_today
from nashra.weather.models import WeatherRecord
WeatherRecord.objects.filter(place="dubai").delete()
age = {age!r}
if age is not None:
    WeatherRecord.objects.create(
        place="dubai", date=dubai_today(), condition="clear", max_c=36.4, min_c=29.8,
        provider="open-meteo", provider_code="0",
        fetched_at=timezone.now() - timedelta(minutes=age),
    )
fetched = timezone.now() - timedelta(minutes=age or 0)
local = fetched.astimezone(timezone.get_default_timezone())
print(f"{{dubai_today():%-d %B %Y}}|{{local:%H:%M}}")
"""


def set_record(site_server, age_minutes):
    today, fetched = site_server.django(WRITE.format(age=age_minutes)).strip().split("|")
    return today, fetched


def weather_line(page):
    return " ".join(page.locator(".masthead__weather .weather").inner_text().split())


def test_header_weather_ok(site_server, page):
    today, _ = set_record(site_server, 5)
    page.goto(site_server.url + "/")
    assert weather_line(page) == f"{today} Sunny Max: 36 °C"
    assert page.locator(".masthead__weather svg").is_visible()
    assert page.get_by_role("link", name="Weather data by Open-Meteo.com").is_visible()
    screenshot(page, "weather-header-ok", full_page=False)


def test_header_weather_stale(site_server, page):
    today, fetched = set_record(site_server, 120)
    page.goto(site_server.url + "/")
    assert weather_line(page) == f"{today} Sunny Max: 36 °C Updated {fetched}"
    screenshot(page, "weather-header-stale", full_page=False)


def test_header_weather_unavailable(site_server, page):
    today, _ = set_record(site_server, 8 * 60)
    page.goto(site_server.url + "/")
    assert weather_line(page) == f"{today} Weather unavailable"
    screenshot(page, "weather-header-unavailable", full_page=False)
    set_record(site_server, None)  # no record at all: still today's date, still unavailable
    page.goto(site_server.url + "/")
    assert weather_line(page) == f"{today} Weather unavailable"
