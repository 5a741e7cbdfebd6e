"""The wire engine: agency files (NewsML-G2, NITF, NewsML 1.2, ninjs, RSS, Atom) read
into one `WireItem`, safely. Pure Python, no Django."""

from .errors import WireError, WireFormatUnknown, WireHostile, WireMalformed, WireTooLarge
from .item import CONTRACT_KEYS, WireItem
from .parse import parse_bytes, parse_file

__all__ = [
    "CONTRACT_KEYS",
    "WireError",
    "WireFormatUnknown",
    "WireHostile",
    "WireItem",
    "WireMalformed",
    "WireTooLarge",
    "parse_bytes",
    "parse_file",
]
