"""Every file of the shared wire corpus (58 agency files) and the IPTC's NewsML-G2
examples parses into items with exactly the contract's keys and types, or fails with a
one-line domain error naming the file; none crashes."""

from __future__ import annotations

import pytest

from nashra.engines.wire import CONTRACT_KEYS, WireError, parse_file

from .conftest import WIRE_DATA, wire_files

STRING_KEYS = ("guid", "language", "headline", "byline", "dateline", "slugline")
STRING_KEYS += ("body_text", "version_created", "first_created", "embargoed", "provider")
STRING_KEYS += ("item_class",)


def test_the_shared_corpus_is_there():
    assert len([p for p in (WIRE_DATA / "corpus").iterdir() if p.name != "README.md"]) == 58


@pytest.mark.parametrize("path", wire_files(), ids=lambda p: p.name)
def test_file_parses_to_contract_items_or_fails_in_one_line(path):
    try:
        items = parse_file(path)
    except WireError as error:
        assert "\n" not in str(error)
        assert str(path) in str(error)
        return
    for item in items:
        row = item.to_contract()
        assert tuple(row) == CONTRACT_KEYS
        assert row["pub_status"] in {"usable", "withheld", "canceled"}
        for key in ("version", "urgency"):
            assert row[key] is None or type(row[key]) is int
        for key in STRING_KEYS:
            assert row[key] is None or (isinstance(row[key], str) and row[key] != "")
        for key in ("subjects", "keywords"):
            assert all(isinstance(value, str) and value for value in row[key])


def test_every_agency_file_yields_items():
    """Only the two IPTC listings that are fragments (a bare contentSet, a bare
    contentMeta) are refused; every real agency file gives at least one item."""
    refused = []
    for path in wire_files():
        try:
            if not parse_file(path):
                refused.append(path.name)
        except WireError:
            refused.append(path.name)
    assert sorted(refused) == [
        "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
        "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
    ]
