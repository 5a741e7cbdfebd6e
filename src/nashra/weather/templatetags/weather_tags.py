"""`{% weather_panel %}`: the header's weather line, rendered once per state and minute."""

import hashlib

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from nashra.kernel.cache import WEATHER_PANEL
from nashra.weather.widget import header_widget

register = template.Library()


@register.simple_tag
def weather_panel() -> str:
    """The widget's whole state is in the key, so new weather shows on the next page."""
    weather = header_widget()

    def render() -> str:
        return render_to_string("weather/header_panel.html", {"weather": weather})

    state = hashlib.sha256(repr(weather).encode()).hexdigest()[:32]
    # Our own template, rendered here: safe, also when read back from the cache.
    return mark_safe(WEATHER_PANEL.get_or_set(render, get_language() or "en", state))  # noqa: S308
