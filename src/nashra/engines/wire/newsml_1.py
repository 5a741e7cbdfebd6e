"""NewsML 1.2: a `NewsML` envelope holding one or more `NewsItem`s.

Identity is the `PublicIdentifier` (built from the `NewsIdentifier` parts the standard
derives it from when a sender leaves it out); the version is `RevisionId`.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from . import nitf
from .fields import date_field, int_field, pub_status, unique
from .item import WireItem
from .source import Reading
from .text import paragraphs_of_element, paragraphs_of_html, paragraphs_of_text
from .tree import XML_LANG, at, attr, descendants, kid, kids, local, text

#: NewsML 1.2 MediaType names to NewsML-G2 item classes.
MEDIA_CLASSES = {
    "text": "text",
    "photo": "picture",
    "picture": "picture",
    "image": "picture",
    "graphic": "graphic",
    "video": "video",
    "audio": "audio",
}


def parse(root: Element, reading: Reading) -> list[WireItem]:
    return [_item(item, reading) for item in kids(root, "NewsItem")]


def _item(item: Element, reading: Reading) -> WireItem:
    identifier = at(item, "Identification/NewsIdentifier")
    management = kid(item, "NewsManagement")
    component = kid(item, "NewsComponent")
    lines = next(descendants(component, "NewsLines"), None)
    content_items = list(descendants(component, "ContentItem"))
    text_item = next((c for c in content_items if _media(c) == "text"), None)
    status = attr(kid(management, "Status"), "FormalName")
    change = kid(management, "StatusWillChange")
    embargoed = None
    if (status or "").lower() == "embargoed" or change is not None:
        embargoed = date_field(text(kid(change, "DateAndTime")), "StatusWillChange", reading)
    subjects = [
        attr(code, "FormalName")
        for subject_code in descendants(component, "SubjectCode")
        for code in subject_code
        if local(code.tag) in {"Subject", "SubjectMatter", "SubjectDetail"}
    ]
    classes = {_media(c) for c in content_items} - {None}
    return WireItem(
        format="newsml-1.2",
        guid=text(kid(identifier, "PublicIdentifier")) or _public_identifier(identifier),
        version=int_field(text(kid(identifier, "RevisionId")), "RevisionId", reading),
        pub_status=pub_status(status, "Status", reading),
        language=_language(item, component),
        headline=text(kid(lines, "HeadLine")),
        byline=text(kid(lines, "ByLine")),
        dateline=text(kid(lines, "DateLine")),
        slugline=text(kid(lines, "SlugLine")),
        urgency=int_field(attr(kid(management, "Urgency"), "FormalName"), "Urgency", reading),
        body_text=_body(text_item),
        subjects=unique(subjects),
        keywords=unique([text(line) for line in kids(lines, "KeywordLine")]),
        version_created=date_field(
            text(kid(management, "ThisRevisionCreated")), "ThisRevisionCreated", reading
        ),
        first_created=date_field(text(kid(management, "FirstCreated")), "FirstCreated", reading),
        embargoed=embargoed,
        provider=attr(at(component, "AdministrativeMetadata/Provider/Party"), "FormalName")
        or text(kid(identifier, "ProviderId")),
        item_class="text" if "text" in classes else (classes.pop() if len(classes) == 1 else None),
    )


def _media(content_item: Element) -> str | None:
    name = (attr(kid(content_item, "MediaType"), "FormalName") or "").lower()
    return MEDIA_CLASSES.get(name, name or None)


def _language(item: Element, component: Element | None) -> str | None:
    for language in descendants(component, "Language"):
        found = attr(language, "FormalName")
        if found:
            return found
    return item.get(XML_LANG) or (component.get(XML_LANG) if component is not None else None)


def _public_identifier(identifier: Element | None) -> str | None:
    parts = [text(kid(identifier, name)) for name in ("ProviderId", "DateId", "NewsItemId")]
    revision = text(kid(identifier, "RevisionId"))
    if not all(parts) or not revision:
        return None
    update = attr(kid(identifier, "RevisionId"), "Update") or "N"
    suffix = "" if update == "N" else update
    return f"urn:newsml:{':'.join(p for p in parts if p)}:{revision}{suffix}"


def _body(content_item: Element | None) -> str | None:
    data = kid(content_item, "DataContent")
    if data is None:
        return None
    inner = [child for child in data if local(child.tag)]
    if inner:
        root = inner[0]
        name = local(root.tag)
        if name == "nitf":
            return nitf.body_text(root)
        if name == "html":
            return paragraphs_of_element(kid(root, "body"))
        return paragraphs_of_element(data)
    raw = data.text or ""
    if "<" in raw and ">" in raw:
        return paragraphs_of_html(raw)
    return paragraphs_of_text(raw)
