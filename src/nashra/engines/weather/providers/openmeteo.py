"""Open-Meteo daily forecast (https://open-meteo.com/en/docs).

The free API is for non-commercial use; a site with ads needs a paid plan (pass
``api_key`` and the customer base URL) or a self-hosted instance (pass ``base_url``).
Data are CC BY 4.0: show :data:`ATTRIBUTION` next to them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from ...places import Place
from ..codes import wmo_condition
from ..errors import ProviderResponseInvalid, ReportRejected
from ..report import Report
from .base import Attribution, Provider, number, optional_number

ATTRIBUTION = Attribution(
    text="Weather data by Open-Meteo.com",
    url="https://open-meteo.com/",
    licence="CC BY 4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
)


class OpenMeteoProvider(Provider):
    """``GET {base_url}/v1/forecast`` with daily code, max and min for the place's zone."""

    id: ClassVar[str] = "open-meteo"
    name: ClassVar[str] = "Open-Meteo"
    default_base_url: ClassVar[str] = "https://api.open-meteo.com"
    attribution: ClassVar[Attribution | None] = ATTRIBUTION

    def request(self, place: Place) -> tuple[str, dict[str, Any], dict[str, str]]:
        params: dict[str, Any] = {
            "latitude": place.latitude,
            "longitude": place.longitude,
            "daily": "weather_code,temperature_2m_max,temperature_2m_min",
            "timezone": place.tz,
            "forecast_days": 3,
            # the place's own elevation, the one its prayer times use, not the model's
            "elevation": place.elevation_m,
        }
        if self.api_key:
            params["apikey"] = self.api_key
        return f"{self.base_url}/v1/forecast", params, {}

    def parse(self, body: Any, place: Place, today: date, now: datetime) -> Report:
        if not isinstance(body, dict):
            raise ProviderResponseInvalid(f"{self.id}: expected a JSON object")
        if body.get("error"):
            raise ProviderResponseInvalid(f"{self.id}: {body.get('reason', 'error')}")
        daily = body.get("daily")
        if not isinstance(daily, dict):
            raise ProviderResponseInvalid(f"{self.id}: missing 'daily'")
        columns = {}
        for key in ("time", "weather_code", "temperature_2m_max", "temperature_2m_min"):
            column = daily.get(key)
            if not isinstance(column, list):
                raise ProviderResponseInvalid(f"{self.id}: missing daily.{key}")
            columns[key] = column
        days = columns["time"]
        if any(len(c) != len(days) for c in columns.values()):
            raise ProviderResponseInvalid(f"{self.id}: daily columns differ in length")
        try:
            i = days.index(today.isoformat())
        except ValueError:
            raise ReportRejected(
                f"{self.id}: no forecast for {today.isoformat()} in {place.tz} "
                f"(got {', '.join(map(str, days[:3])) or 'none'})"
            ) from None
        code = columns["weather_code"][i]
        if code is None:
            raise ProviderResponseInvalid(f"{self.id}: weather_code for {days[i]} is null")
        zone = body.get("timezone")
        if not isinstance(zone, str) or not zone:
            raise ProviderResponseInvalid(f"{self.id}: missing 'timezone'")
        return Report(
            place=place.slug,
            date=today,
            condition=wmo_condition(code),
            code=str(code),
            max_c=number(columns["temperature_2m_max"][i], "temperature_2m_max", self.id),
            min_c=optional_number(columns["temperature_2m_min"][i], "temperature_2m_min", self.id),
            provider=self.id,
            fetched_at=now,
            zone=zone,
        )
