"""`nashra createadmin`: the first administrator, under the password policy, never echoed."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model

from nashra.cli import main

pytestmark = pytest.mark.django_db

GOOD = "copper kettle under dune light"


def run(argv: list[str]) -> int:
    """`nashra ARGV`'s exit code, whether argparse exits or main returns."""
    try:
        return main(argv)
    except SystemExit as exit:
        return exit.code


def createadmin(monkeypatch, capsys, stdin: str, *args: str):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run(["createadmin", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_creates_a_superuser_and_never_prints_the_password(monkeypatch, capsys):
    code, out, err = createadmin(
        monkeypatch,
        capsys,
        GOOD + "\n",
        "--username",
        "layla",
        "--email",
        "layla@example.org",
        "--password-stdin",
    )
    assert code == 0, err
    user = get_user_model().objects.get(username="layla")
    assert user.is_superuser
    assert user.check_password(GOOD)
    assert GOOD not in out + err


@pytest.mark.parametrize(
    "password, reason",
    [
        ("short-pw", "too short"),
        ("739164820573", "entirely numeric"),
        ("layla-at-the-desk", "contains the username"),
        ("nashra-admin-2026", "name of the site"),
    ],
)
def test_a_weak_password_exits_2_with_one_line(monkeypatch, capsys, password, reason):
    code, out, err = createadmin(
        monkeypatch,
        capsys,
        password + "\n",
        "--username",
        "layla",
        "--email",
        "layla@example.org",
        "--password-stdin",
    )
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert reason in lines[0]
    assert password not in out + err
    assert not get_user_model().objects.filter(username="layla").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--username", "layla"], "required: --email"),
        (["--username", "layla", "--email", "not-an-address"], "not an e-mail address"),
        (["--username", "bad name!", "--email", "a@example.org"], "username refused"),
        (["--username", "layla", "--email", "a@example.org"], "pass --password-stdin"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(monkeypatch, capsys, args, message):
    monkeypatch.setattr("sys.stdin", io.StringIO(GOOD + "\n"))  # not a terminal
    if message != "pass --password-stdin":
        args = [*args, "--password-stdin"]
    assert run(["createadmin", *args]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0]


def test_an_existing_username_is_refused(monkeypatch, capsys, editor):
    code, out, err = createadmin(
        monkeypatch,
        capsys,
        GOOD + "\n",
        "--username",
        editor.username,
        "--email",
        "x@example.org",
        "--password-stdin",
    )
    assert code == 2
    assert "already exists" in err
