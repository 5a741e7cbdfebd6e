"""Renditions that never take a page down.

A database restored without its media folder, or an original deleted from disk, makes
Wagtail raise `SourceImageIOError` when it must make a rendition. Wagtail's `{% image %}`
tag already shows a broken picture instead; code that asks for a rendition itself (the
JSON-LD, the social cards, the API) uses `rendition_or_none` and leaves the picture out.
"""

from __future__ import annotations

import logging

from wagtail.images.models import SourceImageIOError

logger = logging.getLogger(__name__)


def rendition_or_none(image, spec: str):
    """`image`'s rendition for `spec`, or None when its original file cannot be read."""
    try:
        return image.get_rendition(spec)
    except SourceImageIOError:
        logger.warning("image %s (%s) has no original file: left out", image.pk, image.file.name)
        return None
