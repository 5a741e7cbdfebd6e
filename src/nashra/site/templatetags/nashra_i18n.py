"""Links between the English and Arabic editions of the same page."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils import dateformat
from django.utils.timezone import localtime
from django.utils.translation import get_language, get_language_info, pgettext
from wagtail.models import Locale, Page

register = template.Library()


def _counterparts(page, request, inclusive: bool = False) -> list[dict]:
    if not isinstance(page, Page) or not page.pk:
        return []
    links = []
    translations = page.get_translations(inclusive=inclusive).live().public()
    for other in translations.select_related("locale"):
        url = other.get_url(request=request)
        if url:
            code = other.locale.language_code
            links.append({
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "full_url": other.get_full_url(request=request),
            })
    return sorted(links, key=lambda link: link["code"])


@register.simple_tag(takes_context=True)
def counterparts(context, inclusive: bool = False) -> list[dict]:
    """Live translations of the page being shown: code, name (in its own language), urls."""
    return _counterparts(context.get("page"), context.get("request"), inclusive)


@register.simple_tag(takes_context=True)
def language_switch(context) -> list[dict]:
    """One link per other language: to this page's translation, or else that edition's home."""
    current = get_language() or settings.LANGUAGE_CODE
    found = {link["code"]: link for link in _counterparts(context.get("page"), context.get("request"))}
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        link = found.get(code) or {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": _edition_home_url(code, context.get("request")),
        }
        links.append(link)
    return links


def _edition_home_url(code: str, request) -> str:
    from nashra.newsroom.models import HomePage

    home = HomePage.objects.live().filter(locale__in=Locale.objects.filter(language_code=code)).first()
    url = home.get_url(request=request) if home else None
    return url or ("/" if code == settings.LANGUAGE_CODE else f"/{code}/")


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
