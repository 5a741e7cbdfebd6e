"""`WireItem`: one agency item, whatever format it arrived in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

PUB_STATUSES: Final = ("usable", "withheld", "canceled")

#: The keys of `nashra wire parse`, in order (the contract other tools read).
CONTRACT_KEYS: Final = (
    "guid",
    "version",
    "pub_status",
    "language",
    "headline",
    "byline",
    "dateline",
    "slugline",
    "urgency",
    "body_text",
    "subjects",
    "keywords",
    "version_created",
    "first_created",
    "embargoed",
    "provider",
    "item_class",
)


@dataclass(frozen=True)
class WireItem:
    """One news item as an agency sent it.

    ``format`` names the parser that read it (``newsml-g2``, ``nitf``, ``newsml-1.2``,
    ``ninjs``, ``rss``, ``atom``); ``warnings`` lists what was wrong in the file but
    handled (an invalid date dropped, a mis-declared encoding corrected), each naming
    the element.
    """

    format: str
    guid: str | None = None
    version: int | None = None
    pub_status: str = "usable"
    language: str | None = None
    headline: str | None = None
    byline: str | None = None
    dateline: str | None = None
    slugline: str | None = None
    urgency: int | None = None
    body_text: str | None = None
    subjects: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    version_created: datetime | None = None
    first_created: datetime | None = None
    embargoed: datetime | None = None
    provider: str | None = None
    item_class: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def to_contract(self) -> dict[str, Any]:
        """The item as `nashra wire parse` prints it: exactly `CONTRACT_KEYS`."""
        values: dict[str, Any] = {}
        for key in CONTRACT_KEYS:
            value = getattr(self, key)
            if isinstance(value, datetime):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            values[key] = value
        return values
