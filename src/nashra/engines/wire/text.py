"""Body text as plain paragraphs separated by a blank line, from XML, HTML or text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

from .tree import collapse, local

#: Elements that end one paragraph and start another (NITF, XHTML and HTML alike).
BLOCKS = frozenset(
    "p hl1 hl2 h1 h2 h3 h4 h5 h6 li dt dd blockquote bq pre div section article tr "
    "caption figcaption note fn block ul ol dl table thead tbody tfoot address header "
    "footer body.content body.end tagline br hr abstract".split()
)
#: Elements whose text is not part of the story: media, scripts, an XHTML head.
SKIPPED = frozenset(
    "media media-reference media-object media-metadata script style head title img "
    "object embed iframe noscript video audio figure svg".split()
)
_BLANK_LINE = re.compile(r"\n\s*\n")


def paragraphs_of_element(element: Element | None) -> str | None:
    """The paragraphs inside a NITF `body.content` or an XHTML `body`."""
    if element is None:
        return None
    out: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        paragraph = collapse("".join(buffer))
        if paragraph:
            out.append(paragraph)
        buffer.clear()

    def walk(node: Element) -> None:
        buffer.append(node.text or "")
        for child in node:
            name = local(child.tag)
            if name and name not in SKIPPED:
                if name in BLOCKS:
                    flush()
                    walk(child)
                    flush()
                else:
                    walk(child)
            buffer.append(child.tail or "")

    walk(element)
    flush()
    return "\n\n".join(out) or None


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.buffer: list[str] = []
        self.skipping = 0

    def flush(self) -> None:
        paragraph = collapse("".join(self.buffer))
        if paragraph:
            self.out.append(paragraph)
        self.buffer.clear()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED and tag not in {"img", "embed"}:
            self.skipping += 1
        elif tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED and tag not in {"img", "embed"}:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.buffer.append(data)


def paragraphs_of_html(html: str | None) -> str | None:
    """The paragraphs of an HTML fragment (ninjs `body_html`, an RSS description)."""
    if not html or not html.strip():
        return None
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.out) or None


def paragraphs_of_text(text: str | None) -> str | None:
    """Plain text normalised: paragraphs split at blank lines, or at line ends if it has
    none, each paragraph's whitespace collapsed."""
    if not text or not text.strip():
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    chunks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return "\n\n".join(p for p in (collapse(chunk) for chunk in chunks) if p) or None
