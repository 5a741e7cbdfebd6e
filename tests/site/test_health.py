"""/healthz tells the truth and keeps the network's secrets (issue 15)."""

from __future__ import annotations

import json

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthy_site_answers_200_with_each_dependency(client):
    response = client.get("/healthz")

    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert body["checks"]["database"]["state"] == "ok"
    assert body["checks"]["cache"]["state"] == "ok"


def test_an_unreachable_database_is_503_and_names_no_host(client, monkeypatch, settings):
    from django.db.backends.base.base import BaseDatabaseWrapper

    secret = 'connection to server at "db.internal.example" (10.0.0.7), port 5433 failed'

    def refuse(self, *args, **kwargs):
        raise OperationalError(f'{secret}: FATAL: database "nashra_prod" does not exist')

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)
    response = client.get("/healthz")

    text = response.content.decode()
    assert response.status_code == 503
    assert json.loads(text)["checks"]["database"]["state"] == "unavailable"
    for leak in ("db.internal.example", "10.0.0.7", "5433", "nashra_prod", "FATAL"):
        assert leak not in text


def test_a_reader_page_during_a_database_outage_is_a_friendly_503(monkeypatch):
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.test import Client

    def refuse(self, *args, **kwargs):
        raise OperationalError('connection to server at "db.internal.example" failed')

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)
    response = Client(raise_request_exception=False).get("/")

    text = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "briefly unavailable" in text
    assert "db.internal.example" not in text
    assert "Traceback" not in text
