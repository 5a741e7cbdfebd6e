"""The supervisor's restart policy, without processes: back-off doubles, is capped, resets."""

from __future__ import annotations

from nashra.site import supervisor
from nashra.site.supervisor import Restartable, restart_delay


class FakeProcess:
    def __init__(self, pid: int):
        self.pid = pid
        self.returncode = None

    def poll(self):
        return self.returncode


def test_the_delay_doubles_and_is_capped():
    delays = [restart_delay(n) for n in range(1, 10)]

    assert delays[:4] == [1.0, 2.0, 4.0, 8.0]
    assert max(delays) == supervisor.MAX_DELAY


def test_a_dead_helper_is_started_again_after_the_delay():
    started = []

    def start(command):
        started.append(FakeProcess(len(started) + 1))
        return started[-1]

    helper = Restartable("worker", ["run"], start=start)
    helper.launch(0.0)
    started[0].returncode = -9

    helper.check(1.0)  # dies quickly: first failure, 1 s
    helper.check(1.5)
    assert len(started) == 1
    helper.check(2.0)
    assert len(started) == 2

    started[1].returncode = 1
    helper.check(2.5)  # second quick death: 2 s
    helper.check(4.0)
    assert len(started) == 2
    helper.check(4.5)
    assert len(started) == 3


def test_a_worker_that_lived_long_restarts_after_the_first_delay_again():
    started = []

    def start(command):
        started.append(FakeProcess(len(started) + 1))
        return started[-1]

    helper = Restartable("worker", ["run"], start=start, failures=5)
    helper.launch(0.0)
    started[0].returncode = -9

    helper.check(supervisor.STABLE_AFTER + 10)
    helper.check(supervisor.STABLE_AFTER + 10 + supervisor.FIRST_DELAY)

    assert len(started) == 2
