"""Site-wide views: health, and the friendly error pages."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse({"status": "error", "database": str(error).splitlines()[0]}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


def page_not_found(request, exception=None):
    # No language versions or hreflang for a page that does not exist.
    return render(request, "404.html", status=404, context={"error_page": True})


def server_error(request):
    # Keep this page free of database work: the database may be why we are here.
    return render(request, "500.html", status=500, context={"plain_error_page": True})
