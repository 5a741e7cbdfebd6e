"""Admin sign-in: after too many wrong passwords, refused per account and per address,
until the lockout ends; a refused attempt hashes no password (django-axes, settings.py)."""

from __future__ import annotations

import time
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "copper kettle under dune light"
LIMIT = 4


@pytest.fixture(autouse=True)
def small_limit(settings, plain_admin_templates):
    """A limit of LIMIT; Wagtail's login form renders with Django's missing-variable rule."""
    settings.AXES_FAILURE_LIMIT = LIMIT


@pytest.fixture
def alice(db):
    return get_user_model().objects.create_user("alice", "alice@example.org", PASSWORD)


@pytest.fixture
def bob(db):
    return get_user_model().objects.create_user("bob", "bob@example.org", PASSWORD)


def sign_in(username: str, password: str, address: str):
    client = Client(REMOTE_ADDR=address)
    response = client.post("/admin/login/", {"username": username, "password": password})
    return response, "_auth_user_id" in client.session


def fail(username: str, address: str, times: int = LIMIT) -> None:
    for _ in range(times):
        response, signed_in = sign_in(username, "wrong password here", address)
        assert response.status_code in (200, 429)
        assert not signed_in


def test_the_right_password_signs_in_before_any_failure(alice):
    response, signed_in = sign_in("alice", PASSWORD, "10.0.0.1")
    assert response.status_code == 302
    assert signed_in


def test_after_the_limit_the_right_password_is_refused(alice):
    fail("alice", "10.0.0.1")
    response, signed_in = sign_in("alice", PASSWORD, "10.0.0.1")
    assert response.status_code == 429
    assert not signed_in
    assert "Too many wrong passwords" in response.content.decode()


def test_the_account_is_locked_from_every_address(alice):
    fail("alice", "10.0.0.1")
    response, signed_in = sign_in("alice", PASSWORD, "10.0.0.9")
    assert response.status_code == 429
    assert not signed_in


def test_the_address_is_locked_for_every_account(alice, bob):
    fail("alice", "10.0.0.1")
    response, signed_in = sign_in("bob", PASSWORD, "10.0.0.1")
    assert response.status_code == 429
    assert not signed_in


def test_another_account_from_another_address_is_unaffected(alice, bob):
    fail("alice", "10.0.0.1")
    response, signed_in = sign_in("bob", PASSWORD, "10.0.0.2")
    assert response.status_code == 302
    assert signed_in


def test_failures_below_the_limit_lock_nothing(alice):
    fail("alice", "10.0.0.1", times=LIMIT - 1)
    response, signed_in = sign_in("alice", PASSWORD, "10.0.0.1")
    assert signed_in


def test_the_lockout_ends_after_the_cooloff(alice, settings):
    fail("alice", "10.0.0.1")
    later = timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(seconds=5)
    with time_machine.travel(later, tick=False):
        response, signed_in = sign_in("alice", PASSWORD, "10.0.0.1")
    assert response.status_code == 302
    assert signed_in


def test_a_refused_attempt_hashes_no_password_and_costs_far_less_than_one_hash(alice, settings):
    """With the production hasher (PBKDF2): a locked-out attempt never reaches it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    fail("alice", "10.0.0.1")
    started = time.perf_counter()
    make_password(PASSWORD)
    one_hash = time.perf_counter() - started

    with (
        mock.patch.object(PBKDF2PasswordHasher, "encode", autospec=True) as encode,
        mock.patch.object(PBKDF2PasswordHasher, "verify", autospec=True) as verify,
    ):
        started = time.perf_counter()
        response, signed_in = sign_in("alice", PASSWORD, "10.0.0.1")
        refused_in = time.perf_counter() - started
    assert response.status_code == 429
    assert encode.call_count == 0
    assert verify.call_count == 0
    assert refused_in < one_hash / 3, (refused_in, one_hash)
