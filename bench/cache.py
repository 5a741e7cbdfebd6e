"""Cached pages against the ceiling, on SQLite + in-process cache and PostgreSQL + Redis.

    python bench/cache.py [--postgres postgresql://postgres@127.0.0.1:5432/nashra_cache
                           --redis redis://127.0.0.1:6379/15] [--rounds 3] [--seconds 4]

Each stack runs `nashra serve` (gunicorn, 2 workers x 4 threads) on loopback with
bench/ceiling_settings.py: Nashra's URLs plus the ceiling, a bare Django view returning
30 KB through the same middleware. A bounded load generator (8 keep-alive connections)
asks each URL for --seconds, rounds interleaved (ceiling, home, article, section, ...);
it reports requests/s and the workers' CPU per request, and the ratio of each page to the
ceiling measured in the same round (min/median/max over rounds).
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONNECTIONS = 8
PAGES = {"ceiling": "/api/bench-ceiling/", "home": "/", "section": None, "article": None}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def workers_cpu(master: int) -> float:
    """CPU seconds used so far by gunicorn's workers (the master's children)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for child in Path(f"/proc/{master}/task/{master}/children").read_text().split():
        fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def load(port: int, path: str, seconds: float) -> tuple[int, list[float]]:
    done, latencies, errors = [0], [], []
    deadline = time.monotonic() + seconds
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            took = time.perf_counter() - started
            with lock:
                if response.status != 200:
                    errors.append(response.status)
                done[0] += 1
                latencies.append(took)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{path} answered {errors[0]} ({len(errors)} errors)")
    return done[0], latencies


class Stack:
    def __init__(self, name: str, database_url: str, redis_url: str):
        self.name, self.port = name, free_port()
        self.var = Path(tempfile.mkdtemp(prefix="nashra-bench-cache-"))
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
            "DJANGO_SETTINGS_MODULE": "bench.ceiling_settings",
            "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
            "SECRET_KEY": "bench-only-not-secret",
            "DEBUG": "false",
            "NASHRA_VAR_DIR": str(self.var),
            "NASHRA_CACHE_PREFIX": f"bench-cache-{self.port}",
            "NASHRA_LOG_LEVEL": "WARNING",
            "DATABASE_URL": database_url,
        }
        if redis_url:
            self.env["REDIS_URL"] = redis_url
        nashra = [sys.executable, "-m", "nashra"]
        subprocess.run([*nashra, "setup"], env=self.env, check=True, capture_output=True)
        self.process = subprocess.Popen(
            [*nashra, "serve", "--bind", f"127.0.0.1:{self.port}", "--workers", "2"]
            + ["--no-worker"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                probe = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                probe.request("GET", "/healthz")
                if probe.getresponse().status == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.3)
        self.master = int(
            subprocess.run(
                ["pgrep", "-P", str(self.process.pid), "-f", "gunicorn"],
                capture_output=True,
                text=True,
            ).stdout.split()[0]
        )

    def measure(self, path: str, seconds: float) -> tuple[float, float, float]:
        """(requests/s, CPU ms per request, p99 ms)"""
        load(self.port, path, 0.5)  # warm every worker's copy
        cpu = workers_cpu(self.master)
        started = time.monotonic()
        count, latencies = load(self.port, path, seconds)
        wall = time.monotonic() - started
        used = workers_cpu(self.master) - cpu
        p99 = sorted(latencies)[int(len(latencies) * 0.99) - 1] * 1000
        return count / wall, used / count * 1000, p99

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.var, ignore_errors=True)


def page_urls(stack: Stack) -> dict[str, str]:
    code = (
        "import django; django.setup()\n"
        "from nashra.newsroom.models import ArticlePage, SectionPage\n"
        "print(SectionPage.objects.live().filter(locale__language_code='en').first().url)\n"
        "print(ArticlePage.objects.live().filter(locale__language_code='en').first().url)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=stack.env, capture_output=True, text=True, check=True
    ).stdout.split()
    return {**PAGES, "section": out[0], "article": out[1]}


def spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", default=f"sqlite:///{ROOT / 'var' / 'bench-0.sqlite3'}")
    parser.add_argument("--postgres", default="")
    parser.add_argument("--redis", default="")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4)
    args = parser.parse_args()
    stacks = []
    for name, database, redis in (
        ("SQLite + in-process", args.sqlite, ""),
        ("PostgreSQL + Redis", args.postgres, args.redis),
    ):
        if not database:
            continue
        stacks.append(Stack(name, database, redis))
    try:
        urls = page_urls(stacks[0])
        results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for _ in range(args.rounds):
            for stack in stacks:
                for page, path in urls.items():
                    results.setdefault((stack.name, page), []).append(
                        stack.measure(path, args.seconds)
                    )
    finally:
        for stack in stacks:
            stack.stop()
    print(f"machine load: {os.getloadavg()[0]:.1f} (1 min), {os.cpu_count()} cores")
    print("stack | page | req/s | CPU ms/req | p99 ms | req/s vs ceiling | CPU vs ceiling")
    print("      |      | (min / median / max over rounds; ratios within the same round)")
    for stack in stacks:
        ceiling = results[(stack.name, "ceiling")]
        for page in urls:
            rows = results[(stack.name, page)]
            rate = spread([r[0] / c[0] for r, c in zip(rows, ceiling, strict=True)])
            cpu = spread([r[1] / c[1] for r, c in zip(rows, ceiling, strict=True)])
            print(
                f"{stack.name} | {page} | {statistics.median(r[0] for r in rows):.0f} | "
                f"{statistics.median(r[1] for r in rows):.2f} | "
                f"{statistics.median(r[2] for r in rows):.1f} | {rate} | {cpu}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
