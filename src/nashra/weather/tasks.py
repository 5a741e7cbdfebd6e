"""The periodic refresh (huey). Every NASHRA_WEATHER_REFRESH_MINUTES minutes, 15 by default."""

from __future__ import annotations

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task


def refresh_schedule():
    """A crontab firing every NASHRA_WEATHER_REFRESH_MINUTES (1..60) minutes."""
    minutes = settings.NASHRA_WEATHER_REFRESH_MINUTES
    return crontab(minute="0" if minutes >= 60 else f"*/{minutes}")


@db_periodic_task(refresh_schedule(), name="nashra.weather.refresh")
def refresh_weather_task() -> int:
    """Refresh every place; returns how many got a fresh record (for huey's logs)."""
    from nashra.weather.refresh import refresh_weather

    return sum(1 for outcome in refresh_weather() if outcome.ok)
