"""Finding the edition (home page) and its sections for the current request."""

from __future__ import annotations

from wagtail.models import Site

from nashra.newsroom.models import HomePage, SectionPage


def edition_home(request) -> HomePage | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page.localized.specific
    return root if isinstance(root, HomePage) else None


def edition_sections(request) -> list[SectionPage]:
    home = edition_home(request)
    return list(home.sections()) if home else []
