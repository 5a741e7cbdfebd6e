"""PostgreSQL stopped and started again under a running site (issue 15, "Faults").

The site runs on a private PostgreSQL cluster (tests/support/private_postgres.py; the
machine's shared one is never stopped). While it is down, a reader gets the friendly 503
page (not a 500 traceback) and /healthz says 503 without naming the host; when it is back,
the same server process serves again, and what was committed before the stop is there.
"""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from tests.support.private_postgres import BIN, PrivatePostgres
from tests.support.serve import base_env, free_port, run_nashra

pytestmark = pytest.mark.database


@pytest.fixture
def private_postgres():
    cluster = PrivatePostgres.create()
    yield cluster
    cluster.remove()


def fill(cluster: PrivatePostgres, demo_template, url: str, var_dir) -> None:
    """The demo newsroom in the private cluster: copied when the session runs on
    PostgreSQL (pg_dump of the session's template), else migrated and loaded."""
    if demo_template.postgres_name:
        source = demo_template.admin_url.rsplit("/", 1)[0] + f"/{demo_template.postgres_name}"
        dump = subprocess.run(
            [str(BIN / "pg_dump"), "--no-owner", "--no-privileges", source],
            capture_output=True,
            check=True,
            timeout=120,
        )
        subprocess.run(
            [str(BIN / "psql"), "-q", "-v", "ON_ERROR_STOP=1", url],
            input=dump.stdout,
            capture_output=True,
            check=True,
            timeout=120,
        )
        return
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {**base_env(free_port(), var_dir), "DATABASE_URL": url}
    run_nashra(env, "setup", "--demo")


def wait_for_status(server, path: str, status: int, seconds: float) -> tuple[int, bytes]:
    deadline = time.monotonic() + seconds
    answer = (0, b"")
    while time.monotonic() < deadline:
        answer = server.get(path, timeout=30)
        if answer[0] == status:
            return answer
        time.sleep(0.3)
    raise AssertionError(f"{path} answered {answer[0]}, not {status}, for {seconds} s")


def test_reader_pages_503_while_postgres_is_down_and_recover_without_a_restart(
    serve, private_postgres, demo_template, tmp_path
):
    url = private_postgres.create_database("nashra")
    fill(private_postgres, demo_template, url, tmp_path / "setup")
    server = serve(database_url=url, worker=False, workers=1)
    assert server.get("/", timeout=60)[0] == 200
    server.django(  # a write committed before the stop
        "from django.contrib.auth import get_user_model\n"
        "get_user_model().objects.create_user('witness-before-the-outage')\n"
    )

    private_postgres.stop()
    status, page = server.get("/")
    health_status, health = server.get("/healthz")

    assert status == 503
    assert "briefly unavailable" in page.decode()
    assert "Traceback" not in page.decode()
    assert health_status == 503
    assert json.loads(health)["checks"]["database"]["state"] == "unavailable"
    assert str(private_postgres.port) not in health.decode()

    private_postgres.start()
    wait_for_status(server, "/healthz", 200, 30)
    assert server.get("/")[0] == 200
    assert server.process.poll() is None  # the same server, never restarted
    survivor = server.django(
        "from django.contrib.auth import get_user_model\n"
        "print(get_user_model().objects.filter(username='witness-before-the-outage').count())\n"
    )
    assert survivor.strip() == "1"
