"""Weather engine: conditions, provider code maps, provider clients, chain, validation.

Pure Python (httpx); no Django. The Django side calls :func:`build_chain` with plain
settings and stores :attr:`ChainResult.report`; see ``docs/weather.md``.
"""

from ..places import Place
from .chain import ChainResult, ProviderFailure, WeatherChain, system_clock
from .codes import met_office_condition, wmo_condition
from .conditions import DAY_LABELS, ICON_NAMES, ICONS, NIGHT_LABELS, Condition
from .errors import (
    ProviderMisconfigured,
    ProviderResponseInvalid,
    ProviderUnavailable,
    ReportRejected,
    WeatherError,
)
from .metar import metar_condition, parse_metar
from .places import DEFAULT_PLACES, PLACES_BY_SLUG
from .providers.base import Attribution, Provider
from .providers.openmeteo import ATTRIBUTION as OPEN_METEO_ATTRIBUTION
from .registry import PROVIDERS, build_chain, build_provider, build_providers, check_config
from .report import Report
from .validation import validate

__all__ = [
    "ChainResult", "ProviderFailure", "WeatherChain", "system_clock",
    "met_office_condition", "wmo_condition",
    "DAY_LABELS", "ICON_NAMES", "ICONS", "NIGHT_LABELS", "Condition",
    "ProviderMisconfigured", "ProviderResponseInvalid", "ProviderUnavailable",
    "ReportRejected", "WeatherError",
    "metar_condition", "parse_metar",
    "DEFAULT_PLACES", "PLACES_BY_SLUG", "Place",
    "Attribution", "Provider", "OPEN_METEO_ATTRIBUTION",
    "PROVIDERS", "build_chain", "build_provider", "build_providers", "check_config",
    "Report", "validate",
]  # fmt: skip
