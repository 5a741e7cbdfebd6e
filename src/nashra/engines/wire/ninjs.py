"""ninjs (IPTC News in JSON), 1.x and 2.x, one item or `{total, item: [...]}`.

1.x names (`headline`, `body_text`, `subject`) and 2.x names (`headlines`, `bodies`,
`subjects`) are both read; so is the Superdesk flavour many agencies send (`guid` with
no `uri`, `byline`, `body_html`).
"""

from __future__ import annotations

from typing import Any

from .errors import WireFormatUnknown
from .fields import date_field, int_field, pub_status, unique
from .item import WireItem
from .source import Reading
from .text import paragraphs_of_html, paragraphs_of_text

#: A JSON object with none of these is not a ninjs item.
NINJS_KEYS = frozenset({"uri", "guid", "type", "headline", "headlines", "body_text", "bodies"})


def parse(document: object, reading: Reading) -> list[WireItem]:
    if isinstance(document, dict) and isinstance(document.get("item"), list):
        entries: list[Any] = document["item"]
    elif isinstance(document, dict) and isinstance(document.get("items"), list):
        entries = document["items"]
    elif isinstance(document, list):
        entries = document
    elif isinstance(document, dict) and NINJS_KEYS & document.keys():
        entries = [document]
    else:
        raise WireFormatUnknown(reading.source, "JSON that is neither a ninjs item nor a list")
    items = []
    for index, entry in enumerate(entries):
        if isinstance(entry, dict):
            items.append(_item(entry, f"item[{index}]", reading))
        else:
            reading.warn(f"item[{index}]", "not a ninjs object; skipped")
    return items


def _item(entry: dict[str, Any], where: str, reading: Reading) -> WireItem:
    def string(key: str) -> str | None:
        value = entry.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            return value.strip() or None
        reading.warn(f"{where}.{key}", f"expected a string, found {type(value).__name__}")
        return None

    dateline = entry.get("dateline")
    if isinstance(dateline, dict):
        dateline = dateline.get("text")
    provider = entry.get("provider")
    if isinstance(provider, dict):
        provider = provider.get("name") or provider.get("literal")
    return WireItem(
        format="ninjs",
        guid=string("uri") or string("guid"),
        version=int_field(entry.get("version"), f"{where}.version", reading),
        pub_status=pub_status(string("pubstatus"), f"{where}.pubstatus", reading),
        language=string("language"),
        headline=string("headline") or _main(entry.get("headlines")),
        byline=string("by") or string("byline"),
        dateline=dateline.strip() or None if isinstance(dateline, str) else None,
        slugline=string("slugline"),
        urgency=int_field(entry.get("urgency"), f"{where}.urgency", reading),
        body_text=_body(entry),
        subjects=unique(_codes(entry.get("subject")) + _codes(entry.get("subjects"))),
        keywords=unique([k for k in _list(entry.get("keywords")) if isinstance(k, str)]),
        version_created=date_field(string("versioncreated"), f"{where}.versioncreated", reading),
        first_created=date_field(string("firstcreated"), f"{where}.firstcreated", reading),
        embargoed=date_field(string("embargoed"), f"{where}.embargoed", reading),
        provider=provider.strip() or None if isinstance(provider, str) else None,
        item_class=string("type"),
    )


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _main(values: object) -> str | None:
    """The `main` role's value of a ninjs 2.x `headlines`/`bodies` list, else the first."""
    entries = [v for v in _list(values) if isinstance(v, dict) and isinstance(v.get("value"), str)]
    main = [v for v in entries if v.get("role") in (None, "main")] or entries
    return str(main[0]["value"]).strip() or None if main else None


def _codes(subjects: object) -> list[str | None]:
    codes: list[str | None] = []
    for subject in _list(subjects):
        if isinstance(subject, dict):
            code = subject.get("code") or subject.get("qcode") or subject.get("uri")
            codes.append(code if isinstance(code, str) else None)
    return codes


def _body(entry: dict[str, Any]) -> str | None:
    for key, read in (
        ("body_text", paragraphs_of_text),
        ("body_html", paragraphs_of_html),
        ("body_xhtml", paragraphs_of_html),
    ):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return read(value)
    bodies = [b for b in _list(entry.get("bodies")) if isinstance(b, dict)]
    main = [b for b in bodies if b.get("role") in (None, "main")] or bodies
    for body in main:
        value = body.get("value")
        if isinstance(value, str) and value.strip():
            content_type = str(body.get("contenttype") or "text/plain")
            return (
                paragraphs_of_html(value) if "html" in content_type else paragraphs_of_text(value)
            )
    return None
