"""The provider chain: the first valid answer wins, every failure is kept for the logs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from ..places import Place
from .conditions import Condition
from .errors import WeatherError
from .metar import DUST_HAZE
from .providers.base import Provider
from .report import Report
from .validation import validate

# Forecast conditions a dust/haze observation may override: a "sunny" forecast on a dusty
# day is the classic Dubai mismatch. Rain or fog forecasts are left alone.
OVERRIDABLE = frozenset({Condition.CLEAR, Condition.MAINLY_CLEAR, Condition.PARTLY_CLOUDY})


def system_clock() -> datetime:
    """The real clock (aware, UTC). Only the default; tests inject their own."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class ProviderFailure:
    """Why one provider gave no usable answer: for logging, never for display."""

    provider: str
    error: str  # exception class name, e.g. "ProviderUnavailable"
    message: str


@dataclass(frozen=True)
class ChainResult:
    """The winning report (None when every provider failed) and all failures."""

    report: Report | None
    failures: list[ProviderFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when some provider gave a valid report."""
        return self.report is not None


class WeatherChain:
    """Ask providers in order; the first valid report wins.

    Observation providers (METAR) also refine the winner: if the winning forecast is
    clear / mainly clear / partly cloudy and the airport observes dust, sand or haze
    today, the condition becomes that (the forecast's temperatures are kept).
    """

    def __init__(
        self, providers: Sequence[Provider], clock: Callable[[], datetime] = system_clock
    ) -> None:
        self.providers = list(providers)
        self.clock = clock

    def run(self, place: Place) -> ChainResult:
        """Fetch, validate and combine today's weather for ``place``. Never raises WeatherError."""
        failures: list[ProviderFailure] = []
        winner: Report | None = None
        for provider in self.providers:
            if not provider.supports(place):
                continue
            report = self._attempt(provider, place, failures)
            if report is not None:
                winner = report
                break
        if winner is not None and not winner.is_observation:
            winner = self._refine(winner, place, failures)
        return ChainResult(winner, failures)

    def _attempt(
        self, provider: Provider, place: Place, failures: list[ProviderFailure]
    ) -> Report | None:
        now = self.clock()
        today = now.astimezone(ZoneInfo(place.tz)).date()
        try:
            return validate(provider.fetch(place, now), place, today)
        except WeatherError as exc:
            failures.append(ProviderFailure(provider.id, type(exc).__name__, str(exc)))
            return None

    def _refine(self, forecast: Report, place: Place, failures: list[ProviderFailure]) -> Report:
        if forecast.condition not in OVERRIDABLE:
            return forecast
        tried = {f.provider for f in failures}
        for provider in self.providers:
            if not provider.is_observation or not provider.supports(place):
                continue
            if provider.id in tried:  # already failed as a primary source this run
                continue
            observed = self._attempt(provider, place, failures)
            if observed is None:
                continue
            if observed.condition in DUST_HAZE:
                return replace(forecast, condition=observed.condition, observed_code=observed.code)
            return forecast
        return forecast
