"""Field values of corpus files, written from reading each file against its format's
specification (NewsML-G2 2.x, NITF 3.x, NewsML 1.2, ninjs 1.x, RSS 2.0, Atom), not from
the parser's output.

Source of every expectation: the file named in the test, in ../shared/data/wire/corpus/
(superdesk/superdesk-core test data, commit d88152601758cea428c154808f66fbf2897e601e).
"""

from __future__ import annotations

from nashra.engines.wire import parse_file


def only(path):
    items = parse_file(path)
    assert len(items) == 1
    return items[0].to_contract()


def test_newsml_g2_news_item(corpus):
    """`LISTING 1 A NewsML-G2 News Item.xml`: newsItem@guid/@version/@xml:lang, itemMeta
    dates with their offsets kept, contentMeta headline, slugline and subject qcodes."""
    row = only(corpus("LISTING 1 A NewsML-G2 News Item.xml"))
    assert row["guid"] == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED"
    assert row["version"] == 9
    assert row["language"] == "en-GB"
    assert row["pub_status"] == "usable"
    assert row["headline"] == 'Fed to halt QE to avert "bubble"'
    assert row["slugline"] == "US-Finance-Fed"
    assert row["subjects"] == ["medtop:04000000", "medtop:20000523"]
    assert row["version_created"] == "2016-10-21T16:25:32-05:00"
    assert row["first_created"] == "2016-10-18T13:12:21-05:00"
    assert row["embargoed"] == "2016-10-23T12:00:00+00:00"
    assert row["provider"] == "nprov:REUTERS"
    assert row["item_class"] == "text"
    assert row["body_text"] is None


def test_newsml_g2_news_message_with_xhtml_body(corpus):
    """`text.xml`: a Reuters newsMessage; urgency, language tag, XHTML inline body."""
    row = only(corpus("text.xml"))
    assert row["guid"] == "tag:reuters.com,0000:newsml_L4N0BT5PJ"
    assert row["version"] == 263518268
    assert row["language"] == "en"
    assert row["urgency"] == 3
    assert row["slugline"] == "SOCCER-ENGLAND/CHELSEA-BENITEZ"
    assert row["headline"] == (
        "Soccer-Smiling Benitez pleads for support after midweek outburst against opponent"
    )
    assert row["body_text"] == "By Toby Davis"
    assert row["provider"] == "reuters.com"
    assert row["version_created"] == "2013-03-01T15:09:04+00:00"
    assert row["subjects"][0] == "MCC:SPO"
    assert "subj:15054000" in row["subjects"]


def test_newsml_g2_with_ns0_prefixes_and_a_cancel(corpus):
    """`tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538`: every element is
    `ns0:`-prefixed; pubStatus stat:canceled."""
    row = only(corpus("tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538"))
    assert row["guid"] == "tag:reuters.com,0000:newsml_L1N14N0FF"
    assert row["version"] == 1542761538
    assert row["pub_status"] == "canceled"
    assert row["urgency"] == 3
    assert row["language"] == "en"
    assert row["version_created"] == "2016-01-04T16:34:45+00:00"
    assert "subj:03005000" in row["subjects"]


def test_newsml_g2_with_bom_and_headline_only_in_inline_nitf(corpus):
    """`scoop.xml`: starts with a byte-order mark; the newsItem's headline is only in its
    inline NITF (`hedline`/`hl1`); the package item before it has no guid."""
    items = [item.to_contract() for item in parse_file(corpus("scoop.xml"))]
    news = [row for row in items if row["guid"] == "BD-20160112123540"]
    assert len(news) == 1
    row = news[0]
    assert row["version"] == 3
    assert row["urgency"] == 5
    assert row["headline"] == (
        "Dick Smith receivers install Don Grover as acting CEO as Abboud quits; "
        "retailer put up for sale"
    )
    assert row["body_text"].split("\n\n")[0] == "By Jonathan Underhill"


def test_newsml_1_2(corpus):
    """`afp.xml`: PublicIdentifier, RevisionId, NewsLines, Urgency, basic-format dates,
    the Provider party and SubjectCode FormalNames as written."""
    row = only(corpus("afp.xml"))
    assert row["guid"] == "urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1"
    assert row["version"] == 1
    assert row["language"] == "en"
    assert row["headline"] == "Sweden court accepts receivership for Saab carmaker"
    assert row["dateline"] == "STOCKHOLM, Aug 29, 2014 (AFP) -"
    assert row["slugline"] == "Sweden-SAAB"
    assert row["urgency"] == 4
    assert row["first_created"] == "2014-08-29T13:49:51+00:00"
    assert row["version_created"] == "2014-08-29T13:49:51+00:00"
    assert row["provider"] == "AFP"
    assert row["subjects"][:3] == ["04011002", "04016007", "04000000"]
    assert row["item_class"] == "text"


def test_declared_iso_8859_1_over_utf8_bytes(corpus):
    """`afp20.xml` declares ISO-8859-1 but its bytes are UTF-8."""
    items = parse_file(corpus("afp20.xml"))
    assert items[0].headline == (
        "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée"
    )
    assert any("UTF-8" in warning for warning in items[0].warnings)


def test_real_iso_8859_1_nitf(corpus):
    """`pa5.xml` really is ISO-8859-1 (a £ in the headline, as a character reference)."""
    row = only(corpus("pa5.xml"))
    assert row["guid"] == "17b7b4c3-6e05-4690-b7cb-37b5c99c9a86HHH-5-1"
    assert row["headline"] == "HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY"
    assert row["urgency"] == 4
    assert row["version_created"] == "2016-10-11T00:13:27+01:00"
    assert row["body_text"].startswith("Treasury coffers will take a £66 billion annual hit")


def test_nitf_invalid_dates_are_dropped_and_named(corpus):
    """`handle_invalid_fields.xml`: date.release and date.expire hold the placeholder
    `YYYYMMDD000000-HHMM`; date.issue is valid; urgency sits in head, not docdata."""
    items = parse_file(corpus("handle_invalid_fields.xml"))
    row = items[0].to_contract()
    assert row["guid"] == "eed713d46d74499d86b3250fa47b341b"
    assert row["embargoed"] is None
    assert row["version_created"] == "2020-07-03T16:51:36-04:00"
    assert row["urgency"] == 2
    assert row["keywords"] == ["National", "Justice", "Politics"]
    assert row["headline"] == (
        "Man accused of ramming gate at Rideau Hall with truck faces multiple charges"
    )
    assert any(w.startswith("date.release@norm") for w in items[0].warnings)


def test_rss_without_guid_uses_the_link(corpus):
    """`rss_test-nrk-noguid.xml`: no `<guid>`, so the link (whitespace trimmed)."""
    row = only(corpus("rss_test-nrk-noguid.xml"))
    assert row["guid"] == "https://www.nrk.no/finnmark/stanset-ikke-for-fotgjenger-1.13362571"
    assert row["headline"] == "Stanset ikke for fotgjenger"
    assert row["body_text"] == "En fører av en personbil er anmeldt for ikke..."
    assert row["version_created"] == "2017-02-06T10:51:00+01:00"


def test_rss_with_guid(corpus):
    assert only(corpus("rss_test-nrk.xml"))["guid"] == "1.13362571"


def test_atom_entry(corpus):
    """`wenn.xml`: Atom entries; id, CDATA title, text content, category term."""
    row = parse_file(corpus("wenn.xml"))[0].to_contract()
    assert row["guid"] == "urn:feed-wenn-com:newsfeedarticle:2:2222:1"
    assert row["headline"] == "Suge Knight involved in fatal hit and run incident"
    assert row["body_text"] == "This is body content1."
    assert row["keywords"] == ["Music"]
    assert row["version_created"] == "2015-01-30T00:33:06+00:00"


def test_ninjs_1(corpus):
    """`ninjsExSimpleText1.json`: uri, type, versioncreated in UTC."""
    row = only(corpus("ninjsExSimpleText1.json"))
    assert row["guid"] == "http://ninjs.example.com/newsitems/20130709simp123"
    assert row["item_class"] == "text"
    assert row["headline"] == "Captain of wrecked cruise ship on trial in Italy"
    assert row["byline"] == "Paulo Santalucia and Frances d'Emilio"
    assert row["version_created"] == "2013-07-09T10:37:00+00:00"
    assert row["body_text"].startswith("GROSSETO, Italy (AP) -- The trial of the captain")


def test_ninjs_total_item_wrapper(corpus):
    """`bbc-ninjs-text-test.json`: `{total, limit, offset, item: [...]}`."""
    row = only(corpus("bbc-ninjs-text-test.json"))
    assert row["guid"] == "https://www.example.com//12345"
    assert row["headline"] == "advisory"
    assert row["byline"] == "John Doe"
    assert row["urgency"] == 3
    assert row["body_text"] == "body"
    assert row["subjects"] == ["category:planning-permission"]
    assert row["version_created"] == "2018-05-28T16:40:08+00:00"
