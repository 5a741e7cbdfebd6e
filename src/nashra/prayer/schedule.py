"""Prayer times as the site shows them: the engine plus the editors' Jumu'ah schedule."""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.cache import cache

from nashra.engines.prayer import (
    DayTimes,
    Jumuah,
    Method,
    Place,
    Timetable,
    compute_day,
    compute_timetable,
)
from nashra.engines.prayer.calculator import resolve_method

VERSION_KEY = "prayer:schedule-version"


def schedule_version() -> str:
    """Changed whenever an editor changes the schedule; part of every cached header key.

    A fresh random token, not a counter: a cleared or restarted cache gets a version
    no process has seen, so nothing keeps rules read under the old one.
    """
    return cache.get_or_set(VERSION_KEY, _new_version, timeout=None)


def forget_schedule() -> None:
    cache.set(VERSION_KEY, _new_version(), timeout=None)


def _new_version() -> str:
    return secrets.token_hex(8)


def jumuah_rules() -> tuple[Jumuah, ...]:
    """The JumuahTime rows as engine rules: each runs until the day before the next starts.

    Kept in the cache under the schedule version, so an edit is seen at once everywhere;
    each process also keeps the rules of the version it last saw, so a request costs one
    cache read (the version), not two.
    """
    version = schedule_version()
    seen = _SEEN.get("rules")
    if seen is not None and seen[0] == version:
        return seen[1]
    key = f"prayer:jumuah:{version}"
    rules = cache.get(key)
    if rules is None:
        rules = _load_rules()
        cache.set(key, rules, timeout=None)
    _SEEN["rules"] = (version, rules)
    return rules


#: This process's copy of the rules of the last schedule version it read.
_SEEN: dict[str, tuple[str, tuple[Jumuah, ...]]] = {}


def _load_rules() -> tuple[Jumuah, ...]:
    from nashra.prayer.models import JumuahTime

    rows = list(JumuahTime.objects.order_by("starts_on").values_list("starts_on", "time"))
    rules = []
    for i, (starts_on, time) in enumerate(rows):
        end = rows[i + 1][0] - dt.timedelta(days=1) if i + 1 < len(rows) else dt.date.max
        rules.append(Jumuah(time, starts_on, end))
    return tuple(rules)


def _schedule_for(method: Method) -> tuple[Jumuah, ...] | None:
    # Only methods that publish a Jumu'ah time (the UAE's) take the editors' schedule;
    # a London reader asking for MWL times gets no invented Friday time.
    if any(profile.jumuah for profile in method.profiles):
        return jumuah_rules()
    return None


def day_times(place: Place, date: dt.date, method: str | None = None) -> DayTimes:
    m = resolve_method(method, place)
    return compute_day(place, date, m, jumuah=_schedule_for(m))


def timetable(
    places: list[Place], start: dt.date, end: dt.date, method: str | None = None
) -> Timetable:
    m = resolve_method(method, places[0])
    return compute_timetable(places, start, end, m, jumuah=_schedule_for(m))
