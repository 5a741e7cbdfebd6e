"""The weather engine's exception tree, in the domain's words.

``WeatherError`` is the root. Provider clients translate every transport or parsing
problem into one of its subclasses, so callers never see an ``httpx`` or ``json`` error.
"""

from __future__ import annotations


class WeatherError(Exception):
    """Base class of every error the weather engine raises."""


class ProviderUnavailable(WeatherError):
    """Transient: timeout, connection refused, HTTP 5xx or 429. Worth retrying later."""


class ProviderResponseInvalid(WeatherError):
    """The provider answered, but not with what we asked for.

    HTML instead of JSON, truncated JSON, null values, missing fields.
    """


class ReportRejected(WeatherError):
    """A well-formed answer failed validation: wrong date, insane temperature, wrong zone."""


class ProviderMisconfigured(WeatherError):
    """Our side is wrong: malformed URL, missing API key, key refused, unknown provider id."""
