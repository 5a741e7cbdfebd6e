"""`nashra weather refresh`: run the refresh job once, now, one line per place."""

from __future__ import annotations


def register(commands) -> None:
    weather = commands.add_parser("weather", help="weather: refresh now")
    actions = weather.add_subparsers(dest="weather_command", metavar="ACTION")
    actions.required = True
    refresh = actions.add_parser("refresh", help="fetch and store today's weather for every place")
    refresh.set_defaults(handler=run_refresh)


def run_refresh(args) -> int:
    from nashra.kernel.bootstrap import ensure_database_reachable, setup_django

    setup_django()
    ensure_database_reachable()
    from nashra.weather.refresh import refresh_weather

    outcomes = refresh_weather()
    for outcome in outcomes:
        print(outcome_line(outcome))
    return 0 if any(o.ok for o in outcomes) else 1


def outcome_line(outcome) -> str:
    """`dubai: clear, max 36 °C (open-meteo)` or `dubai: failed (...); kept 2023-09-22`."""
    if outcome.report is not None:
        r = outcome.report
        return f"{outcome.place}: {r.condition.value}, max {r.max_c:g} °C ({r.provider})"
    reasons = (
        "; ".join(f"{f.provider}: {f.error}" for f in outcome.failures) or "no usable provider"
    )
    kept = f"kept record of {outcome.kept.date}" if outcome.kept else "no record kept"
    return f"{outcome.place}: failed ({reasons}); {kept}"
