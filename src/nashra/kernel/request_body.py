"""Refuse an over-long request body with 413 before anything reads it.

Django reads a POST body in full (to temporary files for uploads) as soon as anything
asks for `request.POST`, CSRF checking included, so an anonymous client could make
every worker read 500 MB. The declared Content-Length is checked first: anonymous
requests get NASHRA_ANONYMOUS_BODY_LIMIT_KB (a sign-in or page-password form is tiny),
signed-in people NASHRA_UPLOAD_LIMIT_MB (admin uploads). A body without a
Content-Length is never read by Django at all.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse


def declared_length(request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.anonymous_limit = settings.NASHRA_ANONYMOUS_BODY_LIMIT_KB * 1024
        self.signed_in_limit = settings.NASHRA_UPLOAD_LIMIT_MB * 1024 * 1024

    def __call__(self, request):
        length = declared_length(request)
        if length > self.anonymous_limit:
            user = getattr(request, "user", None)
            signed_in = user is not None and user.is_authenticated
            limit = self.signed_in_limit if signed_in else self.anonymous_limit
            if length > limit:
                return HttpResponse(
                    f"Request body too large: at most {limit} bytes.\n",
                    status=413,
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)
