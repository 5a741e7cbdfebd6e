"""The task worker dies; the site does not (issue 15, "Faults").

`nashra serve` used to stop gunicorn within a second of the worker's death. Now the
supervisor starts a new worker after a back-off and the web server never notices.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

pytestmark = pytest.mark.database


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"{what} did not happen within {seconds} s")


def test_killing_the_worker_leaves_the_site_up_and_a_new_worker_starts(serve):
    server = serve(worker=True)
    assert server.get("/", timeout=60)[0] == 200  # warm: the first page renders cold
    first_worker = wait_for(server.worker_pids, 60, "the task worker's start")[0]
    web = server.web_pids()

    os.kill(first_worker, signal.SIGKILL)
    statuses = []
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        statuses.append(server.get("/", timeout=30)[0])
        time.sleep(0.1)

    assert set(statuses) == {200}, statuses
    assert server.process.poll() is None
    assert server.web_pids() == web
    new_worker = wait_for(
        lambda: [pid for pid in server.worker_pids() if pid != first_worker],
        30,
        "a new task worker",
    )
    assert new_worker
    assert "starting it again" in server.output()


def test_sigterm_stops_the_web_server_and_the_worker(serve):
    server = serve(worker=True)
    wait_for(server.worker_pids, 60, "the task worker's start")
    children = list(server.children())

    assert server.stop(timeout=20) == 0
    assert [pid for pid in children if os.path.exists(f"/proc/{pid}")] == []


def test_an_unreachable_redis_at_start_does_not_take_the_site_down(serve):
    from tests.support.serve import free_port

    closed = free_port()  # nothing listens there
    server = serve(worker=True, env={"REDIS_URL": f"redis://127.0.0.1:{closed}/0"})

    wait_for(lambda: "starting it again" in server.output(), 90, "the worker's restart")
    assert server.process.poll() is None
    assert server.web_pids()
    status, _ = server.get("/healthz")
    assert status in (200, 503)  # answered: the web server is up
