"""The one action that writes weather: run the chain for every place and store the results.

A failed fetch deletes nothing: the last good record stays, and the widget decides from
its age whether it is still worth showing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import httpx
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from nashra.engines.weather import (
    ChainResult,
    Place,
    ProviderFailure,
    Report,
    WeatherChain,
    build_chain,
)
from nashra.weather.config import chain_config, places
from nashra.weather.models import FailedFetch, ProviderStatus, WeatherRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlaceOutcome:
    """What one place's refresh did (for the CLI line and the tests)."""

    place: str
    report: Report | None
    failures: list[ProviderFailure] = field(default_factory=list)
    kept: WeatherRecord | None = None  # the last good record, when every provider failed

    @property
    def ok(self) -> bool:
        return self.report is not None


def refresh_weather(
    place_list: Sequence[Place] | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
    clock: Callable[[], datetime] = timezone.now,
) -> list[PlaceOutcome]:
    """Fetch and store today's weather for each place; never raises for a provider failure."""
    ids, provider_settings, problems = chain_config()
    for problem in problems:
        log.warning("weather provider skipped: %s", problem.message)
    chain = build_chain(ids, provider_settings, transport=transport, clock=clock) if ids else None
    return [_refresh_place(chain, place, clock) for place in (place_list or places())]


def _refresh_place(
    chain: WeatherChain | None, place: Place, clock: Callable[[], datetime]
) -> PlaceOutcome:
    result = chain.run(place) if chain else ChainResult(None, [])
    now = clock()
    with transaction.atomic():
        for failure in result.failures:
            _record_failure(failure, place, now)
        if result.report is not None:
            _store(result.report)
            _record_success(result.report.provider, now)
    if result.report is None:
        log.warning("weather for %s: every provider failed; keeping the last record", place.slug)
        kept = WeatherRecord.objects.filter(place=place.slug).order_by("-date").first()
        return PlaceOutcome(place.slug, None, result.failures, kept)
    return PlaceOutcome(place.slug, result.report, result.failures)


def _store(report: Report) -> None:
    WeatherRecord.objects.update_or_create(
        place=report.place,
        date=report.date,
        defaults={
            "condition": report.condition.value,
            "max_c": report.max_c,
            "min_c": report.min_c,
            "provider": report.provider,
            "provider_code": report.code[:100],
            "observed_code": (report.observed_code or "")[:100],
            "is_observation": report.is_observation,
            "fetched_at": report.fetched_at,
        },
    )


def _record_success(provider: str, now: datetime) -> None:
    status, _ = ProviderStatus.objects.get_or_create(provider=provider)
    status.last_success_at = now
    status.consecutive_failures = 0
    status.save(update_fields=["last_success_at", "consecutive_failures"])


def _record_failure(failure: ProviderFailure, place: Place, now: datetime) -> None:
    log.info(
        "weather %s for %s failed: %s: %s",
        failure.provider,
        place.slug,
        failure.error,
        failure.message,
    )
    FailedFetch.objects.create(
        provider=failure.provider,
        place=place.slug,
        error=failure.error[:60],
        message=failure.message,
        at=now,
    )
    ProviderStatus.objects.get_or_create(provider=failure.provider)
    ProviderStatus.objects.filter(provider=failure.provider).update(
        last_error_at=now,
        last_error=f"{failure.error}: {failure.message}",
        consecutive_failures=F("consecutive_failures") + 1,
    )
