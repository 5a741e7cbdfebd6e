"""Misconfiguration stops start-up with one clear line and a non-zero exit."""

import os
import subprocess
import sys

import pytest


def run_nashra(*args, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS"))
    }
    env.update({"SECRET_KEY": "x", "DEBUG": "false"})
    env.update(env_overrides)
    env = {key: value for key, value in env.items() if value is not None}
    return subprocess.run(
        [sys.executable, "-m", "nashra", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def assert_one_line_error(result, expected):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]


def test_malformed_database_url(tmp_path):
    result = run_nashra(
        "manage", "check", DATABASE_URL="postgres//oops", NASHRA_VAR_DIR=str(tmp_path)
    )
    assert_one_line_error(result, "DATABASE_URL is not a valid database URL")


def test_missing_secret_key_with_debug_off(tmp_path):
    result = run_nashra("manage", "check", SECRET_KEY=None, NASHRA_VAR_DIR=str(tmp_path))
    assert_one_line_error(result, "SECRET_KEY is not set")


def test_unreachable_postgresql(tmp_path):
    # Port 9 on loopback: nothing listens there, so the connection is refused at once.
    result = run_nashra(
        "setup",
        DATABASE_URL="postgresql://nashra@127.0.0.1:9/news",
        NASHRA_VAR_DIR=str(tmp_path),
    )
    assert_one_line_error(result, "cannot reach the database (postgresql)")


def test_bad_boolean_names_the_variable(tmp_path):
    result = run_nashra("manage", "check", DEBUG="maybe", NASHRA_VAR_DIR=str(tmp_path))
    assert_one_line_error(result, "DEBUG must be true or false")


@pytest.mark.parametrize("args", [["no-such-command"], []])
def test_unknown_command_exits_2(args):
    result = run_nashra(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
