"""What every weather provider shares: settings, config checks and the fetch skeleton."""

from __future__ import annotations

import math
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Self
from zoneinfo import ZoneInfo

import httpx

from ...places import Place
from ..errors import ProviderMisconfigured, ProviderResponseInvalid
from ..http import (
    DEFAULT_BACKOFF,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    check_url,
    decode_json,
    get_response,
    make_client,
)
from ..report import Report

COMMON_SETTINGS = frozenset({"backend", "base_url", "api_key", "timeout", "retries", "backoff"})


@dataclass(frozen=True)
class Attribution:
    """Credit a provider's licence requires next to its data."""

    text: str
    url: str
    licence: str
    licence_url: str


class Provider(ABC):
    """A source of daily weather. Subclasses set the class attributes and two hooks."""

    id: ClassVar[str]
    name: ClassVar[str]
    default_base_url: ClassVar[str]
    requires_api_key: ClassVar[bool] = False
    is_observation: ClassVar[bool] = False
    attribution: ClassVar[Attribution | None] = None
    extra_settings: ClassVar[frozenset[str]] = frozenset()

    def __init__(
        self,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = DEFAULT_BACKOFF,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        settings = {"base_url": base_url, "api_key": api_key, "timeout": timeout,
                    "retries": retries, "backoff": backoff}  # fmt: skip
        problems = self.check_config(settings)
        if problems:
            raise ProviderMisconfigured(f"{self.id}: " + "; ".join(problems))
        self.base_url = (base_url or self.default_base_url).rstrip("/")
        self.api_key = api_key
        self.timeout = float(timeout)
        self.retries = int(retries)
        self.backoff = float(backoff)
        self.transport = transport
        self.sleep = sleep

    @classmethod
    def from_settings(
        cls,
        settings: Mapping[str, Any],
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Self:
        """Build from a plain settings dict (``base_url``, ``api_key``, ``timeout``, ...)."""
        problems = cls.check_config(settings)
        if problems:
            raise ProviderMisconfigured(f"{cls.id}: " + "; ".join(problems))
        kwargs = {k: v for k, v in settings.items() if k != "backend" and v is not None}
        return cls(**kwargs, transport=transport, sleep=sleep)

    @classmethod
    def check_config(cls, settings: Mapping[str, Any]) -> list[str]:
        """Human-readable problems with ``settings``; empty when they are usable."""
        problems = [
            f"unknown setting {key!r}"
            for key in settings
            if key not in COMMON_SETTINGS | cls.extra_settings
        ]
        base_url = settings.get("base_url")
        if base_url is not None and (msg := check_url(str(base_url))):
            problems.append(msg)
        if cls.requires_api_key and not str(settings.get("api_key") or "").strip():
            problems.append(f"{cls.name} needs an API key (setting 'api_key')")
        timeout = settings.get("timeout", DEFAULT_TIMEOUT)
        if not isinstance(timeout, int | float) or not 0 < timeout <= 120:
            problems.append(f"timeout must be a number of seconds in (0, 120], got {timeout!r}")
        retries = settings.get("retries", DEFAULT_RETRIES)
        if not isinstance(retries, int) or isinstance(retries, bool) or not 0 <= retries <= 5:
            problems.append(f"retries must be an integer in 0..5, got {retries!r}")
        backoff = settings.get("backoff", DEFAULT_BACKOFF)
        if not isinstance(backoff, int | float) or not 0 <= backoff <= 30:
            problems.append(f"backoff must be a number of seconds in 0..30, got {backoff!r}")
        return problems

    def supports(self, place: Place) -> bool:
        """Whether this provider can answer for ``place`` at all (the chain skips it if not)."""
        return True

    def fetch(self, place: Place, now: datetime) -> Report:
        """Fetch and normalise today's report for ``place``; raise a ``WeatherError``.

        ``now`` is an aware datetime (the caller's clock); today is ``now`` in the place's
        zone. The result is not yet validated: the chain does that.
        """
        today = now.astimezone(ZoneInfo(place.tz)).date()
        url, params, headers = self.request(place)
        with make_client(self.timeout, self.transport) as client:
            response = get_response(
                client, url, params=params, headers=headers, retries=self.retries,
                backoff=self.backoff, sleep=self.sleep, provider=self.id,
            )  # fmt: skip
            body = response.text if self.raw_body else decode_json(response, self.id)
        return self.parse(body, place, today, now)

    raw_body: bool = False  # True: hand parse() the text, not decoded JSON

    @abstractmethod
    def request(self, place: Place) -> tuple[str, dict[str, Any], dict[str, str]]:
        """URL, query parameters and headers for ``place``."""

    @abstractmethod
    def parse(self, body: Any, place: Place, today: date, now: datetime) -> Report:
        """Turn a decoded body into a :class:`Report` for ``today``."""


def number(value: Any, what: str, provider: str) -> float:
    """A finite float from a JSON value, or ``ProviderResponseInvalid``."""
    if value is None:
        raise ProviderResponseInvalid(f"{provider}: {what} is null")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ProviderResponseInvalid(f"{provider}: {what} is not a number: {value!r}")
    return float(value)


def optional_number(value: Any, what: str, provider: str) -> float | None:
    """Like :func:`number` but None stays None."""
    return None if value is None else number(value, what, provider)
