"""A real `nashra serve` on a free loopback port, for tests that break things around it.

    server = Served.start(demo_template, tmp_path, env={"NASHRA_...": "1"}, worker=True)
    status, body = server.get("/healthz")
    server.worker_pids()          # the task worker's pid(s), children of `nashra serve`
    server.stop()                 # SIGTERM, as an init system would

or, in a test, the `serve` fixture (a plugin of tests/conftest.py), which stops what it
started: `server = serve(worker=True, env={...})`.

The server's database is a copy of the test session's demo newsroom
(tests/support/demo_template.py): a SQLite file in `var_dir`, or, when the test session
runs on PostgreSQL, a database of its own on the same server. Pass `database_url` to point
it somewhere else (a private PostgreSQL, a closed port) and fill that database yourself.
Static files are collected once per session into one directory that every server shares
(`NASHRA_STATIC_ROOT`). The page cache is off unless `env` turns it on; with no
`REDIS_URL` in `env` the server runs on the embedded defaults whatever the session uses.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
_STATIC_ROOT: Path | None = None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(port: int, var_dir: Path) -> dict[str, str]:
    """The environment of a production-posture server of our own (no session settings)."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL")
        and not key.startswith("NASHRA_")
    }
    return {
        **inherited,
        "SECRET_KEY": "fault-tests-secret-key-not-for-production",
        "DEBUG": "false",
        "NASHRA_VAR_DIR": str(var_dir),
        "NASHRA_STATIC_ROOT": str(shared_static_root()),
        "NASHRA_PAGE_CACHE_SECONDS": "0",
        "NASHRA_BASE_URL": f"http://127.0.0.1:{port}",
        "NASHRA_CACHE_PREFIX": f"nashra-served-{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONPATH": str(SRC),
    }


def shared_static_root() -> Path:
    """Collect static files once per test session (the manifest pages need)."""
    global _STATIC_ROOT
    if _STATIC_ROOT is None:
        root = Path(tempfile.mkdtemp(prefix="nashra-served-static-"))
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
            "SECRET_KEY": "collectstatic",
            "DEBUG": "false",
            "NASHRA_STATIC_ROOT": str(root),
            "NASHRA_VAR_DIR": str(root.parent / f"{root.name}-var"),
            "PYTHONPATH": str(SRC),
        }
        run_nashra(env, "manage", "collectstatic", "--noinput", "--verbosity", "0")
        _STATIC_ROOT = root
    return _STATIC_ROOT


def run_nashra(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "nashra", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(f"nashra {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def session_database(var_dir: Path) -> tuple[str, callable]:
    """Where the copy of the demo newsroom goes: a SQLite file, or a PostgreSQL database."""
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith(("postgres://", "postgresql://")):
        return "", lambda: None
    import psycopg

    name = f"nashra_served_{os.getpid()}_{var_dir.name[-8:].lower()}"
    name = "".join(c if c.isalnum() or c == "_" else "_" for c in name)
    admin_url = base_url.rsplit("/", 1)[0] + "/postgres"

    def drop() -> None:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return base_url.rsplit("/", 1)[0] + f"/{name}", drop


@dataclass
class Served:
    process: subprocess.Popen
    port: int
    env: dict[str, str]
    var_dir: Path
    log: Path
    cleanups: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @classmethod
    def start(
        cls,
        demo_template,
        var_dir: Path,
        *,
        env: dict[str, str] | None = None,
        database_url: str | None = None,
        workers: int = 1,
        worker: bool = True,
        wait: bool = True,
    ) -> Served:
        port = free_port()
        var_dir.mkdir(parents=True, exist_ok=True)
        full_env = base_env(port, var_dir)
        cleanups = []
        if database_url is None:
            database_url, drop = session_database(var_dir)
            cleanups.append(drop)
            demo_template.restore(var_dir, database_url)
            demo_template.point_site_at(var_dir, database_url, "127.0.0.1", port)
        if database_url:
            full_env["DATABASE_URL"] = database_url
        full_env.update(env or {})
        command = [sys.executable, "-m", "nashra", "serve"]
        command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
        if not worker:
            command.append("--no-worker")
        log = var_dir / "serve.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                command, env=full_env, stdout=output, stderr=subprocess.STDOUT
            )
        server = cls(process, port, full_env, var_dir, log, cleanups)
        if wait:
            server.wait_until_serving()
        return server

    def wait_until_serving(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"nashra serve ended early:\n{self.output()}")
            try:
                status, _ = self.get("/healthz", timeout=2)
                if status in (200, 503):
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"nashra serve did not answer within {seconds} s:\n{self.output()}")

    def get(self, path: str, timeout: float = 10, **headers: str) -> tuple[int, bytes]:
        request = urllib.request.Request(self.url + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def nashra(self, *args: str) -> str:
        return run_nashra(self.env, *args)

    def django(self, code: str) -> str:
        """Run Python with Django set up against the server's database; return stdout."""
        env = {**self.env, "DJANGO_SETTINGS_MODULE": "nashra.site.settings"}
        script = "import django\ndjango.setup()\n" + code
        result = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
        )
        if result.returncode != 0:
            raise AssertionError(f"server-side code failed:\n{result.stderr}")
        return result.stdout

    def children(self) -> dict[int, str]:
        """The supervisor's child processes: pid -> command line."""
        found = {}
        for task in Path(f"/proc/{self.process.pid}/task").glob("*"):
            try:
                pids = (task / "children").read_text().split()
            except OSError:
                continue
            for pid in map(int, pids):
                try:
                    found[pid] = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                except OSError:
                    continue
        return {pid: cmd.decode(errors="replace") for pid, cmd in found.items()}

    def worker_pids(self) -> list[int]:
        return [pid for pid, cmd in self.children().items() if "run_huey" in cmd]

    def web_pids(self) -> list[int]:
        return [pid for pid, cmd in self.children().items() if "gunicorn" in cmd]

    def output(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError("nashra serve did not stop on SIGTERM") from None
        for cleanup in self.cleanups:
            cleanup()
        self.cleanups.clear()
        return self.process.returncode


@pytest.fixture
def serve(demo_template, tmp_path):
    """Start `nashra serve` servers (see `Served.start`); each is stopped after the test."""
    started: list[Served] = []

    def start(**options) -> Served:
        var_dir = tmp_path / f"served-{len(started)}"
        server = Served.start(demo_template, var_dir, **options)
        started.append(server)
        return server

    yield start
    for server in started:
        children = list(server.children())
        try:
            server.stop()  # SIGTERM: the supervisor stops gunicorn and the worker itself
        except AssertionError:
            pass
        finally:
            for pid in children:  # a supervisor that did not stop them leaves no orphan
                try:
                    if b"nashra" in Path(f"/proc/{pid}/cmdline").read_bytes():
                        os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            for cleanup in server.cleanups:
                cleanup()
            server.cleanups.clear()
