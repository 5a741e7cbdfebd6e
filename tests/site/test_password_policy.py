"""The password policy (settings.AUTH_PASSWORD_VALIDATORS), one test per rule.

Rules after NIST SP 800-63B §5.1.1.2 and OWASP ASVS 4.0 V2.1: at least 12 characters,
not on a list of common passwords, not all digits, not like the user's own details, not
containing the service's name or the username. A policy-passing passphrase is accepted.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

# On Django's common-password list (django/contrib/auth/common-passwords.txt.gz, from
# Royce Williams' list of 20,000 passwords seen in breaches), and 12 characters long.
COMMON_LONG = "qwerty123456"


def user(username="fatima.hashimi", email="fatima.hashimi@example.org"):
    return get_user_model()(username=username, email=email, first_name="Fatima")


def refusal_codes(password: str, account=None) -> set[str]:
    try:
        validate_password(password, account or user())
    except ValidationError as error:
        return {item.code for item in error.error_list}
    return set()


def test_a_long_unrelated_passphrase_is_accepted():
    assert refusal_codes("copper kettle under dune light") == set()


def test_eleven_characters_are_too_short():
    assert refusal_codes("kettle-dun7") == {"password_too_short"}


def test_twelve_characters_are_long_enough():
    assert refusal_codes("kettle-dune7") == set()


def test_a_common_password_is_refused_whatever_its_length():
    assert "password_too_common" in refusal_codes(COMMON_LONG)


def test_digits_only_are_refused():
    assert "password_entirely_numeric" in refusal_codes("739164820573")


def test_a_password_like_the_users_email_is_refused():
    assert "password_too_similar" in refusal_codes("fatima.hashimi@example")


@pytest.mark.parametrize("password", ["nashra-demo-2026", "My Nash-Ra password", "كلمة نشرة سر"])
def test_the_sites_name_is_refused(password):
    assert "password_has_site_name" in refusal_codes(password)


def test_the_username_inside_a_longer_password_is_refused():
    assert "password_has_username" in refusal_codes(
        "the-editor-desk-key", user(username="editor", email="desk@example.org")
    )


def test_the_old_demo_password_is_refused():
    assert refusal_codes("nashra-demo", user(username="editor")) >= {
        "password_too_short",
        "password_has_site_name",
    }
