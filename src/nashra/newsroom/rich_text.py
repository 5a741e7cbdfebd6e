"""Article rich text: cleaned on its way into the database, read back as plain text.

Wagtail's editor only ever produces safe markup, but rich text can also arrive from
elsewhere (the API, wire ingest, a hand-made request or script). Whatever its source, the
stored HTML keeps only what the paragraph block's features produce, in Wagtail's database
format, so nothing stored can execute on a public page.
"""

from __future__ import annotations

import html

from django.utils.html import strip_tags
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

KEEP_BLOCK_KEY = attribute_rule({"data-block-key": True})  # anchors comments in the admin


def _link_attributes(tag) -> None:
    """External links keep a safe href; internal page links keep their type and page id."""
    if tag.get("linktype") == "page" and str(tag.get("id", "")).isdigit():
        attribute_rule({"linktype": True, "id": True})(tag)
    else:
        attribute_rule({"href": check_url})(tag)


class StoredRichTextWhitelister(Whitelister):
    """Wagtail's database format for the `bold`, `italic` and `link` features, nothing more."""

    element_rules = {
        "[document]": allow_without_attributes,
        "p": KEEP_BLOCK_KEY,
        "br": allow_without_attributes,
        "b": allow_without_attributes,
        "i": allow_without_attributes,
        "a": _link_attributes,
    }


_whitelister = StoredRichTextWhitelister()


def clean_rich_text(source: str) -> str:
    """`source` with every element, attribute and URL scheme outside the whitelist removed."""
    return _whitelister.clean(source) if source else source


def rich_text_to_plain(source: str) -> str:
    """The reader's text of stored rich text: tags dropped, entities decoded (`&amp;` → `&`)."""
    return html.unescape(strip_tags(source))
