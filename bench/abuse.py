"""Benchmark (not a test): `nashra serve` under abuse, on loopback, for a bounded time.

    python bench/abuse.py                 # 5 minutes (the issue's run)
    python bench/abuse.py --seconds 60    # a short run

A fresh SQLite newsroom (`nashra setup --demo`) in a temporary directory, served by
`nashra serve` with its default workers and the page cache on, as in production. Four
kinds of client run at once, each on its own threads and keep-alive connections:

- normal readers: the home page, section pages and stories, no cookies;
- junk readers: the same pages with a random `sessionid` cookie and a random query
  string on every request (the cache-busting attack; as many connections as normal);
- a login flood: wrong passwords for the demo account at /admin/login/ (with CSRF);
- the purge: halfway through, a story is published from another process (every purged
  cache is renewed while the readers keep coming).

It prints errors per class (5xx, timeouts, refused connections), requests/s and latency
percentiles per class, the web workers' memory (RSS) every few seconds, and the junk
readers' rate as a ratio of the normal readers' rate: both run over the same seconds on
the same number of connections, so the ratio compares them under the same load.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
READER_PATHS_SQL = "SELECT url_path FROM wagtailcore_page WHERE live AND depth >= 3"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.errors: dict[str, int] = {}

    def record(self, status: int | None, seconds: float, error: str = "") -> None:
        with self.lock:
            if error:
                self.errors[error] = self.errors.get(error, 0) + 1
                return
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status >= 500:
                self.errors[f"HTTP {status}"] = self.errors.get(f"HTTP {status}", 0) + 1

    def summary(self, seconds: float) -> dict:
        ordered = sorted(self.latencies)

        def pct(p: float) -> float:
            return round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1)

        return {
            "requests": len(ordered),
            "per_second": round(len(ordered) / seconds, 1),
            "p50_ms": pct(0.50) if ordered else None,
            "p95_ms": pct(0.95) if ordered else None,
            "p99_ms": pct(0.99) if ordered else None,
            "statuses": dict(sorted(self.statuses.items())),
            "errors": self.errors,
        }


class Client:
    """One keep-alive connection; reconnects after an error."""

    def __init__(self, port: int, timeout: float = 30):
        self.port = port
        self.timeout = timeout
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, self.timeout)
        try:
            self.connection.request(method, path, body=body, headers=headers or {})
            response = self.connection.getresponse()
            data = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, response.getheaders(), data
        except Exception:
            self.close()
            raise

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def timed(stats: Stats, call) -> tuple[int, list, bytes] | None:
    began = time.monotonic()
    try:
        status, headers, body = call()
    except TimeoutError:
        stats.record(None, 0, "timeout")
        return None
    except (ConnectionError, http.client.HTTPException, OSError) as error:
        stats.record(None, 0, type(error).__name__)
        return None
    stats.record(status, time.monotonic() - began)
    return status, headers, body


def junk_token(length: int = 32) -> str:
    return "".join(random.choices(string.ascii_letters + string.digits, k=length))


def reader(port: int, paths: list[str], stats: Stats, stop: threading.Event, junk: bool):
    client = Client(port)
    while not stop.is_set():
        path = random.choice(paths)
        headers = {"Accept": "text/html", "User-Agent": "bench-abuse"}
        if junk:
            query = urlencode({junk_token(6): junk_token(12), "utm_source": junk_token(8)})
            path = f"{path}?{query}"
            headers["Cookie"] = f"sessionid={junk_token()}; csrftoken={junk_token()}"
        timed(stats, lambda p=path, h=headers: client.request("GET", p, headers=h))
    client.close()


CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def login_flood(port: int, stats: Stats, stop: threading.Event, username: str):
    client = Client(port)
    cookie = ""
    token = ""
    attempt = 0
    while not stop.is_set():
        if not token:
            result = timed(stats, lambda: client.request("GET", "/admin/login/"))
            if result is None:
                continue
            _, headers, body = result
            for name, value in headers:
                if name.lower() == "set-cookie" and value.startswith("csrftoken="):
                    cookie = value.split(";", 1)[0]
            match = CSRF_INPUT.search(body)
            token = match.group(1).decode() if match else ""
            continue
        attempt += 1
        form = urlencode(
            {"csrfmiddlewaretoken": token, "username": username, "password": f"wrong-{attempt}"}
        ).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Referer": f"http://127.0.0.1:{port}/admin/login/",
        }
        result = timed(
            stats, lambda f=form, h=headers: client.request("POST", "/admin/login/", f, h)
        )
        if result is None or result[0] == 403:
            token = ""  # start again with a fresh form
    client.close()


def web_worker_rss(serve_pid: int) -> dict[int, int]:
    """RSS (MB) of each gunicorn worker: the children of gunicorn's master process."""

    def children(pid: int) -> list[int]:
        found = []
        for task in Path(f"/proc/{pid}/task").glob("*"):
            try:
                found += [int(p) for p in (task / "children").read_text().split()]
            except OSError:
                pass
        return found

    def cmdline(pid: int) -> str:
        try:
            return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            return ""

    rss = {}
    for master in [p for p in children(serve_pid) if "gunicorn" in cmdline(p)]:
        for worker in children(master):
            try:
                status = Path(f"/proc/{worker}/status").read_text()
            except OSError:
                continue
            kb = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            rss[worker] = kb // 1024
    return rss


PUBLISH = """
import django
django.setup()
from django.contrib.auth import get_user_model
from nashra.newsroom.models import ArticlePage
story = ArticlePage.objects.live().order_by("-first_published_at").first()
user = get_user_model().objects.order_by("pk").first()
story.title = story.title + " (updated)"
story.save_revision(user=user).publish(user=user)
print(story.url_path)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=300, help="length of the run (300)")
    parser.add_argument("--readers", type=int, default=8, help="connections per reader class")
    parser.add_argument("--logins", type=int, default=4, help="login-flood connections")
    args = parser.parse_args()

    var_dir = Path(tempfile.mkdtemp(prefix="nashra-abuse-"))
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "SECRET_KEY": "bench-abuse-not-secret-" + junk_token(),
        "DEBUG": "false",
        "NASHRA_VAR_DIR": str(var_dir),
        "NASHRA_BASE_URL": f"http://127.0.0.1:{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "NASHRA_DEMO_PASSWORD": "bench-Abuse-demo-" + junk_token(12),
        "PYTHONPATH": str(ROOT / "src"),
    }
    nashra = [sys.executable, "-m", "nashra"]
    print(f"setting up a demo newsroom in {var_dir} ...", flush=True)
    subprocess.run([*nashra, "setup", "--demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen(
        [*nashra, "serve", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        return run(args, port, server, env, var_dir)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)


def run(args, port: int, server: subprocess.Popen, env: dict, var_dir: Path) -> int:
    import sqlite3

    probe = Client(port, timeout=5)
    for _ in range(300):
        try:
            if probe.request("GET", "/healthz")[0] == 200:
                break
        except OSError:
            probe.close()
        time.sleep(0.2)
    with sqlite3.connect(var_dir / "nashra.sqlite3") as db:
        url_paths = [row[0] for row in db.execute(READER_PATHS_SQL)]
    # url_path is /home-slug/section/story/: the public path drops the home page's slug.
    paths = sorted(
        {"/" + p.strip("/").split("/", 1)[1] + "/" for p in url_paths if "/" in p.strip("/")}
    )
    # Warm the page cache once, as a live site's would be, and keep the pages that exist.
    paths = [path for path in ["/", *paths[:60]] if probe.request("GET", path)[0] == 200][:40]
    probe.close()

    classes = {"normal": Stats(), "junk": Stats(), "login": Stats()}
    stop = threading.Event()
    threads = [
        threading.Thread(target=reader, args=(port, paths, classes["normal"], stop, False))
        for _ in range(args.readers)
    ]
    threads += [
        threading.Thread(target=reader, args=(port, paths, classes["junk"], stop, True))
        for _ in range(args.readers)
    ]
    threads += [
        threading.Thread(target=login_flood, args=(port, classes["login"], stop, "editor"))
        for _ in range(args.logins)
    ]
    load_before = os.getloadavg()
    began = time.monotonic()
    for thread in threads:
        thread.start()
    rss_series = []
    purge = {}
    while (elapsed := time.monotonic() - began) < args.seconds:
        rss_series.append((round(elapsed), web_worker_rss(server.pid)))
        if not purge and elapsed >= args.seconds / 2:
            started = time.monotonic()
            result = subprocess.run(
                [sys.executable, "-c", PUBLISH],
                env={**env, "DJANGO_SETTINGS_MODULE": "nashra.site.settings"},
                capture_output=True,
                text=True,
            )
            purge = {
                "at_s": round(elapsed),
                "ok": result.returncode == 0,
                "took_s": round(time.monotonic() - started, 1),
            }
        time.sleep(min(5, max(0.1, args.seconds - elapsed)))
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    seconds = time.monotonic() - began
    rss_series.append((round(seconds), web_worker_rss(server.pid)))

    report = {name: stats.summary(seconds) for name, stats in classes.items()}
    normal, junk = report["normal"]["per_second"], report["junk"]["per_second"]
    totals = [sum(rss.values()) for _, rss in rss_series if rss]
    output = {
        "seconds": round(seconds),
        "connections": {"normal": args.readers, "junk": args.readers, "login": args.logins},
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "classes": report,
        "junk_rate_over_normal_rate": round(junk / normal, 3) if normal else None,
        "purge": purge,
        "web_workers_rss_mb_total": {
            "first": totals[0] if totals else None,
            "max": max(totals) if totals else None,
            "last": totals[-1] if totals else None,
        },
        "rss_series": [[t, sum(rss.values())] for t, rss in rss_series],
    }
    print(json.dumps(output, indent=2))
    errors = sum(sum(r["errors"].values()) for r in report.values())
    print(
        f"\n{round(seconds)} s; errors {errors}; normal {normal}/s, junk {junk}/s "
        f"(ratio {output['junk_rate_over_normal_rate']}), login {report['login']['per_second']}/s; "
        f"worker RSS {output['web_workers_rss_mb_total']} MB; purge {purge}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
