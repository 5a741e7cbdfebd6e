"""Date-times as agencies write them, read into aware `datetime`s.

ISO 8601 extended (`2016-10-21T16:25:32-05:00`, NewsML-G2, ninjs, Atom) and basic
(`20140829T134951+0000`, NITF `norm`, NewsML 1.2), a space for the `T`, fractions of a
second, a date alone; RFC 822 (`Tue, 10 Jun 2003 04:00:00 GMT`, RSS). A time written
without an offset is taken as UTC, which is what agencies that omit it send.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_ISO = re.compile(
    r"""^(?P<y>\d{4})-?(?P<mo>\d{2})-?(?P<d>\d{2})
    (?:[T\s](?P<h>\d{2}):?(?P<mi>\d{2})(?::?(?P<s>\d{2})(?:[.,](?P<f>\d+))?)?)?
    \s*(?P<z>Z|[+-]\d{2}(?::?\d{2})?)?$""",
    re.VERBOSE | re.IGNORECASE,
)


def parse_datetime(text: str) -> datetime:
    """An aware `datetime` from an ISO 8601 or RFC 822 string.

    Raises `ValueError` when the text is neither, or names an impossible date.
    """
    text = text.strip()
    match = _ISO.match(text)
    if match:
        return _from_iso(match)
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError) as error:
        raise ValueError(f"not an ISO 8601 or RFC 822 date-time: {text!r}") from error
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _from_iso(match: re.Match[str]) -> datetime:
    part = match.groupdict()
    fraction = (part["f"] or "0")[:6].ljust(6, "0")
    zone = UTC
    if part["z"] and part["z"].upper() != "Z":
        sign = -1 if part["z"][0] == "-" else 1
        digits = part["z"][1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
        if hours > 23 or minutes > 59:
            raise ValueError(f"impossible UTC offset {part['z']!r}")
        zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
    value = datetime(
        int(part["y"]),
        int(part["mo"]),
        int(part["d"]),
        int(part["h"] or 0),
        int(part["mi"] or 0),
        int(part["s"] or 0),
        int(fraction),
        tzinfo=zone,
    )
    return value.replace(tzinfo=UTC) if zone == UTC else value
