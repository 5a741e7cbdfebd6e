"""The newsroom's parts of every page's header: the sections bar and breaking news."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from nashra.kernel.cache import SECTIONS_BAR
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
    return mark_safe(SECTIONS_BAR.get_or_set(render, get_language() or "en", request.get_host()))  # noqa: S308


@register.inclusion_tag("newsroom/includes/breaking.html")
def breaking_news() -> dict:
    """The edition's current banner, or nothing."""
    return {"news": BreakingNews.current((get_language() or "en").split("-")[0])}
