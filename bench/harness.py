"""What the newsroom and search benchmarks share: the databases, the process, the clock.

Each database is measured in its own Python process (Django settles on one database per
process), warm: a few requests first, then the timed ones. The parent prints the table.
The bench databases are made by `bench/make_db.py` (see the README's "Measured" section).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAR = Path(os.environ.get("NASHRA_VAR_DIR") or ROOT / "var")
BIG = 100_000
SMALL = 0  # the demo newsroom alone: 50 articles


def default_url(articles: int) -> str:
    return f"sqlite:///{VAR / f'bench-{articles}.sqlite3'}"


def describe(url: str) -> str:
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def make_database(url: str, articles: int) -> None:
    """The small database is made on demand; the big one takes minutes, so it must exist."""
    command = [
        sys.executable,
        str(ROOT / "bench" / "make_db.py"),
        "--articles",
        str(articles),
        "--database-url",
        url,
    ]
    env = {**os.environ, "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)


def sqlite_missing(url: str) -> bool:
    return url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists()


def measure_in_child(script: str, url: str, args: list[str]) -> dict:
    """Run `script --measure URL args...` and read the JSON it prints last."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "nashra.site.settings_test",
        "NASHRA_VAR_DIR": str(VAR),  # the bench database's images live here
        "NASHRA_PAGE_CACHE_SECONDS": "0",
        "NASHRA_CACHE_PREFIX": f"nashra-bench-{os.getpid()}",
    }
    env.pop("REDIS_URL", None)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, script, "--measure", url, *args], env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"measuring {url} failed")
    return json.loads(result.stdout.strip().splitlines()[-1])


def setup_django() -> None:
    import django

    django.setup()


def timed_get(
    client, url: str, repeat: int, warm: int = 3, expect: int = 200, samples: bool = False
) -> dict:
    """p50, p95 and mean milliseconds of `repeat` GETs after `warm` untimed ones, and the
    number of queries one GET makes (and every sample, when asked)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warm):
        response = client.get(url)
        if response.status_code != expect:
            raise SystemExit(f"GET {url} answered {response.status_code}, not {expect}")
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    cache.clear()  # count the queries of a request that runs the overdue check too
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    times.sort()
    result = {
        "p50": statistics.median(times),
        "p95": times[max(0, round(0.95 * len(times)) - 1)],
        "mean": statistics.fmean(times),
        "queries": len(captured),
    }
    if samples:
        result["samples"] = times
    return result


def machine_load() -> str:
    """The load average, printed with the figures: 2 shared cores make timings noisy."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def print_table(title: str, rows: list[tuple], small: dict, big: dict, targets: dict) -> bool:
    """One line per measured request: small and big p50/p95, ratio, queries, target."""
    print(title)
    print(
        f"{'request':44s} {'small p50':>9s} {'100k p50':>9s} {'100k p95':>9s} {'ratio':>6s}"
        f" {'queries':>9s}  target"
    )
    all_met = True
    for key, label in rows:
        s, b = small[key], big[key]
        target = targets.get(key)
        met = target is None or b["p95"] <= target
        all_met &= met
        verdict = f"< {target} ms {'ok' if met else 'MISSED'}" if target else ""
        print(
            f"{label:44s} {s['p50']:8.1f}  {b['p50']:8.1f}  {b['p95']:8.1f}"
            f"  {b['p50'] / s['p50']:5.2f}x"
            f" {s['queries']:4d}/{b['queries']:<4d}  {verdict}"
        )
    return all_met
