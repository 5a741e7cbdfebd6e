"""Links between the English and Arabic editions of the same page."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import dateformat
from django.utils.timezone import localtime
from django.utils.translation import get_language_info, pgettext
from wagtail.models import Locale, Page

from nashra.kernel.language import (
    current_edition,
    edition_of_page,
    edition_root,
    editions,
    text_direction,
)
from nashra.newsroom.published import only_public_pages

register = template.Library()


def _counterparts(page, request, inclusive: bool = False) -> list[dict]:
    if not isinstance(page, Page) or not page.pk:
        return []
    links = _live_versions(page, request)
    if not inclusive:
        links = [link for link in links if link["page_id"] != page.pk]
    return links


def _live_versions(page, request) -> list[dict]:
    """The page in every language the public may see it in (newsroom.published), itself included.

    A page asks for them three times (hreflang links, the language switch, the feed
    links): read once per request.
    """
    memo = getattr(request, "_nashra_live_versions", None)
    if memo is not None and memo[0] == page.pk:
        return memo[1]
    links = []
    translations = only_public_pages(page.get_translations(inclusive=True))
    for other in translations.select_related("locale"):
        url = other.get_url(request=request)
        if url:
            code = edition_of_page(other)
            links.append(
                {
                    "page_id": other.pk,
                    "code": code,
                    "name": get_language_info(code)["name_local"],
                    "dir": text_direction(code),
                    "url": url,
                    "full_url": other.get_full_url(request=request),
                }
            )
    links.sort(key=lambda link: link["code"])
    if request is not None:
        request._nashra_live_versions = (page.pk, links)
    return links


def _view_versions(context, inclusive: bool = False) -> list[dict]:
    """The page of a Django view (prayer times, weather, search...) in each language.

    Such pages exist in every language at the same route (i18n_patterns), so the other
    version is the same URL reversed in the other language. Wagtail's catch-all (a page
    that does not exist) and error pages have no versions.
    """
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve" or context.get("error_page"):
        return []
    current = current_edition()
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    links = []
    for code in editions():
        if code == current and not inclusive:
            continue
        url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "dir": text_direction(code),
                "url": url,
                "full_url": base + url,
            }
        )
    return links


def _versions(context, inclusive: bool = False) -> list[dict]:
    page = context.get("page")
    if isinstance(page, Page):
        return _counterparts(page, context.get("request"), inclusive)
    return _view_versions(context, inclusive)


@register.simple_tag(takes_context=True)
def counterparts(context, inclusive: bool = False) -> list[dict]:
    """Other versions of what is shown (a page's live translations, or a view's other
    languages): code, name (in its own language), urls."""
    return _versions(context, inclusive)


@register.simple_tag(takes_context=True)
def language_switch(context) -> list[dict]:
    """One link per other language: to this page's translation, or else that edition's home."""
    current = current_edition()
    found = {link["code"]: link for link in _versions(context)}
    links = []
    for code in editions():
        if code == current:
            continue
        link = found.get(code) or {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "dir": text_direction(code),
            "url": _edition_home_url(code, context.get("request")),
        }
        links.append(link)
    return links


def _edition_home_url(code: str, request) -> str:
    from nashra.newsroom.models import HomePage

    locales = Locale.objects.filter(language_code=code)
    home = only_public_pages(HomePage.objects.filter(locale__in=locales)).first()
    url = home.get_url(request=request) if home else None
    return url or edition_root(code)


@register.simple_tag
def edition_home() -> str:
    """Where the brand in the header leads: the reader's edition's front page."""
    return edition_root(current_edition())


@register.filter
def newsdate(value, with_time: bool = True) -> str:
    """A published/updated stamp in the reader's language, Dubai time, Latin digits."""
    if not value:
        return ""
    if with_time:
        # Translators: a Django date format; the Arabic edition writes "j F Y، g:i A".
        pattern = pgettext("date and time format", "j F Y, g.i A")
    else:
        pattern = pgettext("date format", "j F Y")
    return dateformat.format(localtime(value), pattern)
