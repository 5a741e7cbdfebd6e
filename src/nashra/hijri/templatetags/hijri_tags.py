"""`{% hijri_date %}`: today's Hijri date in Dubai, as the UAE observes it."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from nashra.hijri.today import observed_hijri_date
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
