"""The Wagtail Site record follows NASHRA_BASE_URL's host and port (set by `nashra setup`)."""

from __future__ import annotations

from wagtail.models import Site

from nashra.kernel.urls import public_host


def point_default_site_at_public_host() -> bool:
    """Name the public host on the default Site; True when it changed.

    Wagtail builds its own absolute URLs (and matches requests to a site) from this
    record, so a site moved from localhost:8000 to https://news.example.ae must say so.
    """
    site = Site.objects.filter(is_default_site=True).first()
    hostname, port = public_host()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True
