"""Password reset is offered only when a mail server is configured (NASHRA_EMAIL_HOST):
without one, its e-mail could never arrive, so the link is hidden and the URL is a 404."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


def test_without_a_mail_server_the_login_page_offers_no_reset(client, plain_admin_templates):
    html = client.get("/admin/login/").content.decode()
    assert "password_reset" not in html


def test_without_a_mail_server_the_reset_url_is_not_found(client, plain_admin_templates):
    assert client.get("/admin/password_reset/").status_code == 404
    response = client.post("/admin/password_reset/", {"email": "someone@example.org"})
    assert response.status_code == 404


def test_with_a_mail_server_the_login_page_offers_reset(client, settings, plain_admin_templates):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = True
    assert "password_reset" in client.get("/admin/login/").content.decode()
    assert client.get("/admin/password_reset/").status_code == 200


def mail_settings(**env: str) -> dict:
    """The mail settings as the real settings module computes them from `env`."""
    code = (
        "import json; from nashra.site import settings as s; print(json.dumps({"
        "'reset': s.WAGTAIL_PASSWORD_RESET_ENABLED, 'backend': s.EMAIL_BACKEND,"
        "'host': s.EMAIL_HOST}))"
    )
    environ = {k: v for k, v in os.environ.items() if not k.startswith("NASHRA_EMAIL")}
    environ.update({"SECRET_KEY": "x", **env})
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environ, check=True
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "env, reset, backend",
    [
        ({}, False, "console"),
        ({"NASHRA_EMAIL_HOST": "smtp.example.ae"}, True, "smtp"),
    ],
)
def test_the_settings_follow_the_mail_server(env, reset, backend):
    computed = mail_settings(**env)
    assert computed["reset"] is reset
    assert backend in computed["backend"]
