"""System checks for misconfiguration, each with a stable id (see README, Settings)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register


@register()
def check_base_url(app_configs, **kwargs):
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [
            Error(
                "NASHRA_BASE_URL must be an absolute http(s) URL, "
                f"not {settings.WAGTAILADMIN_BASE_URL!r}",
                hint="For example https://news.example.ae",
                id="nashra.E001",
            )
        ]
    return []


@register()
def check_allowed_hosts(app_configs, **kwargs):
    if not settings.DEBUG and "*" in settings.ALLOWED_HOSTS:
        return [
            Warning(
                "ALLOWED_HOSTS accepts any host while DEBUG is off",
                hint="List the site's host names, e.g. ALLOWED_HOSTS=news.example.ae",
                id="nashra.W001",
            )
        ]
    return []


@register("caches", deploy=False)
def check_cache_reachable(app_configs, **kwargs):
    if not settings.REDIS_URL:
        return []
    from nashra.kernel.cache import HEALTH_PROBE, errors_raised

    try:
        with errors_raised():  # the shared cache hides outages from readers, not from us
            HEALTH_PROBE.set("ok")
    except Exception as error:  # any client error means the same thing to an operator
        return [
            Error(
                f"REDIS_URL is set but Redis cannot be reached: {error}",
                hint="Start Redis or unset REDIS_URL to use the in-process cache",
                id="nashra.E002",
            )
        ]
    return []
