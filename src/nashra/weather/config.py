"""Django settings → the engine's plain per-provider settings, and which providers are usable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from nashra.engines.weather import DEFAULT_PLACES, PLACES_BY_SLUG, Place, check_config


def provider_settings() -> dict[str, dict[str, Any]]:
    """Per-provider settings for ``build_chain``; empty values are left out (engine defaults)."""
    common = {
        "timeout": settings.NASHRA_WEATHER_TIMEOUT,
        "retries": settings.NASHRA_WEATHER_RETRIES,
    }
    raw = {
        "open-meteo": {
            "base_url": settings.NASHRA_OPEN_METEO_URL,
            "api_key": settings.NASHRA_OPEN_METEO_API_KEY,
        },
        "met-office": {
            "base_url": settings.NASHRA_MET_OFFICE_URL,
            "api_key": settings.NASHRA_MET_OFFICE_API_KEY,
        },
        "metar": {"base_url": settings.NASHRA_METAR_URL, "format": settings.NASHRA_METAR_FORMAT},
    }
    return {
        pid: {**common, **{k: v for k, v in values.items() if v not in ("", None)}}
        for pid, values in raw.items()
    }


@dataclass(frozen=True)
class ProviderProblem:
    """Why a provider in NASHRA_WEATHER_PROVIDERS is skipped."""

    provider: str
    message: str
    unknown: bool  # an id the engine does not know, rather than bad settings


def chain_config() -> tuple[list[str], dict[str, dict[str, Any]], list[ProviderProblem]]:
    """The usable provider ids (in order), their settings, and the skipped ones' problems."""
    all_settings = provider_settings()
    usable: list[str] = []
    problems: list[ProviderProblem] = []
    for pid in settings.NASHRA_WEATHER_PROVIDERS:
        found = check_config(pid, all_settings.get(pid, {}))
        if found:
            unknown = pid not in all_settings
            problems.extend(ProviderProblem(pid, msg, unknown) for msg in found)
        elif pid not in usable:
            usable.append(pid)
    return usable, all_settings, problems


def header_place() -> Place | None:
    """The place the header shows (NASHRA_WEATHER_PLACE); None when the slug is unknown."""
    return PLACES_BY_SLUG.get(settings.NASHRA_WEATHER_PLACE)


def places() -> tuple[Place, ...]:
    """Every place the job refreshes and /weather/ lists."""
    return DEFAULT_PLACES
