"""A real local HTTP server that replays weather-provider responses.

Used by the engine tests and reusable by the Django-side tests::

    from tests.support.fake_weather_server import FakeWeatherServer, fake_weather_server

    def test_something(fake_weather_server):          # the pytest fixture below
        fake_weather_server.serve_fixture("/v1/forecast", "openmeteo_forecast_daily_dubai.json")
        settings = {"open-meteo": {"base_url": fake_weather_server.url, "timeout": 0.5}}
        ...
        assert fake_weather_server.requests[0].query["timezone"] == "Asia/Dubai"

    with FakeWeatherServer() as server:              # or as a context manager
        server.serve("/metar", body="...", status=500, delay=0.2)

To use the fixture from another test package, import it into that package's
``conftest.py`` (``from tests.support.fake_weather_server import fake_weather_server``)
or list ``"tests.support.fake_weather_server"`` in ``pytest_plugins``.

Routes match on the path only (the query string is recorded, not matched). A route may
hold several responses, served in turn; the last one repeats. Unknown paths get a 404.
:func:`closed_port_url` gives a URL where nothing listens (connection refused).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "weather" / "fixtures"


def fixture_text(name: str) -> str:
    """The text of one recorded provider response in ``tests/data/weather/fixtures``."""
    return (FIXTURES / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Canned:
    """One canned response."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/json"
    delay: float = 0.0  # seconds to sleep before answering (for timeout tests)
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordedRequest:
    """What the server saw: path, query (last value per key) and headers (lower-case keys)."""

    path: str
    query: dict[str, str]
    headers: dict[str, str]


class FakeWeatherServer:
    """``ThreadingHTTPServer`` on 127.0.0.1, a free port, in a daemon thread."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Canned]] = {}
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:54321`` (no trailing slash)."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def serve(
        self,
        path: str,
        body: str | bytes = b"",
        *,
        status: int = 200,
        content_type: str = "application/json",
        delay: float = 0.0,
        headers: dict[str, str] | None = None,
        then: list[Canned] | None = None,
    ) -> None:
        """Answer GET ``path`` with this response (then the ``then`` ones, in turn)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        first = Canned(data, status, content_type, delay, headers or {})
        with self._lock:
            self.routes[path] = [first, *(then or [])]

    def serve_fixture(self, path: str, name: str, **kwargs: object) -> None:
        """Answer ``path`` with fixture file ``name`` (same keyword options as :meth:`serve`)."""
        if name.endswith(".txt"):
            kwargs.setdefault("content_type", "text/plain")
        self.serve(path, fixture_text(name), **kwargs)  # type: ignore[arg-type]

    def hits(self, path: str) -> int:
        """How many requests ``path`` received."""
        return sum(1 for r in self.requests if r.path == path)

    def close(self) -> None:
        """Stop serving and free the port."""
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FakeWeatherServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _next(self, path: str) -> Canned | None:
        with self._lock:
            queue = self.routes.get(path)
            if not queue:
                return None
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                parts = urlsplit(self.path)
                with server._lock:
                    server.requests.append(
                        RecordedRequest(
                            parts.path,
                            dict(parse_qsl(parts.query)),
                            {k.lower(): v for k, v in self.headers.items()},
                        )
                    )
                canned = server._next(parts.path) or Canned(
                    b'{"error": true, "reason": "no such route"}', 404
                )
                if canned.delay:
                    time.sleep(canned.delay)
                try:
                    self.send_response(canned.status)
                    self.send_header("Content-Type", canned.content_type)
                    self.send_header("Content-Length", str(len(canned.body)))
                    for key, value in canned.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(canned.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output clean

        return Handler


def closed_port_url() -> str:
    """A base URL on 127.0.0.1 where nothing listens: connecting is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def fake_weather_server() -> Iterator[FakeWeatherServer]:
    """A running :class:`FakeWeatherServer`, closed after the test."""
    with FakeWeatherServer() as server:
        yield server
