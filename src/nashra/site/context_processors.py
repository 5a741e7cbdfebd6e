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
    def weather(self):
        from nashra.weather.widget import header_widget

        return header_widget()

    @cached_property
    def sections(self):
        from nashra.newsroom.navigation import edition_sections

        return edition_sections(self.request)


def header(request):
    return {"header": Header(request)}
