"""The normalised answer every provider returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .conditions import Condition


@dataclass(frozen=True)
class Report:
    """One day's weather for one place, whatever the provider.

    ``code`` is the provider's own code as a string (for logs and debugging only; never
    look up a label with it). ``zone`` is the time zone the provider says it used, when it
    says one (Open-Meteo does); the chain checks it against the place's zone.
    ``observed_code`` is set when a METAR observation overrode the forecast's condition.
    """

    place: str
    date: date
    condition: Condition
    code: str
    max_c: float
    min_c: float | None
    provider: str
    fetched_at: datetime
    is_observation: bool = False
    zone: str | None = None
    observed_code: str | None = None
