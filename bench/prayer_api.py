"""Benchmark (not a test): server time of one place-day through the prayer API.

    PYTHONPATH=src python bench/prayer_api.py [N]

Runs the whole Django stack in-process (test settings, a fresh SQLite database in a
temporary directory, local-memory cache) and times N requests with Django's test client:
URL routing, ninja parsing and validation, the Jumu'ah schedule query, the engine, JSON.
"""

from __future__ import annotations

import os
import statistics
import sys
import time


def main(n: int = 2000) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.site.settings_test")
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    client = Client(HTTP_HOST="localhost")
    cases = {
        "place=dubai (UAE, Jumu'ah lookup)": {"place": "dubai", "date": "2023-09-22"},
        "lat/lon/tz (MWL)": {
            "lat": "51.5",
            "lon": "-0.12",
            "tz": "Europe/London",
            "method": "mwl",
            "date": "2023-09-22",
        },
    }
    for label, params in cases.items():
        for _ in range(50):  # warm-up: imports, caches, first query
            client.get("/api/v1/prayer-times", params)
        samples = []
        for _ in range(n):
            t0 = time.perf_counter()
            response = client.get("/api/v1/prayer-times", params)
            samples.append(time.perf_counter() - t0)
            assert response.status_code == 200
        samples.sort()
        mean = statistics.fmean(samples) * 1000
        p95 = samples[int(0.95 * len(samples)) - 1] * 1000
        rate = f"{1000 / mean:.0f} req/s, one process"
        print(f"{label:36s} n={n}  mean {mean:.2f} ms  p95 {p95:.2f} ms  ({rate})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
