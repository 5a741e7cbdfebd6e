"""What every public page's header needs, computed lazily (admin pages never pay for it)."""

from __future__ import annotations

from functools import cached_property

from django.utils.translation import get_language

from nashra.kernel.clock import clock_for, dubai_now


class Header:
    def __init__(self, request):
        self.request = request

    @cached_property
    def language(self) -> str:
        return get_language() or "en"

    @cached_property
    def now(self):
        return dubai_now()

    @cached_property
    def clock(self) -> str:
        return clock_for(self.now, self.language)

    @cached_property
    def generation(self) -> int:
        """The purge generation (nashra.kernel.cache): publishing anything, or changing a
        Hijri offset or the Jumu'ah schedule, moves it on, so what is cached under it
        (the sections bar, the Hijri date, the panels) is never older than the change."""
        from nashra.kernel.cache import current_generation

        return current_generation()

    @cached_property
    def hijri(self) -> str:
        """Today's Hijri date in Dubai, formatted; empty outside the calendar's range."""
        from django.core.cache import cache

        key = f"masthead-hijri:{self.generation}:{self.language}:{self.now.date().isoformat()}"
        return cache.get_or_set(key, self._hijri_today, timeout=3600)

    def _hijri_today(self) -> str:
        from nashra.hijri.today import observed_hijri_date

        day = observed_hijri_date(self.now.date())
        return day.format(self.language) if day else ""

    @cached_property
    def panels_key(self) -> str:
        """What the prayer and weather panels depend on; they are cached under it.

        Rendering them is a third of a page's server time (7 ms of 23). The key holds the
        Dubai minute (the next prayer is marked by the server, to the minute), the header
        places, the purge generation (a new Jumu'ah schedule purges) and the weather
        widget's whole state, so a panel is never older than the minute it was made in.
        """
        from django.conf import settings

        places = getattr(settings, "NASHRA_PRAYER_HEADER_PLACES", "")
        return f"{self.generation}:{self.now:%Y-%m-%dT%H:%M}:{places}:{self.weather!r}"

    @cached_property
    def weather(self):
        from nashra.weather.widget import header_widget

        return header_widget()

    @cached_property
    def sections(self):
        from nashra.newsroom.navigation import edition_sections

        return edition_sections(self.request)

    @cached_property
    def prayer(self):
        from nashra.prayer.header import prayer_header

        return prayer_header(self.now)

    @cached_property
    def breaking(self):
        """The edition's current breaking-news banner, or None."""
        from django.utils.translation import get_language

        from nashra.newsroom.models import BreakingNews

        return BreakingNews.current((get_language() or "en").split("-")[0])


def header(request):
    return {"header": Header(request)}
