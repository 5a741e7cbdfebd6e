"""Security headers by default, HSTS and the SSL redirect from settings, check --deploy clean.

The browser proof that no page breaks the policy is tests/browser/test_csp.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from nashra.kernel.security_headers import SecurityHeadersMiddleware

# What an operator sets for production (docs/operating.md, "Security headers").
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "k" * 20 + "-a-long-random-production-key-0123456789-abcdefghijklmnop",
    "NASHRA_BASE_URL": "https://news.example.ae",
    "ALLOWED_HOSTS": "news.example.ae",
}


def clean_env(tmp_path, **overrides) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "REDIS_URL", "DJANGO_", "NASHRA_", "DEBUG"))
    }
    env.update({"NASHRA_VAR_DIR": str(tmp_path)}, **overrides)
    return env


def settings_under(env: dict[str, str], *names: str) -> dict:
    code = (
        "import json, nashra.site.settings as s\n"
        f"print(json.dumps({{n: getattr(s, n, None) for n in {list(names)!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_has_no_hsts_ssl_or_frame_warnings_with_the_documented_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "nashra", "manage", "check", "--deploy"],
        env=clean_env(tmp_path, **PRODUCTION_ENV),
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    for warning in ("security.W004", "security.W008", "security.W019"):
        assert warning not in output


def test_an_https_base_url_turns_on_hsts_the_redirect_and_secure_cookies(tmp_path):
    values = settings_under(
        clean_env(tmp_path, **PRODUCTION_ENV),
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "X_FRAME_OPTIONS",
    )
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"


def test_hsts_is_off_under_debug_and_when_set_to_zero(tmp_path):
    debug = settings_under(clean_env(tmp_path, DEBUG="true"), "SECURE_HSTS_SECONDS")
    assert debug["SECURE_HSTS_SECONDS"] == 0
    off = settings_under(
        clean_env(tmp_path, **PRODUCTION_ENV, NASHRA_HSTS_SECONDS="0"), "SECURE_HSTS_SECONDS"
    )
    assert off["SECURE_HSTS_SECONDS"] == 0


def test_the_local_http_default_does_not_redirect_to_https(tmp_path):
    values = settings_under(
        clean_env(tmp_path, SECRET_KEY="x"), "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"
    )
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] > 0  # sent only over https, so harmless here


def test_behind_a_proxy_the_forwarded_scheme_and_host_are_trusted(tmp_path):
    values = settings_under(
        clean_env(tmp_path, **PRODUCTION_ENV, NASHRA_BEHIND_PROXY="true"),
        "SECURE_PROXY_SSL_HEADER",
        "USE_X_FORWARDED_HOST",
        "CSRF_TRUSTED_ORIGINS",
    )
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["USE_X_FORWARDED_HOST"] is True
    assert "https://news.example.ae" in values["CSRF_TRUSTED_ORIGINS"]


def test_forwarded_headers_are_ignored_unless_the_operator_says_a_proxy_is_in_front(tmp_path):
    values = settings_under(
        clean_env(tmp_path, **PRODUCTION_ENV), "SECURE_PROXY_SSL_HEADER", "USE_X_FORWARDED_HOST"
    )
    assert values["SECURE_PROXY_SSL_HEADER"] is None
    assert values["USE_X_FORWARDED_HOST"] is None


def headers_for(path: str) -> HttpResponse:
    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse("ok"))
    return middleware(RequestFactory().get(path))


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_get_a_strict_policy_and_a_permissions_policy():
    response = headers_for("/uae/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", ["/admin/login/", "/api/v1/docs"])
def test_the_sign_in_page_and_api_docs_keep_the_strict_policy(path):
    policy = directives(headers_for(path))
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]


def test_the_signed_in_admin_gets_only_its_named_allowances():
    policy = directives(headers_for("/admin/pages/3/edit/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in policy["script-src"]


def test_a_view_that_sets_its_own_policy_keeps_it():
    def view(request):
        response = HttpResponse("ok")
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/"))
    assert response["Content-Security-Policy"] == "default-src 'none'"
