"""The wire engine's exception tree, in the domain's words.

``WireError`` is the root. Every problem with a wire file (unreadable bytes, hostile XML,
an unknown format, a required element missing) is one of its subclasses, carrying the
file's name and, where one is to blame, the element, so no caller parses a message.
"""

from __future__ import annotations


class WireError(Exception):
    """Base class of every error the wire engine raises."""

    def __init__(self, source: str, reason: str, element: str | None = None) -> None:
        self.source = source
        self.reason = reason
        self.element = element
        where = f" (element {element})" if element else ""
        super().__init__(f"{source}: {reason}{where}")


class WireTooLarge(WireError):
    """The file is larger than the parser's size limit."""


class WireHostile(WireError):
    """The file uses XML features refused as hostile: entity declarations, external
    entities or DTD fetches (an entity-expansion bomb is one)."""


class WireMalformed(WireError):
    """The bytes are not well-formed XML or JSON, or cannot be decoded as text."""


class WireFormatUnknown(WireError):
    """Well-formed, but not NewsML-G2, NITF, NewsML 1.2, ninjs, RSS or Atom."""
