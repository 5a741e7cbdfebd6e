"""System checks for the weather settings: warnings only, the site keeps serving.

Ids (stable, listed in docs/weather.md): W101 unknown provider id, W102 a provider's
settings are unusable (bad URL, missing key), W103 no usable provider left,
W104 NASHRA_WEATHER_PLACE is not a known place.
"""

from django.conf import settings
from django.core.checks import Warning, register

from nashra.engines.weather import PLACES_BY_SLUG
from nashra.weather.config import chain_config


@register()
def check_weather_providers(app_configs, **kwargs):
    usable, _, problems = chain_config()
    warnings = [
        Warning(
            f"Weather provider skipped: {problem.message}",
            hint="Fix NASHRA_WEATHER_PROVIDERS or the provider's NASHRA_* settings "
            "(docs/weather.md); the other providers are still used.",
            id="nashra.W101" if problem.unknown else "nashra.W102",
        )
        for problem in problems
    ]
    if not usable:
        warnings.append(
            Warning(
                "No usable weather provider: the weather widget will show 'Weather unavailable'",
                hint="Set NASHRA_WEATHER_PROVIDERS, e.g. open-meteo,metar",
                id="nashra.W103",
            )
        )
    return warnings


@register()
def check_weather_place(app_configs, **kwargs):
    if settings.NASHRA_WEATHER_PLACE in PLACES_BY_SLUG:
        return []
    return [
        Warning(
            f"NASHRA_WEATHER_PLACE {settings.NASHRA_WEATHER_PLACE!r} is not a known place",
            hint=f"Use one of: {', '.join(PLACES_BY_SLUG)}",
            id="nashra.W104",
        )
    ]
