"""A 500 MB anonymous body is refused with 413 before a byte of it is read."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory

from nashra.kernel.request_body import RequestBodyLimitMiddleware

HALF_A_GIGABYTE = 500 * 1024 * 1024


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = readinto = read


class User:
    def __init__(self, authenticated: bool):
        self.is_authenticated = authenticated


def post(length: int, authenticated: bool = False):
    request = RequestFactory().generic("POST", "/admin/login/")
    request.META["CONTENT_LENGTH"] = str(length)
    request.META["wsgi.input"] = Unreadable()
    request.user = User(authenticated)
    return request


def view(request):
    return HttpResponse(request.POST.get("a", "read"))


def test_half_a_gigabyte_from_an_anonymous_client_is_refused_unread():
    response = RequestBodyLimitMiddleware(view)(post(HALF_A_GIGABYTE))
    assert response.status_code == 413
    assert b"too large" in response.content


def test_a_signed_in_upload_over_the_anonymous_limit_is_let_through():
    length = settings.NASHRA_ANONYMOUS_BODY_LIMIT_KB * 1024 + 1
    request = RequestFactory().post("/admin/images/add/", data={"a": "x" * length})
    request.user = User(True)
    response = RequestBodyLimitMiddleware(view)(request)
    assert response.status_code == 200


def test_a_signed_in_body_over_the_upload_limit_is_refused_unread():
    length = settings.NASHRA_UPLOAD_LIMIT_MB * 1024 * 1024 + 1
    assert RequestBodyLimitMiddleware(view)(post(length, True)).status_code == 413


@pytest.mark.parametrize("length", ["", "nonsense", "-5"])
def test_a_missing_or_malformed_length_reads_nothing(length):
    request = RequestFactory().generic("POST", "/")
    request.META["CONTENT_LENGTH"] = length
    request.user = User(False)
    assert RequestBodyLimitMiddleware(view)(request).status_code == 200


def test_the_middleware_runs_before_anything_reads_the_body():
    order = settings.MIDDLEWARE
    limit = order.index("nashra.kernel.request_body.RequestBodyLimitMiddleware")
    assert order.index("django.contrib.auth.middleware.AuthenticationMiddleware") < limit
