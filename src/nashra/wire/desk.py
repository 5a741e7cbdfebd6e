"""The desk's "Use this story": a wire item becomes a draft through the newsroom's action."""

from __future__ import annotations

from django.db import transaction

from nashra.engines import wire as engine
from nashra.newsroom.actions import IngestWireItemAction
from nashra.newsroom.errors import ActionRefused
from nashra.wire.models import WireItem


def as_parsed(item: WireItem) -> engine.WireItem:
    """The stored item in the engine's shape, which the newsroom's action takes."""
    return engine.WireItem(
        format="stored",
        guid=item.guid,
        version=item.version,
        pub_status=item.pub_status,
        language=item.language or None,
        headline=item.headline or None,
        byline=item.byline or None,
        dateline=item.dateline or None,
        slugline=item.slugline or None,
        urgency=item.urgency,
        body_text=item.body_text or None,
        subjects=tuple(item.subjects),
        keywords=tuple(item.keywords),
        version_created=item.version_created,
        first_created=item.first_created,
        embargoed=item.embargoed,
        provider=item.provider or None,
        item_class=item.item_class or None,
    )


def use_item(item: WireItem, *, section, user):
    """Make a draft story of `item` in `section`, linked back to the item."""
    if item.story_id:
        raise ActionRefused("this wire item already became a story")
    action = IngestWireItemAction(
        as_parsed(item), section=section, user=user, agency=item.source.agency
    )
    with transaction.atomic():
        page = action.execute()
        item.story = page
        item.update_available = False
        item.save(update_fields=["story", "update_available"])
    return page
