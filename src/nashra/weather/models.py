"""What the background job stores.

Written only by ``nashra.weather.refresh``, never on a request.
"""

from __future__ import annotations

from django.db import models

from nashra.engines.weather import Condition

ConditionChoice = models.TextChoices("ConditionChoice", [(c.name, c.value) for c in Condition])


class WeatherRecord(models.Model):
    """The winning report for one place and one local date (the last good one is kept)."""

    place = models.SlugField(max_length=40)
    date = models.DateField(help_text="The local date the report is for, in the place's zone.")
    condition = models.CharField(max_length=20, choices=ConditionChoice.choices)
    max_c = models.FloatField()
    min_c = models.FloatField(null=True, blank=True)
    provider = models.CharField(max_length=40)
    provider_code = models.CharField(max_length=100, blank=True)
    observed_code = models.CharField(max_length=100, blank=True)
    is_observation = models.BooleanField(default=False)
    fetched_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["place", "date"], name="weather_record_place_date")
        ]
        ordering = ["place", "-date"]

    def __str__(self) -> str:
        return f"{self.place} {self.date}: {self.condition} {self.max_c:g} °C ({self.provider})"

    @property
    def condition_value(self) -> Condition:
        """The stored slug as a ``Condition``; anything unrecognised is ``UNKNOWN``."""
        try:
            return Condition(self.condition)
        except ValueError:
            return Condition.UNKNOWN


class ProviderStatus(models.Model):
    """How one provider has been doing, for the admin."""

    provider = models.CharField(max_length=40, unique=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["provider"]
        verbose_name_plural = "provider statuses"

    def __str__(self) -> str:
        return self.provider


class FailedFetch(models.Model):
    """One provider failing for one place, kept for the admin's log."""

    provider = models.CharField(max_length=40)
    place = models.SlugField(max_length=40)
    error = models.CharField(
        max_length=60, help_text="The error's class, e.g. ProviderUnavailable."
    )
    message = models.TextField()
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "failed fetch"
        verbose_name_plural = "failed fetches"

    def __str__(self) -> str:
        return f"{self.provider} / {self.place}: {self.error}"
