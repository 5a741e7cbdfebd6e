"""What every public page's header needs, computed lazily (admin pages never pay for it)."""

from __future__ import annotations

from functools import cached_property

from nashra.site.dubai import clock_line, dubai_now


class Header:
    def __init__(self, request):
        self.request = request

    @cached_property
    def now(self):
        return dubai_now()

    @cached_property
    def clock(self) -> str:
        return clock_line(self.now)

    @cached_property
    def sections(self):
        from nashra.newsroom.navigation import edition_sections

        return edition_sections(self.request)

    @cached_property
    def breaking(self):
        """The edition's current breaking-news banner, or None."""
        from django.utils.translation import get_language

        from nashra.newsroom.models import BreakingNews

        return BreakingNews.current((get_language() or "en").split("-")[0])


def header(request):
    return {"header": Header(request)}
