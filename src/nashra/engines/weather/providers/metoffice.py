"""Met Office Weather DataHub, site-specific daily forecast.

Needs an ``apikey`` header. The first ``timeSeries`` row is yesterday and carries night
fields only, so the row is picked by date, never by position.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from ...places import Place
from ..codes import met_office_condition
from ..errors import ProviderResponseInvalid, ReportRejected
from ..report import Report
from .base import Provider, number, optional_number


class MetOfficeProvider(Provider):
    """``GET {base_url}/point/daily?latitude=..&longitude=..`` with header ``apikey``."""

    id: ClassVar[str] = "met-office"
    name: ClassVar[str] = "Met Office"
    default_base_url: ClassVar[str] = "https://data.hub.api.metoffice.gov.uk/sitespecific/v0"
    requires_api_key: ClassVar[bool] = True

    def request(self, place: Place) -> tuple[str, dict[str, Any], dict[str, str]]:
        params = {
            "latitude": place.latitude,
            "longitude": place.longitude,
            "includeLocationName": "true",
        }
        return f"{self.base_url}/point/daily", params, {"apikey": self.api_key or ""}

    def parse(self, body: Any, place: Place, today: date, now: datetime) -> Report:
        try:
            series = body["features"][0]["properties"]["timeSeries"]
        except (KeyError, IndexError, TypeError):
            raise ProviderResponseInvalid(
                f"{self.id}: missing features[0].properties.timeSeries"
            ) from None
        if not isinstance(series, list):
            raise ProviderResponseInvalid(f"{self.id}: timeSeries is not a list")
        # A row's "time" is UTC midnight of the day it describes ("2023-09-22T00:00Z"):
        # its date part *is* the local date, whatever the place's offset.
        row = next(
            (r for r in series if isinstance(r, dict) and str(r.get("time", ""))[:10]
             == today.isoformat()),
            None,
        )  # fmt: skip
        if row is None:
            raise ReportRejected(f"{self.id}: no daily row for {today.isoformat()}")
        if "daySignificantWeatherCode" not in row:
            raise ProviderResponseInvalid(
                f"{self.id}: row {today.isoformat()} has no daySignificantWeatherCode"
            )
        code = row["daySignificantWeatherCode"]
        if code is None:
            raise ProviderResponseInvalid(f"{self.id}: daySignificantWeatherCode is null")
        return Report(
            place=place.slug,
            date=today,
            condition=met_office_condition(code),
            code=str(code),
            max_c=number(row.get("dayMaxScreenTemperature"), "dayMaxScreenTemperature", self.id),
            min_c=optional_number(
                row.get("nightMinScreenTemperature"), "nightMinScreenTemperature", self.id
            ),
            provider=self.id,
            fetched_at=now,
        )
