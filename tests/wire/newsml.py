"""Nashra's own NewsML-G2 fixture, in the shape of the page's wire story (a Moscow
dateline, quotes from a foreign-ministry statement, an agency credit). Written by us."""

from __future__ import annotations

GUID = "urn:newsml:wam.ae:20230922:moscow-statement"


def moscow_item(
    version: int = 1,
    *,
    status: str = "usable",
    headline: str = "Russia welcomes UAE mediation in prisoner exchange",
    embargoed: str | None = None,
    guid: str = GUID,
    language: str = "en",
) -> bytes:
    embargo = f"<embargoed>{embargoed}</embargoed>" if embargoed else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2023-09-22T11:00:00+04:00</sent></header>
  <itemSet>
    <newsItem guid="{guid}" version="{version}" standard="NewsML-G2" xml:lang="{language}">
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider qcode="nprov:WAM"/>
        <versionCreated>2023-09-22T1{version}:00:00+04:00</versionCreated>
        <firstCreated>2023-09-22T10:00:00+04:00</firstCreated>
        {embargo}
        <pubStatus qcode="stat:{status}"/>
      </itemMeta>
      <contentMeta>
        <urgency>3</urgency>
        <subject qcode="medtop:11000000"/>
        <keyword>diplomacy</keyword>
        <slugline>RUSSIA-UAE-MEDIATION</slugline>
        <headline>{headline}</headline>
        <dateline>MOSCOW, 22nd September, 2023 (WAM) --</dateline>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/nitf+xml">
          <nitf><body><body.content>
            <p>Russia's Ministry of Foreign Affairs welcomed the UAE's mediation efforts.</p>
            <p>"We highly appreciate the humanitarian efforts of our Emirati partners," the
            ministry said in a statement.</p>
          </body.content></body></nitf>
        </inlineXML>
      </contentSet>
    </newsItem>
  </itemSet>
</newsMessage>""".encode()
