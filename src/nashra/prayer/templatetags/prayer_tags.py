"""`{% prayer_panel %}`: the header's prayer table, rendered once a Dubai minute."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from nashra.kernel.cache import PRAYER_PANEL
from nashra.kernel.clock import dubai_now
from nashra.prayer import header

register = template.Library()


@register.simple_tag
def prayer_panel() -> str:
    """Which prayer is next is marked to the minute, so the HTML is kept for that minute;
    a new Jumu'ah schedule purges (nashra.kernel.cache)."""
    now = dubai_now()
    language = get_language() or settings.LANGUAGE_CODE
    places = ",".join(header.header_slugs())

    def render() -> str:
        return render_to_string("prayer/header_table.html", {"prayer": header.prayer_header(now)})

    # Our own template, rendered here: safe, also when read back from the cache.
    return mark_safe(PRAYER_PANEL.get_or_set(render, language, f"{now:%Y-%m-%dT%H:%M}", places))  # noqa: S308


@register.filter
def any_ramadan(rows) -> bool:
    """True when a timetable row (annotated by ``hijri_rows``) falls in Ramadan."""
    return any(row.get("ramadan") for row in rows)


@register.filter
def ramadan_year(rows) -> int | None:
    """The Hijri year of the Ramadan rows of a timetable, if any."""
    return next((row["hijri_date"].year for row in rows if row.get("ramadan")), None)
