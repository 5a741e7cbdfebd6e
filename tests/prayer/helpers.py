"""Reading the header prayer table out of rendered HTML."""

from __future__ import annotations

import re


def row_cells(html: str, slug: str) -> list[str]:
    match = re.search(rf'<tr data-place="{slug}">(.*?)</tr>', html, re.S)
    assert match, f"no row for {slug}"
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", match[1], re.S)
    ]


def header_html(html: str) -> str:
    start = html.index('<section class="prayer-panel"')
    return html[start : html.index("</section>", start)]
