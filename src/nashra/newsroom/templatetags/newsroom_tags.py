"""The newsroom's parts of every page's header: the sections bar and breaking news."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from nashra.kernel.cache import SECTIONS_BAR
from nashra.kernel.language import current_edition
from nashra.newsroom.models import BreakingNews
from nashra.newsroom.navigation import edition_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def sections_bar(context) -> str:
    """The edition's sections; publishing, moving or unpublishing a page purges."""
    request = context["request"]

    def render() -> str:
        sections = edition_sections(request)
        context = {"sections": sections}
        return render_to_string("newsroom/includes/sections_bar.html", context, request=request)

    # Our own template, rendered here: safe, also when read back from the cache.
    return mark_safe(SECTIONS_BAR.get_or_set(render, current_edition(), request.get_host()))  # noqa: S308


@register.inclusion_tag("newsroom/includes/breaking.html")
def breaking_news() -> dict:
    """The edition's current banner, or nothing."""
    return {"news": BreakingNews.current(current_edition())}
