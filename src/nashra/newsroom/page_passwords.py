"""Guessing a password-protected story's password: a few tries, then a wait.

Wagtail checks a page password (`PasswordViewRestrictionForm`, posted to
/_util/authenticate_with_password/<restriction>/<page>/) with no limit: a script made
53 guesses a second. This view wraps Wagtail's: it counts wrong passwords per address
and per protected page in the shared cache (Redis across app servers), and once either
count reaches its limit it answers 429 without looking at the password, until
NASHRA_LOGIN_LOCKOUT_MINUTES after the first failure. Addresses are the ones django-axes
counts sign-in failures by. A protected page allows ten times the per-address limit over
all addresses, so a guesser spread over many addresses is slowed as well, while a
reader who knows the password is turned away only under such an attack.
"""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.template.response import TemplateResponse
from wagtail.views import authenticate_with_password as wagtail_authenticate_with_password

from nashra.kernel.cache import PAGE_PASSWORD_FAILURES

PAGE_LIMIT_FACTOR = 10


def is_throttled(address: str, restriction_id: int) -> bool:
    limit = settings.NASHRA_LOGIN_FAILURE_LIMIT
    return (PAGE_PASSWORD_FAILURES.get("address", address) or 0) >= limit or (
        PAGE_PASSWORD_FAILURES.get("page", restriction_id) or 0
    ) >= limit * PAGE_LIMIT_FACTOR


def authenticate_with_password(request, page_view_restriction_id: int, page_id: int):
    if request.method != "POST":
        return wagtail_authenticate_with_password(request, page_view_restriction_id, page_id)
    address = get_client_ip_address(request) or "unknown"
    if is_throttled(address, page_view_restriction_id):
        return TemplateResponse(request, "site/locked_out.html", status=429)
    response = wagtail_authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 200:  # the password form again: a wrong password
        PAGE_PASSWORD_FAILURES.incr("address", address)
        PAGE_PASSWORD_FAILURES.incr("page", page_view_restriction_id)
    return response
