"""NITF 3.x (News Industry Text Format) documents, standalone or inline in NewsML."""

from __future__ import annotations

from datetime import datetime
from xml.etree.ElementTree import Element

from .fields import date_field, int_field, pub_status, unique
from .item import WireItem
from .source import Reading
from .text import paragraphs_of_element
from .tree import at, attr, descendants, kid, kids, spaced_text, text


def headline(nitf: Element) -> str | None:
    """`body.head/hedline/hl1`, else `head/title`."""
    return text(at(nitf, "body/body.head/hedline/hl1")) or text(at(nitf, "head/title"))


def byline(nitf: Element) -> str | None:
    return spaced_text(at(nitf, "body/body.head/byline"))


def dateline(nitf: Element) -> str | None:
    return spaced_text(at(nitf, "body/body.head/dateline"))


def body_text(nitf: Element) -> str | None:
    return paragraphs_of_element(at(nitf, "body/body.content"))


def language(nitf: Element) -> str | None:
    for element in (nitf, kid(nitf, "body"), at(nitf, "body/body.content")):
        found = attr(element, "lang") or attr(element, "baselang")
        if found:
            return found
    return None


def parse(nitf: Element, reading: Reading) -> list[WireItem]:
    """One NITF document is one item.

    Identity is `doc-id@id-string`; `date.issue` is when it was issued (first and this
    version alike: NITF has no separate version time); `date.release` is an embargo only
    when it is later than the issue time.
    """
    docdata = at(nitf, "head/docdata")
    doc_id = kid(docdata, "doc-id")
    du_key = kid(docdata, "du-key")
    issued = _norm_date(kid(docdata, "date.issue"), "date.issue", reading)
    release = _norm_date(kid(docdata, "date.release"), "date.release", reading)
    embargoed = release if release and (issued is None or release > issued) else None
    subjects = [
        attr(element, "tobject.subject.refnum")
        for element in descendants(at(nitf, "head/tobject"), "tobject.subject")
    ]
    keywords = [
        attr(element, "key") or text(element)
        for element in kids(kid(docdata, "key-list"), "keyword")
    ]
    # The standard puts urgency in docdata; some senders put it straight in head.
    urgency = kid(docdata, "urgency")
    if urgency is None:
        urgency = kid(kid(nitf, "head"), "urgency")
    return [
        WireItem(
            format="nitf",
            guid=attr(doc_id, "id-string"),
            version=int_field(attr(du_key, "version"), "du-key@version", reading),
            pub_status=pub_status(
                attr(docdata, "management-status"), "docdata@management-status", reading
            ),
            language=language(nitf),
            headline=headline(nitf),
            byline=byline(nitf),
            dateline=dateline(nitf),
            slugline=attr(du_key, "key"),
            urgency=int_field(attr(urgency, "ed-urg"), "urgency", reading),
            body_text=body_text(nitf),
            subjects=unique(subjects),
            keywords=unique(keywords),
            version_created=issued,
            first_created=issued,
            embargoed=embargoed,
            provider=attr(doc_id, "regsrc"),
            item_class="text",
        )
    ]


def _norm_date(element: Element | None, name: str, reading: Reading) -> datetime | None:
    return date_field(attr(element, "norm"), f"{name}@norm", reading)
