"""Sniffing a wire file's format and reading it into `WireItem`s."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Final
from xml.etree.ElementTree import Element

from . import feed, newsml_1, newsml_g2, ninjs, nitf
from .errors import WireError, WireFormatUnknown, WireMalformed
from .item import WireItem
from .source import MAX_BYTES, Reading, check_size, decode, parse_xml
from .tree import local

_XML_READERS: Final[dict[str, Callable[[Element, Reading], list[WireItem]]]] = {
    "newsItem": newsml_g2.parse,
    "packageItem": newsml_g2.parse,
    "newsMessage": newsml_g2.parse,
    "nitf": nitf.parse,
    "NewsML": newsml_1.parse,
    "rss": feed.parse_rss,
    "RDF": feed.parse_rss,
    "feed": feed.parse_atom,
    "entry": feed.parse_atom,
}
#: Root elements of NewsML-G2 items that carry no news: read as no items, not an error.
_NOT_NEWS: Final = frozenset({"conceptItem", "knowledgeItem", "planningItem", "catalogItem"})


def sniff(data: bytes) -> str:
    """`json` or `xml`, from the first significant character."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "json" if start in (b"{", b"[") else "xml"


def parse_bytes(data: bytes, source: str = "<bytes>", max_bytes: int = MAX_BYTES) -> list[WireItem]:
    """Every news item in one wire file's bytes, whatever its format.

    Raises a `WireError` naming `source` (and the element, where one is to blame) when
    the file cannot be read: too large, hostile, malformed or of no known format.
    Problems that can be handled (an invalid date, a mis-declared encoding) are recorded
    in each item's `warnings` instead.
    """
    reading = Reading(source)
    check_size(data, reading, max_bytes)
    text = decode(data, reading)
    if sniff(data) == "json":
        items = ninjs.parse(_load_json(text, reading), reading)
    else:
        root = parse_xml(text, reading)
        name = local(root.tag)
        if name in _NOT_NEWS:
            items = []
        elif name in _XML_READERS:
            items = _XML_READERS[name](root, reading)
        else:
            raise WireFormatUnknown(source, "not a known wire format", name)
    if not reading.warnings:
        return items
    warnings = tuple(reading.warnings)
    return [replace(item, warnings=warnings) for item in items]


def parse_file(path: str | Path, max_bytes: int = MAX_BYTES) -> list[WireItem]:
    """Every news item in the wire file at `path` (see `parse_bytes`).

    An unreadable path (missing, a directory, no permission) is a `WireError` too.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise WireError(str(path), f"cannot read the file: {error.strerror or error}") from error
    return parse_bytes(data, str(path), max_bytes)


def _load_json(text: str, reading: Reading) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise WireMalformed(
            reading.source, f"not well-formed JSON at line {error.lineno}, column {error.colno}"
        ) from error
    except RecursionError as error:
        raise WireMalformed(reading.source, "JSON nested too deeply") from error
