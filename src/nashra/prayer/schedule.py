"""Prayer times as the site shows them: the engine plus the editors' Jumu'ah schedule."""

from __future__ import annotations

import datetime as dt

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
from nashra.kernel.cache import JUMUAH_RULES, current_generation


def jumuah_rules() -> tuple[Jumuah, ...]:
    """The JumuahTime rows as engine rules: each runs until the day before the next starts.

    Kept in the cache under the purge generation (an edit purges, nashra.kernel.cache),
    so an edit is seen at once everywhere; each process also keeps the rules of the
    generation it last saw, so a request costs one cache read (the generation), not two.
    """
    generation = current_generation()
    seen = _SEEN.get("rules")
    if seen is not None and seen[0] == generation:
        return seen[1]
    rules = JUMUAH_RULES.get_or_set(_load_rules)
    _SEEN["rules"] = (generation, rules)
    return rules


#: This process's copy of the rules of the last purge generation it read.
_SEEN: dict[str, tuple[int, tuple[Jumuah, ...]]] = {}


def forget_seen_rules() -> None:
    """Drop this process's copy (a rolled-back edit never purges the generation)."""
    _SEEN.clear()


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


def day_times(place: Place, date: dt.date, method: Method | str | None = None) -> DayTimes:
    m = resolve_method(method, place)
    return compute_day(place, date, m, jumuah=_schedule_for(m))


def timetable(
    places: list[Place], start: dt.date, end: dt.date, method: Method | str | None = None
) -> Timetable:
    m = resolve_method(method, places[0])
    return compute_timetable(places, start, end, m, jumuah=_schedule_for(m))
