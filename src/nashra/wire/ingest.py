"""Ingest: wire files into `WireItem`s, version by version, whatever delivered them.

Identity is the agency's guid (a guid-less item gets one made from its content). A
version is applied only if newer than the one shown; every version received is kept. An
item that already became a story is never overwritten: the story is flagged "wire update
available". A cancel or withhold withdraws the item at once and, if the source says so
(the default), kills the live story made from it through the kill action. A file the
engine refuses is quarantined with its error; the rest of the delivery goes on.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import httpx
from django.db import transaction
from django.utils import timezone

from nashra.engines import wire as engine
from nashra.newsroom.actions import KillStoryAction
from nashra.wire.models import QuarantinedFile, WireItem, WireSource, WireVersion

DONE_FOLDER = ".done"
QUARANTINE_FOLDER = ".quarantine"
POLL_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
#: A failing HTTP source waits this long times 2 per failure in a row, up to a day.
BACKOFF_STEP = timedelta(minutes=1)
BACKOFF_MAX = timedelta(days=1)


@dataclass
class Outcome:
    """What one delivery did, for the command's line and the admin."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    killed: int = 0
    quarantined: list[str] = field(default_factory=list)

    def add(self, other: Outcome) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.withdrawn += other.withdrawn
        self.killed += other.killed
        self.quarantined += other.quarantined

    def __str__(self) -> str:
        return (
            f"{self.created} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.withdrawn} withdrawn, {self.killed} stories killed, "
            f"{len(self.quarantined)} files quarantined"
        )


def ingest_file(source: WireSource, filename: str, data: bytes) -> Outcome:
    """One delivered file: its items ingested, or the file quarantined with its error."""
    try:
        items = engine.parse_bytes(data, filename)
    except engine.WireError as error:
        QuarantinedFile.objects.create(source=source, filename=filename, error=str(error))
        return Outcome(quarantined=[filename])
    outcome = Outcome()
    for item in items:
        outcome.add(ingest_item(source, item, filename))
    return outcome


def ingest_item(source: WireSource, parsed: engine.WireItem, filename: str = "") -> Outcome:
    """Apply one parsed item: new, newer version, same or older version, or withdrawal."""
    guid = parsed.guid or _content_guid(parsed)
    contract = parsed.to_contract() | {"guid": guid}
    with transaction.atomic():
        item = WireItem.objects.select_for_update().filter(source=source, guid=guid).first()
        if item is None:
            item = WireItem(source=source, guid=guid)
            _apply(item, parsed)
            item.save()
            WireVersion.objects.create(
                item=item,
                version=parsed.version,
                contract=contract,
                filename=filename,
                applied=True,
            )
            return Outcome(created=1)
        if item.versions.filter(version=parsed.version, contract=contract).exists():
            return Outcome(unchanged=1)  # the same version delivered again
        newer = _is_newer(parsed, item)
        WireVersion.objects.create(
            item=item, version=parsed.version, contract=contract, filename=filename, applied=newer
        )
        if not newer:
            return Outcome(unchanged=1)
        was_usable = not item.withdrawn
        _apply(item, parsed)
        if item.story_id:
            item.update_available = True
        item.save()
    outcome = Outcome(updated=1)
    if was_usable and item.withdrawn:
        outcome.withdrawn = 1
        outcome.killed = _kill_story(item)
    return outcome


def ingest_folder(source: WireSource) -> Outcome:
    """Every file dropped in the source's folder, oldest first, then moved aside
    (`.done/`, or `.quarantine/` when it could not be read)."""
    folder = Path(source.location)
    outcome = Outcome()
    files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    for path in sorted(files, key=lambda p: (p.stat().st_mtime, p.name)):
        one = ingest_file(source, path.name, path.read_bytes())
        outcome.add(one)
        target = folder / (QUARANTINE_FOLDER if one.quarantined else DONE_FOLDER)
        target.mkdir(exist_ok=True)
        shutil.move(str(path), target / path.name)
    return outcome


def poll_http(source: WireSource, transport: httpx.BaseTransport | None = None) -> Outcome:
    """One conditional GET of the source's URL (ETag / If-Modified-Since), with backoff:
    a source that keeps failing is asked less and less often, and its error is kept."""
    now = timezone.now()
    if source.consecutive_failures and source.last_polled_at:
        wait = min(BACKOFF_STEP * 2 ** (source.consecutive_failures - 1), BACKOFF_MAX)
        if now < source.last_polled_at + wait:
            return Outcome()
    headers = {}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    source.last_polled_at = now
    try:
        with httpx.Client(timeout=POLL_TIMEOUT, transport=transport) as client:
            response = client.get(source.location, headers=headers)
        if response.status_code != 304:
            response.raise_for_status()
    except httpx.HTTPError as error:
        source.consecutive_failures += 1
        source.last_error = f"{type(error).__name__}: {error}"
        source.save(update_fields=["last_polled_at", "consecutive_failures", "last_error"])
        return Outcome()
    source.consecutive_failures, source.last_error = 0, ""
    outcome = Outcome()
    if response.status_code == 200:
        source.etag = response.headers.get("ETag", "")
        source.last_modified = response.headers.get("Last-Modified", "")
        outcome = ingest_file(source, source.location, response.content)
    source.save()
    return outcome


def ingest_source(source: WireSource, transport: httpx.BaseTransport | None = None) -> Outcome:
    if source.kind == WireSource.Kind.HTTP:
        return poll_http(source, transport)
    return ingest_folder(source)


def ingest_all(slug: str | None = None) -> dict[str, Outcome]:
    """Every enabled source (or the one named), each on its own: one failing source
    never stops the others."""
    sources = WireSource.objects.filter(enabled=True)
    if slug:
        sources = sources.filter(slug=slug)
    outcomes = {}
    for source in sources:
        try:
            outcomes[source.slug] = ingest_source(source)
        except OSError as error:  # the drop folder is missing or unreadable
            source.consecutive_failures += 1
            source.last_error = f"{type(error).__name__}: {error}"
            source.save(update_fields=["consecutive_failures", "last_error"])
            outcomes[source.slug] = Outcome()
    return outcomes


def _apply(item: WireItem, parsed: engine.WireItem) -> None:
    item.version = parsed.version
    item.pub_status = parsed.pub_status
    item.language = parsed.language or item.source.language
    item.headline = parsed.headline or ""
    item.byline = (parsed.byline or "")[:300]
    item.dateline = (parsed.dateline or "")[:300]
    item.slugline = (parsed.slugline or "")[:300]
    item.urgency = parsed.urgency if parsed.urgency is not None and parsed.urgency >= 0 else None
    item.body_text = parsed.body_text or ""
    item.subjects = list(parsed.subjects)
    item.keywords = list(parsed.keywords)
    item.version_created = parsed.version_created
    item.first_created = parsed.first_created
    item.embargoed = parsed.embargoed
    item.provider = (parsed.provider or "")[:200]
    item.item_class = (parsed.item_class or "")[:30]


def _is_newer(parsed: engine.WireItem, item: WireItem) -> bool:
    if parsed.version is not None and item.version is not None:
        if parsed.version != item.version:
            return parsed.version > item.version
    if parsed.version_created and item.version_created:
        return parsed.version_created > item.version_created
    # Same version number and no later time: only a withdrawal changes what is shown.
    return parsed.pub_status != "usable" and not item.withdrawn


def _content_guid(parsed: engine.WireItem) -> str:
    """An identity for an item the agency sent without one: its headline and text."""
    basis = f"{parsed.headline}\n{parsed.body_text}\n{parsed.first_created}".encode()
    return "nashra:content:" + hashlib.sha256(basis).hexdigest()[:32]


def _kill_story(item: WireItem) -> int:
    story = item.story.specific if item.story_id else None
    if story is None or not item.source.kill_on_cancel or not story.live or story.killed_at:
        return 0
    agency = item.source.agency.name if item.source.agency else item.source.name
    reason = f"{agency} withdrew this story ({item.pub_status})."
    KillStoryAction(story, user=None, reason=reason).execute(skip_permission_checks=True)
    return 1
