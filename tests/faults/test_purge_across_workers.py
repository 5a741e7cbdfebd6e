"""Without Redis, a kill is seen by every gunicorn worker at once (docs: "answers 410 at once").

Each worker keeps its own in-memory page cache; the purge generation they key it by is
shared through a file (nashra.kernel.cache.FileGeneration). The test serves the demo
newsroom with `nashra serve` and three workers, no Redis, warms a story on every worker,
kills it from another process through the kill action, and asks again from many
connections at once.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 3
SRC = Path(__file__).resolve().parents[2] / "src"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str | None]:
    request = urllib.request.Request(url, headers={"Connection": "close"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("X-Nashra-Cache")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Nashra-Cache")


def own_database(session_url: str) -> tuple[str, callable]:
    """SQLite in the server's directory, or (in the PostgreSQL CI run) a database of its own."""
    if not session_url.startswith(("postgres://", "postgresql://")):
        return "", lambda: None
    import psycopg

    name = f"nashra_workers_{os.getpid()}"
    admin_url = session_url.rsplit("/", 1)[0] + "/postgres"

    def drop() -> None:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return session_url.rsplit("/", 1)[0] + f"/{name}", drop


@pytest.fixture
def three_workers(demo_template):
    template = demo_template  # the session's demo newsroom; other tests start from it too
    port = free_port()
    var_dir = Path(tempfile.mkdtemp(prefix="nashra-workers-"))
    database_url, drop_database = own_database(os.environ.get("DATABASE_URL", ""))
    env = {
        **{
            key: value
            for key, value in os.environ.items()
            if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL")
        },
        "SECRET_KEY": "workers-test",
        "DEBUG": "false",
        "NASHRA_VAR_DIR": str(var_dir),
        "NASHRA_PAGE_CACHE_SECONDS": "600",
        "NASHRA_CACHE_PREFIX": f"nashra-workers-{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONPATH": str(SRC),
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    template.restore(var_dir, database_url)
    template.point_site_at(var_dir, database_url, "127.0.0.1", port)
    subprocess.run(
        [sys.executable, "-m", "nashra", "setup"], env=env, capture_output=True, timeout=300
    ).check_returncode()
    server = subprocess.Popen(
        [sys.executable, "-m", "nashra", "serve", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", str(WORKERS), "--no-worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(var_dir / "serve.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while fetch_or_none(f"{base}/healthz") != 200:
        assert time.monotonic() < deadline, "nashra serve did not answer /healthz in 90 s"
        time.sleep(0.3)
    yield base, env, var_dir
    server.terminate()
    server.wait(timeout=30)
    drop_database()


def fetch_or_none(url: str) -> int | None:
    try:
        return fetch(url)[0]
    except OSError:
        return None


def kill_from_another_process(env: dict, article_pk: int) -> None:
    code = (
        "import django\ndjango.setup()\n"
        "from nashra.newsroom.actions import KillStoryAction\n"
        "from nashra.newsroom.models import ArticlePage\n"
        f"story = ArticlePage.objects.get(pk={article_pk})\n"
        "KillStoryAction(story, user=None, reason='Withdrawn on legal advice.')"
        ".execute(skip_permission_checks=True)\n"
    )
    env = {**env, "DJANGO_SETTINGS_MODULE": "nashra.site.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_a_killed_story_answers_410_from_every_worker_at_once(three_workers):
    from nashra.newsroom.models import ArticlePage

    base, env, var_dir = three_workers
    story = ArticlePage.objects.live().filter(locale__language_code="en").first()
    url = base + story.url

    # One request at a time, each on a new connection: every miss is a worker's first
    # sight of the story, so WORKERS misses mean every worker has it cached.
    misses, asked = 0, 0
    while misses < WORKERS:
        assert asked < 400, f"only {misses} of {WORKERS} workers answered in {asked} requests"
        status, state = fetch(url)
        assert status == 200, (var_dir / "serve.log").read_text()[-3000:]
        misses += state == "miss"
        asked += 1
    assert fetch(url) == (200, "hit")

    kill_from_another_process(env, story.pk)

    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(lambda _: fetch(url)[0], range(60)))
    assert answers == [410] * 60
