"""The renditions the site shows, declared once, made once, never on a reader's request.

A rendition of a large original costs seconds of CPU and hundreds of megabytes; made on
a reader's request, a burst of readers would each make the same one at once. So every
rendition public pages, feeds, JSON-LD and the API use is named here, and made when the
image is saved (`make_renditions`, run by the task worker once the save commits). A public
request only ever looks an existing rendition up (`existing`); if it is missing (the worker
has not run yet), the page shows no picture rather than making one. Signed-in editors,
previewing a story, may have one made (`for_request`).
"""

from __future__ import annotations

import logging

from wagtail.images.models import Filter, SourceImageIOError

logger = logging.getLogger(__name__)

# name -> Wagtail filter spec. The only renditions readers are given.
RENDITIONS: dict[str, str] = {
    "card": "fill-360x203|format-webp",  # a story's card in a listing
    "card_lead": "fill-720x405|format-webp",  # the lead card of a listing
    "hero": "fill-960x540|format-webp",  # the picture at the top of a story
    "body": "width-800|format-webp",  # a picture inside a story's body
    "social": "fill-1200x675",  # og:image, twitter:image, JSON-LD and the API's hero image
}


def spec(name: str) -> str:
    return RENDITIONS[name]


def make_renditions(image) -> int:
    """Make every missing rendition of `image`, one after the other; return how many exist.

    One at a time, so the original is decoded once per rendition and never several times
    at once (Wagtail's batch call decodes in three threads).
    """
    made = 0
    for filter_spec in RENDITIONS.values():
        try:
            image.get_rendition(filter_spec)
        except SourceImageIOError:
            logger.warning("image %s has no original file: no renditions made", image.pk)
            return made
        made += 1
    return made


def existing(image, name: str):
    """`image`'s rendition `name` if it has been made, else None; never makes one."""
    if image is None:
        return None
    rendition_model = image.get_rendition_model()
    try:
        return image.find_existing_rendition(Filter(spec=spec(name)))
    except rendition_model.DoesNotExist:
        return None


def may_make_renditions(request) -> bool:
    """Editors previewing their work may wait for a rendition; readers never do."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def for_request(image, name: str, request):
    """The rendition to show `request`: made now only for an editor, else an existing one."""
    found = existing(image, name)
    if found is not None or image is None or not may_make_renditions(request):
        return found
    try:
        return image.get_rendition(spec(name))
    except SourceImageIOError:
        return None
