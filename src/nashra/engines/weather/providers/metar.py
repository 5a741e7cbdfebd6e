"""Current METAR observation from aviationweather.gov (no key needed).

The only source of dust, sand and haze: forecasts never say "dust", the airport does.
``format`` is ``"json"`` (the AWC Data API records; ``rawOb`` is parsed) or ``"raw"``
(one METAR per line). The newest report for the station, not older than
``max_age_minutes``, is the observation.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from ...places import Place
from ..errors import ProviderMisconfigured, ProviderResponseInvalid, ReportRejected
from ..metar import Metar, parse_metar
from ..report import Report
from .base import Provider, number

FORMATS = ("json", "raw")


class MetarProvider(Provider):
    """``GET {base_url}/metar?ids=STATION&format=json|raw``."""

    id: ClassVar[str] = "metar"
    name: ClassVar[str] = "METAR (aviationweather.gov)"
    default_base_url: ClassVar[str] = "https://aviationweather.gov/api/data"
    is_observation: ClassVar[bool] = True
    extra_settings: ClassVar[frozenset[str]] = frozenset({"format", "max_age_minutes"})

    def __init__(
        self, *, format: str = "json", max_age_minutes: float = 180, **kwargs: Any
    ) -> None:
        if format not in FORMATS:
            raise ProviderMisconfigured(f"{self.id}: format must be one of {FORMATS}")
        super().__init__(**kwargs)
        self.format = format
        self.max_age = timedelta(minutes=max_age_minutes)
        self.raw_body = format == "raw"

    @classmethod
    def check_config(cls, settings: Any) -> list[str]:
        problems = super().check_config(settings)
        if settings.get("format", "json") not in FORMATS:
            problems.append(f"format must be one of {FORMATS}, got {settings.get('format')!r}")
        return problems

    def supports(self, place: Place) -> bool:
        """Only places with a METAR station can be observed."""
        return bool(place.metar_station)

    def request(self, place: Place) -> tuple[str, dict[str, Any], dict[str, str]]:
        if not place.metar_station:
            raise ProviderMisconfigured(f"{self.id}: place {place.slug!r} has no METAR station")
        params = {"ids": place.metar_station, "format": self.format}
        return f"{self.base_url}/metar", params, {}

    def fetch(self, place: Place, now: datetime) -> Report:
        if not place.metar_station:
            raise ProviderMisconfigured(f"{self.id}: place {place.slug!r} has no METAR station")
        return super().fetch(place, now)

    def parse(self, body: Any, place: Place, today: date, now: datetime) -> Report:
        station = (place.metar_station or "").upper()
        metars = (
            self._raw(body, station, now)
            if self.format == "raw"
            else self._json(body, station, now)
        )
        metars = [m for m in metars if m.observed_at is not None]
        if not metars:
            raise ProviderResponseInvalid(f"{self.id}: no report for {station}")
        metar = max(metars, key=lambda m: m.observed_at or now)
        assert metar.observed_at is not None
        age = now - metar.observed_at
        if age > self.max_age or age < -timedelta(hours=1):
            raise ReportRejected(
                f"{self.id}: {station} observation at {metar.observed_at:%Y-%m-%d %H:%MZ} "
                f"is not current"
            )
        if metar.temperature_c is None:
            raise ProviderResponseInvalid(f"{self.id}: {station} report has no temperature")
        return Report(
            place=place.slug,
            date=metar.observed_at.astimezone(ZoneInfo(place.tz)).date(),
            condition=metar.condition,
            code=metar.weather_code,
            max_c=metar.temperature_c,
            min_c=None,
            provider=self.id,
            fetched_at=now,
            is_observation=True,
        )

    def _raw(self, body: str, station: str, now: datetime) -> list[Metar]:
        metars = [parse_metar(line, now) for line in body.splitlines() if line.strip()]
        return [m for m in metars if m.station == station]

    def _json(self, body: Any, station: str, now: datetime) -> list[Metar]:
        if not isinstance(body, list):
            raise ProviderResponseInvalid(f"{self.id}: expected a JSON list of reports")
        metars = []
        for record in body:
            if not isinstance(record, dict) or str(record.get("icaoId", "")).upper() != station:
                continue
            raw = record.get("rawOb")
            if not isinstance(raw, str):
                raise ProviderResponseInvalid(f"{self.id}: report without rawOb")
            metar = parse_metar(raw, now)
            obs_time = record.get("obsTime")
            observed_at = (
                datetime.fromtimestamp(number(obs_time, "obsTime", self.id), UTC)
                if obs_time is not None
                else metar.observed_at
            )
            temperature = number(record.get("temp"), "temp", self.id)
            metars.append(
                Metar(metar.raw, metar.station, observed_at, temperature, metar.groups,
                      metar.cover)
            )  # fmt: skip
        return metars
