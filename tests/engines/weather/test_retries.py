"""Retry counting through the one HTTP seam, with httpx.MockTransport (no sockets)."""

from __future__ import annotations

import httpx
import pytest
from tests.support.fake_weather_server import fixture_text
from tests.support.weather import DUBAI, NOW

from nashra.engines.weather import (
    ProviderMisconfigured,
    ProviderUnavailable,
    build_provider,
)


def counting(status: int, calls: list[httpx.Request], body: str = "{}") -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(status, text=body)

    return httpx.MockTransport(handler)


def fetch_with(transport: httpx.MockTransport, retries: int = 2) -> None:
    sleeps: list[float] = []
    provider = build_provider(
        "open-meteo", {"retries": retries, "backoff": 0.25}, transport=transport,
        sleep=sleeps.append,
    )  # fmt: skip
    try:
        provider.fetch(DUBAI, NOW)
    finally:
        assert sleeps == [0.25 * 2**i for i in range(len(sleeps))]


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_transient_errors_are_retried_a_bounded_number_of_times(status: int) -> None:
    calls: list[httpx.Request] = []
    with pytest.raises(ProviderUnavailable):
        fetch_with(counting(status, calls), retries=2)
    assert len(calls) == 3


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_permanent_errors_are_not_retried(status: int) -> None:
    calls: list[httpx.Request] = []
    with pytest.raises(ProviderMisconfigured):
        fetch_with(counting(status, calls), retries=2)
    assert len(calls) == 1


def test_timeouts_are_retried() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(ProviderUnavailable, match="timed out"):
        fetch_with(httpx.MockTransport(handler), retries=1)
    assert len(calls) == 2


def test_success_after_a_failure() -> None:
    statuses = iter([503, 200])
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(
            next(statuses), text=fixture_text("openmeteo_forecast_daily_dubai.json")
        )

    provider = build_provider(
        "open-meteo", {"backoff": 0}, transport=httpx.MockTransport(handler), sleep=lambda s: None
    )
    assert provider.fetch(DUBAI, NOW).max_c == 36.4
    assert len(calls) == 2
    assert calls[0].url.host == "api.open-meteo.com"  # default base URL, never contacted
    assert calls[0].headers["user-agent"].startswith("Nashra")
