"""Hostile and messy wire files, built here: each failure mode is refused with a domain
error naming the file (and the element), or handled and noted; none crashes."""

from __future__ import annotations

import json

import pytest

from nashra.engines.wire import (
    WireError,
    WireFormatUnknown,
    WireHostile,
    WireMalformed,
    WireTooLarge,
    parse_bytes,
    parse_file,
)
from nashra.engines.wire.dates import parse_datetime

G2 = "http://iptc.org/std/nar/2006-10-01/"


def g2_item(headline: str = "Headline", extra_meta: str = "", guid: str = "urn:x:1") -> str:
    return (
        f'<newsItem xmlns="{G2}" guid="{guid}" version="2">'
        f'<itemMeta><itemClass qcode="ninat:text"/>{extra_meta}</itemMeta>'
        f"<contentMeta><headline>{headline}</headline></contentMeta></newsItem>"
    )


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<nitf><head><title>&lol4;</title></head></nitf>"""


def test_entity_expansion_bomb_is_refused():
    with pytest.raises(WireHostile) as refused:
        parse_bytes(BILLION_LAUGHS, "bomb.xml")
    assert refused.value.source == "bomb.xml"


def test_external_entity_is_refused_not_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    data = (
        f'<!DOCTYPE nitf [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<nitf><head><title>&x;</title></head></nitf>"
    ).encode()
    with pytest.raises(WireHostile):
        parse_bytes(data, "xxe.xml")


def test_a_dtd_reference_is_not_fetched():
    data = (
        b'<!DOCTYPE nitf SYSTEM "http://127.0.0.1:9/nitf.dtd">'
        b'<nitf><head><docdata><doc-id id-string="A1"/></docdata></head></nitf>'
    )
    assert parse_bytes(data, "dtd.xml")[0].guid == "A1"


def test_size_limit():
    with pytest.raises(WireTooLarge):
        parse_bytes(g2_item().encode(), "big.xml", max_bytes=50)


def test_file_over_the_limit_is_not_read_whole(tmp_path):
    path = tmp_path / "big.xml"
    path.write_bytes(g2_item().encode())
    with pytest.raises(WireTooLarge):
        parse_file(path, max_bytes=50)


def test_not_well_formed_xml_names_the_line():
    with pytest.raises(WireMalformed) as refused:
        parse_bytes(b"<nitf>\n<head>\n</nitf>", "broken.xml")
    assert "line 3" in str(refused.value)
    assert str(refused.value).startswith("broken.xml: ")


def test_not_well_formed_json():
    with pytest.raises(WireMalformed):
        parse_bytes(b'{"uri": "x",', "broken.json")


def test_deeply_nested_json_is_refused_not_a_crash():
    with pytest.raises(WireError):
        parse_bytes(b"[" * 200_000 + b"]" * 200_000, "deep.json")


def test_unknown_root_element_is_named():
    with pytest.raises(WireFormatUnknown) as refused:
        parse_bytes(b"<html><body/></html>", "page.html")
    assert refused.value.element == "html"


def test_json_that_is_not_an_item():
    with pytest.raises(WireFormatUnknown):
        parse_bytes(b'{"weather": "sunny"}', "x.json")


def test_unreadable_path_is_a_domain_error(tmp_path):
    with pytest.raises(WireError) as refused:
        parse_file(tmp_path / "missing.xml")
    assert "missing.xml" in str(refused.value)


def test_utf8_bytes_under_an_iso_8859_1_declaration():
    data = ('<?xml version="1.0" encoding="ISO-8859-1"?>' + g2_item("Dubaï café")).encode()
    item = parse_bytes(data, "x.xml")[0]
    assert item.headline == "Dubaï café"
    assert item.warnings


def test_real_iso_8859_1():
    data = ('<?xml version="1.0" encoding="ISO-8859-1"?>' + g2_item("Dubaï café")).encode("latin-1")
    item = parse_bytes(data, "x.xml")[0]
    assert item.headline == "Dubaï café"
    assert item.warnings == ()


def test_windows_1252_bytes_declared_utf8_are_read_and_noted():
    data = ('<?xml version="1.0" encoding="UTF-8"?>' + g2_item("“quoted”")).encode("cp1252")
    item = parse_bytes(data, "x.xml")[0]
    assert item.headline == "“quoted”"
    assert any("windows-1252" in warning for warning in item.warnings)


def test_byte_order_marks():
    for encoding, bom in (("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe")):
        data = bom + ('<?xml version="1.0"?>' + g2_item("وام")).encode(encoding)
        assert parse_bytes(data, "bom.xml")[0].headline == "وام"


def test_arabic_g2_item():
    item = parse_bytes(g2_item("الإمارات ترحب").encode(), "ar.xml")[0]
    assert item.headline == "الإمارات ترحب"


def test_prefixed_namespace_reads_like_the_default():
    data = (
        f'<g:newsItem xmlns:g="{G2}" guid="urn:p:1" version="4"><g:contentMeta>'
        "<g:headline>Prefixed</g:headline><g:urgency>2</g:urgency></g:contentMeta></g:newsItem>"
    ).encode()
    item = parse_bytes(data, "p.xml")[0]
    assert (item.guid, item.version, item.headline, item.urgency) == ("urn:p:1", 4, "Prefixed", 2)


def test_control_characters_are_removed_and_noted():
    item = parse_bytes(g2_item("Bad\x0bbyte").encode(), "c.xml")[0]
    assert item.headline == "Badbyte"
    assert item.warnings


def test_invalid_date_is_dropped_and_names_the_element():
    item = parse_bytes(
        g2_item(extra_meta="<versionCreated>yesterday</versionCreated>").encode(), "d.xml"
    )[0]
    assert item.version_created is None
    assert item.warnings[0].startswith("versionCreated")


def test_missing_guid_in_g2_is_null_not_a_crash():
    item = parse_bytes(g2_item(guid="").encode(), "g.xml")[0]
    assert item.guid is None


def test_version_defaults_to_1_in_g2():
    data = f'<newsItem xmlns="{G2}" guid="urn:v"><contentMeta/></newsItem>'.encode()
    assert parse_bytes(data, "v.xml")[0].version == 1


def test_withheld_and_cancelled_spellings():
    withheld = g2_item(extra_meta='<pubStatus qcode="stat:withheld"/>')
    assert parse_bytes(withheld.encode(), "w.xml")[0].pub_status == "withheld"
    cancelled = g2_item(extra_meta='<pubStatus qcode="stat:cancelled"/>')
    assert parse_bytes(cancelled.encode(), "c.xml")[0].pub_status == "canceled"


def test_ninjs_2_names():
    """ninjs 2.x: `headlines`, `bodies` and `subjects` lists with roles and URIs."""
    document = {
        "uri": "urn:wam:2",
        "version": "3",
        "pubstatus": "usable",
        "language": "ar",
        "headlines": [{"role": "short", "value": "قصير"}, {"role": "main", "value": "رئيسي"}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>أ</p><p>ب</p>"}],
        "subjects": [
            {"name": "economy", "uri": "http://cv.iptc.org/newscodes/mediatopic/04000000"}
        ],
        "keywords": ["gold"],
        "embargoed": "2026-12-08T10:00:00+04:00",
    }
    row = parse_bytes(json.dumps(document).encode(), "n.json")[0].to_contract()
    assert row["guid"] == "urn:wam:2"
    assert row["version"] == 3
    assert row["headline"] == "رئيسي"
    assert row["body_text"] == "أ\n\nب"
    assert row["subjects"] == ["http://cv.iptc.org/newscodes/mediatopic/04000000"]
    assert row["keywords"] == ["gold"]
    assert row["embargoed"] == "2026-12-08T10:00:00+04:00"


def test_ninjs_wrong_types_are_ignored_and_noted():
    row = parse_bytes(b'{"uri": "u", "headline": 5, "urgency": "high"}', "t.json")[0]
    assert row.headline is None
    assert row.urgency is None
    assert len(row.warnings) == 2


def test_nitf_body_paragraphs_and_embargo():
    data = b"""<nitf><head><docdata management-status="withheld">
      <doc-id id-string="N1" regsrc="WAM"/><urgency ed-urg="1"/>
      <date.issue norm="20260922T120000+0400"/><date.release norm="20260923T080000+0400"/>
      <key-list><keyword key="Moscow"/></key-list></docdata>
      <tobject><tobject.subject tobject.subject.refnum="11000000"/></tobject></head>
      <body><body.head><hedline><hl1>Talks</hl1></hedline>
      <byline>By <person>A Writer</person></byline>
      <dateline><location><city>MOSCOW</city></location>, Sept 22</dateline></body.head>
      <body.content><p>One <em>two</em>.</p><media><media-caption>no</media-caption></media>
      <p>Three</p></body.content></body></nitf>"""
    row = parse_bytes(data, "n.xml")[0].to_contract()
    assert row["pub_status"] == "withheld"
    assert row["provider"] == "WAM"
    assert row["urgency"] == 1
    assert row["byline"] == "By A Writer"
    assert row["dateline"] == "MOSCOW, Sept 22"
    assert row["body_text"] == "One two.\n\nThree"
    assert row["subjects"] == ["11000000"]
    assert row["keywords"] == ["Moscow"]
    assert row["embargoed"] == "2026-09-23T08:00:00+04:00"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2016-10-21T16:25:32-05:00", "2016-10-21T16:25:32-05:00"),
        ("2013-03-01T15:09:04.000Z", "2013-03-01T15:09:04+00:00"),
        ("20140829T134951+0000", "2014-08-29T13:49:51+00:00"),
        ("20161011T001327+0100", "2016-10-11T00:13:27+01:00"),
        ("2016-01-12 12:35:40", "2016-01-12T12:35:40+00:00"),
        ("Mon, 06 Feb 2017 10:51:00 +0100", "2017-02-06T10:51:00+01:00"),
        ("2016-10-23", "2016-10-23T00:00:00+00:00"),
    ],
)
def test_date_forms(text, iso):
    assert parse_datetime(text).isoformat() == iso


@pytest.mark.parametrize(
    "text", ["YYYYMMDD000000-HHMM", "2016-13-45", "soon", "2016-01-01T10:00+25:00"]
)
def test_invalid_dates(text):
    with pytest.raises(ValueError):
        parse_datetime(text)
