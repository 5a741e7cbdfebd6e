"""Browser tests: Debian's Chromium, driven by Playwright, against the real app server.

Fixtures
- `site_server` (session): a real `nashra serve` (gunicorn) on 127.0.0.1 with its own
  database (a temporary SQLite file, or a fresh PostgreSQL database when DATABASE_URL
  points at PostgreSQL), started from a copy of the test session's demo newsroom
  (tests/support/demo_template.py) and then set up by `nashra setup`. The page cache
  is off so what a test writes is what the next page shows.
  - `site_server.url`: the base URL, e.g. "http://127.0.0.1:54321"
  - `site_server.nashra("weather", "refresh")`: run a `nashra` command against it
  - `site_server.django(code)`: run Python with Django set up against the server's
    database, e.g. to write a record in a given state; returns stdout.
- `browser` (session): Chromium. `page` (function): a fresh context whose device zone is
  America/Los_Angeles, so anything right in Dubai time is right for the right reason.
- `screenshot(page, name)`: saves test-artifacts/NAME.png for a person to look at.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Playwright's sync API runs an event loop in this thread; Django must not mind.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SiteServer:
    def __init__(self, env: dict[str, str], port: int):
        self.env = env
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def nashra(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "-m", "nashra", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"nashra {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
            )
        return result

    def django(self, code: str) -> str:
        script = "import django\ndjango.setup()\n" + code
        env = {**self.env, "DJANGO_SETTINGS_MODULE": "nashra.site.settings"}
        result = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
        )
        if result.returncode != 0:
            raise AssertionError(f"server-side code failed:\n{result.stderr}")
        return result.stdout

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "nashra",
                "serve",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--no-worker",
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise AssertionError("the app server did not answer /healthz within 60 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


def server_database(base_url: str) -> tuple[str, callable]:
    """A database of the server's own: SQLite by default, a PostgreSQL one in CI.

    The PostgreSQL database is made by `DemoTemplate.restore`.
    """
    if not base_url.startswith(("postgres://", "postgresql://")):
        return "", lambda: None
    import psycopg

    name = f"nashra_browser_{os.getpid()}"
    admin_url = base_url.rsplit("/", 1)[0] + "/postgres"

    def drop() -> None:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return base_url.rsplit("/", 1)[0] + f"/{name}", drop


@pytest.fixture(scope="session")
def site_server(demo_template):
    port = free_port()
    var_dir = tempfile.mkdtemp(prefix="nashra-browser-")
    database_url, drop_database = server_database(os.environ.get("DATABASE_URL", ""))
    env = {
        **{
            key: value
            for key, value in os.environ.items()
            if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")
        },
        "SECRET_KEY": "browser-tests",
        "DEBUG": "false",
        "NASHRA_VAR_DIR": var_dir,
        "NASHRA_PAGE_CACHE_SECONDS": "0",
        "NASHRA_BASE_URL": f"http://127.0.0.1:{port}",
        "NASHRA_CACHE_PREFIX": f"nashra-browser-{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # The server runs this checkout's code, whatever is installed in the venv.
        "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"),
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    server = SiteServer(env, port)
    demo_template.restore(Path(var_dir), database_url)
    demo_template.point_site_at(Path(var_dir), database_url, "127.0.0.1", port)
    server.nashra("setup")
    server.start()
    yield server
    server.stop()
    drop_database()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A 1280 px page; the site's Content-Security-Policy applies unless the test is marked
    `ignore_csp` (the XSS tests check escaping on its own, and axe-core is injected)."""
    context = browser.new_context(
        timezone_id="America/Los_Angeles",
        locale="en-US",
        viewport={"width": 1280, "height": 900},
        bypass_csp=request.node.get_closest_marker("ignore_csp") is not None,
    )
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
