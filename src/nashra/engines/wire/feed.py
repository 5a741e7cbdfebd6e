"""RSS 2.0 (and RSS 1.0/RDF) channels and Atom feeds: each item or entry is one story.

Identity is the RSS `guid`, else the item's `link`; Atom's `id`, else its link. A feed
has no versions, urgency or embargo; those stay empty.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from .fields import date_field, unique
from .item import WireItem
from .source import Reading
from .text import paragraphs_of_element, paragraphs_of_html, paragraphs_of_text
from .tree import XML_LANG, attr, kid, kids, local, text


def parse_rss(root: Element, reading: Reading) -> list[WireItem]:
    channel = kid(root, "channel")
    entries = kids(channel, "item") or kids(root, "item")
    language = text(kid(channel, "language")) or root.get(XML_LANG)
    provider = text(kid(channel, "title"))
    return [
        _rss_item(item, index, language, provider, reading) for index, item in enumerate(entries)
    ]


def _rss_item(
    item: Element, index: int, language: str | None, provider: str | None, reading: Reading
) -> WireItem:
    where = f"item[{index}]"
    published = text(kid(item, "pubDate")) or text(kid(item, "date"))
    encoded, description = kid(item, "encoded"), kid(item, "description")
    body = paragraphs_of_html("".join(encoded.itertext())) if encoded is not None else None
    if body is None and description is not None:
        body = paragraphs_of_html("".join(description.itertext()))
    return WireItem(
        format="rss",
        guid=text(kid(item, "guid")) or text(kid(item, "link")) or attr(item, "about"),
        pub_status="usable",
        language=text(kid(item, "language")) or language,
        headline=_title(kid(item, "title")),
        byline=text(kid(item, "creator")) or text(kid(item, "author")),
        body_text=body,
        keywords=unique([text(category) for category in kids(item, "category")]),
        version_created=date_field(published, f"{where}/pubDate", reading),
        provider=provider,
        item_class="text",
    )


def parse_atom(root: Element, reading: Reading) -> list[WireItem]:
    if local(root.tag) == "entry":
        return [_atom_entry(root, 0, None, None, None, reading)]
    language = root.get(XML_LANG)
    provider = text(kid(root, "title"))
    author = text(kid(kid(root, "author"), "name"))
    return [
        _atom_entry(entry, index, language, provider, author, reading)
        for index, entry in enumerate(kids(root, "entry"))
    ]


def _atom_entry(
    entry: Element,
    index: int,
    language: str | None,
    provider: str | None,
    feed_author: str | None,
    reading: Reading,
) -> WireItem:
    where = f"entry[{index}]"
    links = kids(entry, "link")
    alternate = [link for link in links if attr(link, "rel") in (None, "alternate")] or links
    authors = [text(kid(author, "name")) for author in kids(entry, "author")]
    return WireItem(
        format="atom",
        guid=text(kid(entry, "id")) or (attr(alternate[0], "href") if alternate else None),
        pub_status="usable",
        language=entry.get(XML_LANG) or language,
        headline=_title(kid(entry, "title")),
        byline=", ".join(a for a in authors if a) or feed_author,
        body_text=_atom_text(kid(entry, "content")) or _atom_text(kid(entry, "summary")),
        keywords=unique([attr(category, "term") for category in kids(entry, "category")]),
        version_created=date_field(text(kid(entry, "updated")), f"{where}/updated", reading),
        first_created=date_field(text(kid(entry, "published")), f"{where}/published", reading),
        provider=provider,
        item_class="text",
    )


def _title(element: Element | None) -> str | None:
    """A title, its markup dropped when the feed escaped HTML into it."""
    found = text(element)
    if found and "<" in found:
        return paragraphs_of_html(found)
    return found


def _atom_text(element: Element | None) -> str | None:
    if element is None:
        return None
    kind = (attr(element, "type") or "text").lower()
    if kind == "xhtml":
        return paragraphs_of_element(element)
    raw = "".join(element.itertext())
    if "html" in kind:
        return paragraphs_of_html(raw)
    return paragraphs_of_text(raw)
