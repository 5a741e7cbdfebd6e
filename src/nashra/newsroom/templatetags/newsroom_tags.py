"""The newsroom's parts of every page's header: the sections bar and breaking news."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from nashra.kernel.cache import SECTIONS_BAR
from nashra.kernel.language import current_edition
from nashra.newsroom.models import ArticlePage, BreakingNews, SectionPage
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

    html = SECTIONS_BAR.get_or_set(render, current_edition(), request.get_host())
    # Our own template, rendered here: safe, also when read back from the cache.
    return mark_safe(mark_current_section(html, context.get("page")))  # noqa: S308


def mark_current_section(html: str, page) -> str:
    """The bar with the reader's section marked `aria-current` (the bar is cached per edition).

    A section's own page is the current "page"; a story marks its section as "true".
    """
    if isinstance(page, SectionPage):
        url, current = page.url, "page"
    elif isinstance(page, ArticlePage) and page.url:
        # A story is a section's child (HomePage.route): its section's URL is its own
        # minus the last segment, with no query for the parent.
        url, current = page.url.rstrip("/").rsplit("/", 1)[0] + "/", "true"
    else:
        return html
    link = f'<a href="{escape(url)}">'
    return html.replace(link, f'<a href="{escape(url)}" aria-current="{current}">', 1)


@register.inclusion_tag("newsroom/includes/breaking.html")
def breaking_news() -> dict:
    """The edition's current banner, or nothing."""
    return {"news": BreakingNews.current(current_edition())}
