"""Opaque page cursors: the position after the last article a client was given.

Articles are listed newest first by first publication, then by id. First publication
never changes once a story is out, so a cursor (that time, that id) marks a fixed place in
the list: corrections and updates never move a story past it, and a walk neither skips
nor repeats an article. Stories published during a walk appear above its start.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

PREFIX = "a1"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_ID = 2**31 - 1


class BadCursor(ValueError):
    """The cursor was not one this API issued."""


@dataclass(frozen=True)
class Cursor:
    first_published_at: datetime
    id: int

    def encode(self) -> str:
        micros = (self.first_published_at - EPOCH) // timedelta(microseconds=1)
        raw = f"{PREFIX}:{micros}:{self.id}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
            prefix, micros, pk = raw.split(":")
            if prefix != PREFIX or not micros.lstrip("-").isdigit() or not pk.isdigit():
                raise ValueError(raw)
            moment = EPOCH + timedelta(microseconds=int(micros))
            if not 0 < int(pk) <= MAX_ID:
                raise ValueError(raw)
        except (ValueError, UnicodeError, binascii.Error, OverflowError):
            raise BadCursor("not a cursor this API gave out; start again without one") from None
        return cls(moment, int(pk))
