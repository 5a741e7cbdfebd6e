"""The first administrator: made by an operator, with a password the policy accepts.

`nashra createadmin --username U --email E` asks for the password twice without echo
(or reads one line from standard input with `--password-stdin`), checks it against
AUTH_PASSWORD_VALIDATORS and never prints it.
"""

from __future__ import annotations

import getpass
import sys

from nashra.kernel.errors import CommandError


def read_password(*, from_stdin: bool, stdin=None, prompt=getpass.getpass) -> str:
    """The new password, from standard input's first line or typed twice at a terminal."""
    stdin = stdin or sys.stdin
    if from_stdin:
        password = stdin.readline().rstrip("\r\n")
        if not password:
            raise CommandError("no password on standard input")
        return password
    if not stdin.isatty():
        raise CommandError("no terminal to ask for the password; pass --password-stdin")
    password = prompt("Password: ")
    if password != prompt("Password (again): "):
        raise CommandError("the two passwords differ")
    return password


def create_admin(username: str, email: str, password: str):
    """Create a superuser, refusing a taken username, a bad e-mail or a weak password."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    User = get_user_model()
    username = username.strip()
    if not username:
        raise CommandError("the username is empty")
    try:
        User._meta.get_field(User.USERNAME_FIELD).run_validators(username)
        User.username_validator(username)
    except ValidationError as error:
        raise CommandError(f"username refused: {' '.join(error.messages)}") from None
    try:
        validate_email(email)
    except ValidationError:
        raise CommandError(f"not an e-mail address: {email!r}") from None
    if User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
        raise CommandError(f"a user named {username!r} already exists")
    try:
        validate_password(password, User(username=username, email=email))
    except ValidationError as error:
        raise CommandError(f"password refused: {' '.join(error.messages)}") from None
    return User.objects.create_superuser(username, email, password)
