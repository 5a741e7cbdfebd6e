"""`nashra serve`'s supervisor: the web server is the site, the task worker is a helper.

The web server (gunicorn) runs for as long as `nashra serve` does: if it ends, the
supervisor stops everything and exits with its code. The task worker (Huey's consumer)
may die (killed, out of memory, Redis unreachable at start): the supervisor logs it and
starts another after a back-off that doubles from `FIRST_DELAY` up to `MAX_DELAY`, and
starts again from `FIRST_DELAY` once a worker has stayed up for `STABLE_AFTER` seconds.
While the worker is down the site keeps serving, and scheduled stories still go live on
the next reader's request (`PublishOverdueMiddleware`).

SIGTERM and SIGINT (Ctrl-C) stop both processes: SIGTERM first, SIGKILL after
`STOP_GRACE` seconds.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

logger = logging.getLogger("nashra.serve")

FIRST_DELAY = 1.0
MAX_DELAY = 60.0
STABLE_AFTER = 60.0
STOP_GRACE = 10.0
POLL = 0.2


def restart_delay(failures: int) -> float:
    """Seconds to wait before the next start after `failures` quick deaths in a row."""
    return min(MAX_DELAY, FIRST_DELAY * 2 ** max(0, failures - 1))


@dataclass
class Restartable:
    """A helper process that is started again whenever it ends."""

    name: str
    command: Sequence[str]
    start: Callable[[Sequence[str]], subprocess.Popen] = subprocess.Popen
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    failures: int = 0
    next_start: float = 0.0
    restarts: int = field(default=0)

    def launch(self, now: float) -> None:
        self.process = self.start(self.command)
        self.started_at = now

    def check(self, now: float) -> None:
        """Notice a death (and schedule the restart), or restart when the time has come."""
        if self.process is not None:
            code = self.process.poll()
            if code is None:
                return
            lived = now - self.started_at
            self.failures = 1 if lived >= STABLE_AFTER else self.failures + 1
            delay = restart_delay(self.failures)
            logger.warning(
                "%s (pid %s) ended with code %s after %.0f s; starting it again in %.0f s",
                self.name,
                self.process.pid,
                code,
                lived,
                delay,
            )
            self.process = None
            self.next_start = now + delay
            return
        if now >= self.next_start:
            self.restarts += 1
            self.launch(now)
            logger.warning("%s started again (pid %s)", self.name, self.process.pid)


class Stop(Exception):
    """SIGTERM or SIGINT arrived."""


def supervise(web: subprocess.Popen, helpers: list[Restartable]) -> int:
    """Run until the web server ends or we are told to stop; then stop everything."""

    def stop(signum, frame):
        raise Stop

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    code = 0
    try:
        while True:
            code = web.poll()
            if code is not None:
                logger.error("the web server ended with code %s; stopping", code)
                break
            now = time.monotonic()
            for helper in helpers:
                helper.check(now)
            time.sleep(POLL)
    except Stop:
        code = 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, signal.SIG_IGN if sig == signal.SIGINT else handler)
        stop_all([web, *(helper.process for helper in helpers if helper.process)])
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("Nashra stopped.", flush=True)
    return code


def stop_all(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + STOP_GRACE
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[%(asctime)s] [nashra serve] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
