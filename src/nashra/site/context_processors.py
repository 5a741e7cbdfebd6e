"""What every public page's header needs, computed lazily (admin pages never pay for it)."""

from __future__ import annotations

from functools import cached_property

from django.utils.translation import get_language

from nashra.site.dubai import clock_for, dubai_now


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
    def hijri(self) -> str:
        """Today's Hijri date in Dubai, formatted; empty outside the calendar's range."""
        from nashra.hijri.today import observed_hijri_date

        day = observed_hijri_date(self.now.date())
        return day.format(self.language) if day else ""

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
