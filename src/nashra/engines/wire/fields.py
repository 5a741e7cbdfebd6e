"""Reading single values the way every format needs them, noting what was wrong."""

from __future__ import annotations

from datetime import datetime

from .dates import parse_datetime
from .source import Reading


def date_field(value: str | None, element: str, reading: Reading) -> datetime | None:
    """A date-time, or None (noted) when the text is not one: an invalid date never
    stops the item."""
    if value is None or not value.strip():
        return None
    try:
        return parse_datetime(value)
    except ValueError:
        reading.warn(element, f"invalid date-time {value.strip()!r} ignored")
        return None


def int_field(value: object, element: str, reading: Reading) -> int | None:
    """An integer (urgency, version), or None (noted) when the value is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        reading.warn(element, f"{value!r} is not a whole number; ignored")
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        return int(value.strip())
    reading.warn(element, f"{value!r} is not a whole number; ignored")
    return None


def code_tail(code: str | None) -> str | None:
    """`ninat:text` or `http://cv.iptc.org/newscodes/ninature/text` to `text`."""
    if not code:
        return None
    return code.rstrip("/").rpartition("/")[2].rpartition(":")[2].strip().lower() or None


def pub_status(value: str | None, element: str, reading: Reading) -> str:
    """`usable`, `withheld` or `canceled` from a qcode, URI or word (absent: usable).

    An embargo is not a status of its own in NewsML-G2 (the item stays usable and
    carries its embargo), so NITF's and NewsML 1.2's `embargoed` read as usable.
    """
    status = code_tail(value)
    if status is None:
        return "usable"
    status = {"cancelled": "canceled", "embargoed": "usable"}.get(status, status)
    if status not in {"usable", "withheld", "canceled"}:
        reading.warn(element, f"unknown publishing status {value!r} read as usable")
        return "usable"
    return status


def unique(values: list[str | None]) -> tuple[str, ...]:
    """Non-empty values, first occurrence kept, in order."""
    seen: dict[str, None] = {}
    for value in values:
        if value and value.strip():
            seen.setdefault(value.strip(), None)
    return tuple(seen)
