"""Benchmark (not a test): server time of one place-day through the prayer API.

    PYTHONPATH=src python bench/prayer_api.py [N]

Runs the whole Django stack in-process (test settings, a fresh SQLite database in a
temporary directory, local-memory cache) and calls the WSGI application the way an app
server does (``WSGIHandler()(environ, start_response)``): every middleware, URL routing,
the API view, the cached Jumu'ah schedule, the engine, JSON.  N requests are timed in
batches of 500 and the median batch is reported, as

* server CPU time per request (``time.process_time``): what the request costs the
  server, whatever else the machine is running;
* wall time per request (``time.perf_counter``), median, mean and p95 over all
  requests: on a shared machine it also counts the time other processes hold the CPU.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time

BATCH = 500


def environ(query: str) -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/api/v1/prayer-times",
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }


def main(n: int = 5000) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.site.settings_test")
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    app = WSGIHandler()
    from nashra.engines.prayer.places import uae_areas

    # A new UAE area-month on every request defeats the engine's month memo: the cold path.
    cold_months = [
        f"place={area.slug}&date={year}-{month:02d}-15"
        for year in range(1900, 2200)
        for month in range(1, 13)
        for area in uae_areas()
    ]
    cases = {
        "place=dubai (UAE, Jumu'ah lookup)": lambda i: "place=dubai&date=2023-09-22",
        "lat/lon/tz (MWL)": lambda i: (
            "lat=51.5&lon=-0.12&tz=Europe%2FLondon&method=mwl&date=2023-09-22"
        ),
        "a new area-month each (cold)": cold_months.__getitem__,
    }

    def get(query: str) -> bytes:
        status: list[str] = []
        body = b"".join(app(environ(query), lambda s, headers: status.append(s)))
        assert status[0].startswith("200"), status
        return body

    for label, query in cases.items():
        for i in range(100):  # warm-up: imports, caches, first query
            get(query(len(cold_months) - 1 - i))
        cpu, walls = [], []
        for batch in range(max(1, n // BATCH)):
            c0 = time.process_time()
            for i in range(BATCH):
                t0 = time.perf_counter()
                get(query(batch * BATCH + i))
                walls.append(time.perf_counter() - t0)
            cpu.append((time.process_time() - c0) / BATCH)
        walls.sort()
        ms = {
            "cpu": statistics.median(cpu) * 1e3,
            "median": statistics.median(walls) * 1e3,
            "mean": statistics.fmean(walls) * 1e3,
            "p95": walls[int(0.95 * len(walls)) - 1] * 1e3,
        }
        print(
            f"{label:36s} n={len(walls)}  server CPU {ms['cpu']:.3f} ms (median batch)"
            f"  wall median {ms['median']:.3f} ms  mean {ms['mean']:.3f} ms  p95 {ms['p95']:.3f} ms"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
