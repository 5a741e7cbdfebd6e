"""An article body for API clients: the site's HTML, sanitised, and the blocks as data.

Every block is rendered with the site's own block templates, then passed through
Wagtail's HTML whitelister (BeautifulSoup) with the few extra elements those templates
use. Links and image sources become absolute URLs on NASHRA_BASE_URL. Embeds are given as
a link, never fetched: an API request does not wait on a third-party oEmbed provider.
"""

from __future__ import annotations

from django.utils.html import format_html
from wagtail.whitelist import (
    DEFAULT_ELEMENT_RULES,
    Whitelister,
    allow_without_attributes,
    attribute_rule,
    check_url,
)

from nashra.kernel.urls import absolute_url
from nashra.newsroom import renditions

DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}


def safe_url(url: str) -> str | None:
    checked = check_url(url)
    return absolute_url(checked) if checked else None


class BodyWhitelister(Whitelister):
    element_rules = {
        **DEFAULT_ELEMENT_RULES,
        "a": attribute_rule({"href": safe_url}),
        "img": attribute_rule({"src": safe_url, "width": True, "height": True, "alt": True}),
        **{
            name: allow_without_attributes
            for name in ("blockquote", "footer", "cite", "figure", "figcaption", "aside", "span")
        },
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in DROPPED_WITH_CONTENT:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


def sanitise(html: str) -> str:
    return BodyWhitelister().clean(html)


def _block_html(block) -> str:
    if block.block_type == "embed":
        url = block.value.url if block.value else ""
        return format_html('<p><a href="{}">{}</a></p>', url, url) if url else ""
    if block.block_type == "image" and not block.value.get("image"):
        return ""  # the image was deleted from the library
    return str(block.render())


def body_html(article) -> str:
    return sanitise("".join(_block_html(block) for block in article.body))


def _image(value) -> dict | None:
    image = value.get("image")
    if image is None:
        return None
    rendition = renditions.existing(image, "body")
    if rendition is None:
        return None
    return {
        "type": "image",
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": value.get("alt") or "",
        "caption": value.get("caption") or "",
        "credit": value.get("credit") or "",
    }


def body_blocks(article) -> list[dict]:
    """The body as typed blocks; paragraphs carry sanitised HTML."""
    blocks: list[dict | None] = []
    for block in article.body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            blocks.append({"type": kind, "html": sanitise(str(value))})
        elif kind == "quote":
            blocks.append(
                {"type": kind, "text": value["text"], "attribution": value["attribution"]}
            )
        elif kind == "image":
            blocks.append(_image(value))
        elif kind == "embed" and value:
            blocks.append({"type": kind, "url": value.url})
        elif kind == "fact_box":
            blocks.append({"type": kind, "title": value["title"], "items": list(value["items"])})
    return [block for block in blocks if block]
