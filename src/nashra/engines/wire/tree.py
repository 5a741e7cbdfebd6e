"""Walking parsed XML by local name, whatever prefix or namespace the sender used.

Agencies send NewsML-G2 with a default namespace, with `ns0:` prefixes, with an older
namespace or none at all; matching local names reads them all the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:])")


def local(tag: object) -> str:
    """`{namespace}name` or `name` to `name` (comments and PIs have no name)."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def kids(element: Element | None, name: str) -> list[Element]:
    """The children of `element` called `name`."""
    if element is None:
        return []
    return [child for child in element if local(child.tag) == name]


def kid(element: Element | None, name: str) -> Element | None:
    """The first child of `element` called `name`, or None."""
    for child in kids(element, name):
        return child
    return None


def at(element: Element | None, path: str) -> Element | None:
    """The first element down a `a/b/c` path of local names, or None."""
    found = [element] if element is not None else []
    for name in path.split("/"):
        found = [child for parent in found for child in kids(parent, name)]
    return found[0] if found else None


def descendants(element: Element | None, name: str) -> Iterator[Element]:
    """Every element under `element` (itself included) called `name`, in document order."""
    if element is None:
        return
    for node in element.iter():
        if local(node.tag) == name:
            yield node


def attr(element: Element | None, name: str) -> str | None:
    """An attribute by local name (`lang` finds `xml:lang` too), stripped, or None."""
    if element is None:
        return None
    for key, value in element.attrib.items():
        if local(key) == name:
            value = value.strip()
            return value or None
    return None


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def text(element: Element | None) -> str | None:
    """The element's text with its inline markup, whitespace collapsed, or None if empty."""
    if element is None:
        return None
    return collapse("".join(element.itertext())) or None


def spaced_text(element: Element | None) -> str | None:
    """Like `text`, but child elements are separate words.

    A NITF byline `By<person>Jo Smith</person><byttl>AFP</byttl>` reads `By Jo Smith AFP`.
    """
    if element is None:
        return None
    pieces: list[str] = []

    def walk(node: Element) -> None:
        pieces.append(node.text or "")
        for child in node:
            pieces.append(" ")
            walk(child)
            pieces.append(" ")
            pieces.append(child.tail or "")

    walk(element)
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", collapse("".join(pieces))) or None
