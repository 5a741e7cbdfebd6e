"""Signing out ends the session on the server; a GET no longer pretends to sign out."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session

pytestmark = pytest.mark.django_db


def test_a_get_asks_to_confirm_and_leaves_the_cookie_alone(client, editor):
    client.force_login(editor)
    response = client.get("/admin/logout/")
    assert response.status_code == 200
    assert b'method="post"' in response.content
    cookie = response.cookies.get("sessionid")
    assert cookie is None or cookie.value  # not deleted while the session lives on


def test_signing_out_as_the_admin_menu_does_ends_the_server_session(client, editor):
    client.force_login(editor)
    key = client.cookies["sessionid"].value
    page = client.get("/admin/logout/")
    token = page.context["csrf_token"]
    response = client.post("/admin/logout/", {"csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    client.cookies["sessionid"] = key  # someone who kept the old cookie
    assert client.get("/admin/").status_code == 302  # sent to sign in
