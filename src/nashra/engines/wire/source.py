"""From a file's bytes to text and a parsed XML tree, refusing what is hostile.

Agencies declare encodings wrongly (ISO-8859-1 declared over UTF-8 bytes), start files
with a byte-order mark, or slip control characters in; each is corrected here and noted.
XML goes through defusedxml: entity declarations (the billion-laughs bomb), external
entities and DTD fetches are refused, never expanded or fetched.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Final
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .errors import WireHostile, WireMalformed, WireTooLarge

#: Agency files are kilobytes; a whole NewsML-G2 package with inline text is well under this.
MAX_BYTES: Final = 20 * 1024 * 1024
_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?\?>", re.DOTALL)
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_ILLEGAL_XML_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class Reading:
    """One file being read: its name for errors, and the problems handled so far."""

    source: str
    warnings: list[str] = field(default_factory=list)

    def warn(self, element: str, reason: str) -> None:
        self.warnings.append(f"{element}: {reason}")


def check_size(data: bytes, reading: Reading, limit: int = MAX_BYTES) -> None:
    if len(data) > limit:
        raise WireTooLarge(reading.source, f"{len(data)} bytes is over the {limit}-byte limit")


def decode(data: bytes, reading: Reading) -> str:
    """The file's text: BOM first, then the declared encoding unless the bytes say UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], encoding, reading)
    declaration = _DECLARATION.match(data)
    declared = None
    if declaration:
        found = _ENCODING.search(declaration.group(0))
        declared = found.group(1).decode("ascii").lower() if found else None
    if declared is None or _is_utf8(declared):
        return _decode_as(data, "utf-8", reading)
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        reading.warn("?xml", f"unknown encoding {declared!r} declared; read as UTF-8")
        return _decode_as(data, "utf-8", reading)
    if not codec.startswith(("utf-16", "utf-32")) and not data.isascii():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            # Latin-1 text whose accented bytes happen to form valid UTF-8 is vanishingly
            # rare; UTF-8 bytes under a stale ISO-8859-1 declaration are common.
            reading.warn("?xml", f"declared {declared} but the bytes are UTF-8; read as UTF-8")
            return text
    return _decode_as(data, codec, reading)


def _is_utf8(name: str) -> bool:
    return name.replace("_", "-") in {"utf-8", "utf8"}


def _decode_as(data: bytes, encoding: str, reading: Reading) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding != "utf-8":
            raise WireMalformed(
                reading.source, f"bytes are not valid {encoding} at offset {error.start}"
            ) from error
    # Declared (or assumed) UTF-8, but the bytes are a single-byte Windows code page.
    reading.warn("?xml", "bytes are not valid UTF-8; read as windows-1252")
    return data.decode("windows-1252", errors="replace")


def parse_xml(text: str, reading: Reading) -> Element:
    """A hardened parse of XML text (its declaration is dropped: the text is decoded)."""
    text = _DECLARATION.sub(b"", text.encode("utf-8"), count=1).decode("utf-8")
    if _ILLEGAL_XML_CHARACTERS.search(text):
        reading.warn("document", "control characters not allowed in XML were removed")
        text = _ILLEGAL_XML_CHARACTERS.sub("", text)
    try:
        return fromstring(text.encode("utf-8"), forbid_dtd=False)
    except DefusedXmlException as error:
        raise WireHostile(
            reading.source, f"refused hostile XML ({type(error).__name__})", "!DOCTYPE"
        ) from error
    except ParseError as error:
        line, column = error.position
        raise WireMalformed(
            reading.source, f"not well-formed XML at line {line}, column {column}"
        ) from error
    except RecursionError as error:
        raise WireMalformed(reading.source, "XML nested too deeply") from error
