"""NewsML-G2: a `newsItem` or `packageItem` alone, or a `newsMessage` carrying several.

A text item's body is inline NITF, inline XHTML or inline data in its `contentSet`; when
the item's metadata lacks a headline, byline or dateline, the inline NITF's are used
(agencies such as BusinessDesk send them only there).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from . import nitf
from .fields import code_tail, date_field, int_field, pub_status, unique
from .item import WireItem
from .source import Reading
from .text import paragraphs_of_element, paragraphs_of_html, paragraphs_of_text
from .tree import XML_LANG, at, attr, descendants, kid, kids, local, spaced_text, text

ITEMS = frozenset({"newsItem", "packageItem"})
#: Items that are not news (concepts, knowledge, planning) are not the desk's business.
OTHER_ITEMS = frozenset({"conceptItem", "knowledgeItem", "planningItem", "catalogItem"})


def parse(root: Element, reading: Reading) -> list[WireItem]:
    if local(root.tag) in ITEMS:
        return [_item(root, root.get(XML_LANG), reading)]
    message_language = root.get(XML_LANG)
    items = []
    item_set = kid(root, "itemSet")
    for element in list(item_set) if item_set is not None else []:
        name = local(element.tag)
        if name in ITEMS:
            items.append(_item(element, message_language, reading))
        elif name:
            reading.warn(f"itemSet/{name}", "not a news or package item; skipped")
    return items


def _item(item: Element, inherited_language: str | None, reading: Reading) -> WireItem:
    name = local(item.tag)
    meta = kid(item, "itemMeta")
    content_meta = kid(item, "contentMeta")
    inline = _inline(item)
    inline_nitf = inline if inline is not None and local(inline.tag) == "nitf" else None
    language = (
        attr(kid(content_meta, "language"), "tag") or item.get(XML_LANG) or inherited_language
    )
    headline = _headline(content_meta)
    if headline is None and inline_nitf is not None:
        headline = nitf.headline(inline_nitf)
    if headline is None and inline is not None and local(inline.tag) == "html":
        headline = text(at(inline, "head/title")) or text(next(descendants(inline, "h1"), None))
    byline = spaced_text(kid(content_meta, "by"))
    dateline = text(kid(content_meta, "dateline"))
    if inline_nitf is not None:
        byline = byline or nitf.byline(inline_nitf)
        dateline = dateline or nitf.dateline(inline_nitf)
    provider = kid(meta, "provider")
    item_class = code_tail(_code(kid(meta, "itemClass")))
    return WireItem(
        format="newsml-g2",
        guid=item.get("guid", "").strip() or None,
        version=int_field(item.get("version", "1"), f"{name}@version", reading),
        pub_status=pub_status(_code(kid(meta, "pubStatus")), "pubStatus", reading),
        language=language,
        headline=headline,
        byline=byline,
        dateline=dateline,
        slugline=text(kid(content_meta, "slugline")),
        urgency=int_field(text(kid(content_meta, "urgency")), "urgency", reading),
        body_text=_body(item, inline),
        subjects=unique([_code(subject) for subject in kids(content_meta, "subject")]),
        keywords=unique([text(keyword) for keyword in kids(content_meta, "keyword")]),
        version_created=date_field(text(kid(meta, "versionCreated")), "versionCreated", reading),
        first_created=date_field(text(kid(meta, "firstCreated")), "firstCreated", reading),
        embargoed=date_field(text(kid(meta, "embargoed")), "embargoed", reading),
        provider=_code(provider) or attr(provider, "literal") or text(kid(provider, "name")),
        item_class=item_class or ("composite" if name == "packageItem" else None),
    )


def _code(element: Element | None) -> str | None:
    """A concept's code as written: its qcode, else its URI."""
    return attr(element, "qcode") or attr(element, "uri")


def _headline(content_meta: Element | None) -> str | None:
    headlines = kids(content_meta, "headline")
    plain = [h for h in headlines if attr(h, "role") is None] or headlines
    for element in plain:
        found = text(element)
        if found:
            return found
    return None


def _inline(item: Element) -> Element | None:
    """The root element (NITF or XHTML) of the item's first inline XML content."""
    for content in kids(kid(item, "contentSet"), "inlineXML"):
        for child in content:
            if local(child.tag):
                return child
    return None


def _body(item: Element, inline: Element | None) -> str | None:
    if inline is not None:
        name = local(inline.tag)
        if name == "nitf":
            return nitf.body_text(inline)
        if name == "html":
            return paragraphs_of_element(kid(inline, "body"))
        return paragraphs_of_element(inline)
    for data in kids(kid(item, "contentSet"), "inlineData"):
        content_type = (attr(data, "contenttype") or "text/plain").lower()
        raw = "".join(data.itertext())
        if "html" in content_type:
            return paragraphs_of_html(raw)
        if content_type.startswith("text/"):
            return paragraphs_of_text(raw)
    return None
