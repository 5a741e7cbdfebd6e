"""bench/cache.py's server: Nashra's URLs plus the ceiling, a bare Django view of 30 KB.

The ceiling lives under /api/ so the page cache never looks it up: it is what the same
gunicorn, Django and middleware cost without a cache lookup or a render.
"""

from django.http import HttpResponse
from django.urls import path

from nashra.site.urls import handler404, handler500
from nashra.site.urls import urlpatterns as nashra_urlpatterns

BODY = b"<p>" + b"x" * 30_000 + b"</p>"


def ceiling(request):
    return HttpResponse(BODY)


urlpatterns = [path("api/bench-ceiling/", ceiling), *nashra_urlpatterns]
__all__ = ["handler404", "handler500", "urlpatterns"]
