"""`{% hijri_date %}`: today's Hijri date in Dubai, as the UAE observes it."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from nashra.engines.hijri import hijri_date as hijri_date_of
from nashra.hijri.today import month_offsets, observed_hijri_date
from nashra.kernel.cache import HIJRI_DATE
from nashra.kernel.clock import dubai_today

register = template.Library()


@register.simple_tag
def hijri_date() -> str:
    """Kept for the Dubai day; a new month offset purges (nashra.kernel.cache)."""
    language = get_language() or settings.LANGUAGE_CODE
    today = dubai_today()

    def render() -> str:
        day = observed_hijri_date(today)
        text = day.format(language) if day else ""
        return render_to_string("hijri/header_date.html", {"hijri": text})

    # Our own template, rendered here: safe, also when read back from the cache.
    return mark_safe(HIJRI_DATE.get_or_set(render, language, today.isoformat()))  # noqa: S308


@register.simple_tag
def hijri_rows(rows):
    """Each row (a mapping with a ``date``) with its observed Hijri date, as the UAE
    observes it (the editors' month offsets): ``hijri`` (text in the page's language),
    ``hijri_day`` and ``ramadan``.  For timetables (the prayer pages)."""
    language = get_language() or settings.LANGUAGE_CODE
    offsets = month_offsets()
    out = []
    for row in rows:
        try:
            day = hijri_date_of(row["date"], offsets)
        except ValueError:  # an out-of-range offset slipped past validation
            day = None
        text = day.format(language) if day else ""
        ramadan = bool(day and day.month == 9)
        out.append({**row, "hijri": text, "hijri_date": day, "ramadan": ramadan})
    return out
