"""Site-wide views: health, and the friendly error pages."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from nashra.newsroom.scheduling import NOT_PUBLIC, publish_overdue_soon
from nashra.site.health import health

# A database that cannot be reached raises these; a bug in a query raises others.
DATABASE_OUTAGES = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


@never_cache
def healthz(request):
    status, body = health()
    return JsonResponse(body, status=status)


def page_not_found(request, exception=None):
    """A 404, unless the page is a scheduled story whose time has just come.

    The request-path check (`PublishOverdueMiddleware`) is throttled site-wide, so the
    first reader at a story's go-live time may arrive inside the window of a check made
    moments before it. The 404 path checks again under a throttle of its own, and if it
    published anything sends the reader back to the same address, now live.
    """
    if request.method in ("GET", "HEAD") and not request.path.startswith(NOT_PUBLIC):
        from nashra.kernel.cache import OVERDUE_NOT_FOUND_CHECK

        if publish_overdue_soon(throttle=OVERDUE_NOT_FOUND_CHECK):
            response = HttpResponseRedirect(request.get_full_path())
            response["Cache-Control"] = "no-store"
            return response
    # No language versions or hreflang for a page that does not exist.
    return render(request, "404.html", status=404, context={"error_page": True})


def server_error(request):
    # Keep this page free of database work: the database may be why we are here.
    if isinstance(sys.exc_info()[1], DATABASE_OUTAGES):
        response = render(request, "503.html", status=503, context={"plain_error_page": True})
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return render(request, "500.html", status=500, context={"plain_error_page": True})


@never_cache
def admin_logout(request):
    """Sign out with a POST (Wagtail's menu does); a GET asks to confirm.

    Wagtail's logout view refuses a GET (405) yet still deletes the browser's session
    cookie and says "logged out", leaving the session valid on the server for anyone who
    kept the cookie. Only the POST ends the session, so a GET must not pretend.
    """
    if request.method == "POST":
        from wagtail.admin.views.account import LogoutView

        return LogoutView.as_view()(request)
    return render(request, "site/logout_confirm.html")
