"""Backends by configuration: provider ids map to dotted class paths.

The Django side passes plain values, e.g.::

    build_chain(["open-meteo", "met-office", "metar"], {
        "open-meteo": {"base_url": "https://om.example.net", "timeout": 5},
        "met-office": {"api_key": "..."},
        "metar": {"format": "json"},
    })

A provider's settings may also carry ``"backend": "dotted.path.Class"`` to use a class
that is not in :data:`PROVIDERS` (the way Django picks a cache backend).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from importlib import import_module
from typing import Any

import httpx

from .chain import WeatherChain, system_clock
from .errors import ProviderMisconfigured
from .providers.base import Provider

PROVIDERS: dict[str, str] = {
    "open-meteo": "nashra.engines.weather.providers.openmeteo.OpenMeteoProvider",
    "met-office": "nashra.engines.weather.providers.metoffice.MetOfficeProvider",
    "metar": "nashra.engines.weather.providers.metar.MetarProvider",
}


def provider_class(provider_id: str, settings: Mapping[str, Any] | None = None) -> type[Provider]:
    """Import the class for ``provider_id`` (or the settings' ``backend``)."""
    dotted = (settings or {}).get("backend") or PROVIDERS.get(provider_id)
    if not dotted:
        raise ProviderMisconfigured(
            f"unknown weather provider {provider_id!r}; known: {', '.join(PROVIDERS)}"
        )
    module_name, _, class_name = str(dotted).rpartition(".")
    try:
        cls = getattr(import_module(module_name), class_name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise ProviderMisconfigured(f"cannot import weather backend {dotted!r}: {exc}") from exc
    if not (isinstance(cls, type) and issubclass(cls, Provider)):
        raise ProviderMisconfigured(f"{dotted!r} is not a weather Provider")
    return cls


def check_config(provider_id: str, settings: Mapping[str, Any]) -> list[str]:
    """Problems with one provider's settings, as messages for a Django system check."""
    try:
        cls = provider_class(provider_id, settings)
    except ProviderMisconfigured as exc:
        return [str(exc)]
    return [f"{provider_id}: {msg}" for msg in cls.check_config(settings)]


def build_provider(
    provider_id: str,
    settings: Mapping[str, Any] | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Provider:
    """Instantiate one provider from plain settings; raises ``ProviderMisconfigured``."""
    settings = settings or {}
    return provider_class(provider_id, settings).from_settings(
        settings, transport=transport, sleep=sleep
    )


def build_providers(
    provider_ids: Sequence[str],
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Provider]:
    """Instantiate providers in order; settings are keyed by provider id."""
    settings = settings or {}
    return [
        build_provider(pid, settings.get(pid, {}), transport=transport, sleep=sleep)
        for pid in provider_ids
    ]


def build_chain(
    provider_ids: Sequence[str],
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
    clock: Callable[[], datetime] = system_clock,
    sleep: Callable[[float], None] = time.sleep,
) -> WeatherChain:
    """Build a :class:`WeatherChain` from provider ids and per-id plain settings."""
    providers = build_providers(provider_ids, settings, transport=transport, sleep=sleep)
    return WeatherChain(providers, clock=clock)
