"""`{% clock %}`: the header's Dubai clock line, in the reader's language.

The server renders it; site/clock.js replaces it at once and every minute, so it is right
on a cached page too.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from nashra.kernel.clock import clock_for, dubai_now
from nashra.kernel.language import current_edition

register = template.Library()


@register.simple_tag
def clock() -> str:
    now = dubai_now()
    language = current_edition()
    # Our own template, rendered here: safe, also when read back from the cache.
    return mark_safe(
        render_to_string("site/clock.html", {"now": now, "line": clock_for(now, language)})
    )  # noqa: S308
