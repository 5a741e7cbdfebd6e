"""Rendition files that never publish where a photo was taken.

Every rendition file is written through `RenditionStorage` (WAGTAILIMAGES_RENDITION_STORAGE),
which drops the EXIF (GPS position, camera, serial number), XMP and comments Willow copies
from the original into JPEG and PNG renditions. The original keeps them, and is never
served to the public (nashra.site.media). Which renditions exist, and when they are made:
nashra.newsroom.renditions.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from nashra.engines.image.metadata import strip_metadata


class RenditionStorage(FileSystemStorage):
    """MEDIA_ROOT, where every rendition is written without its metadata."""

    def _save(self, name, content):
        content.seek(0)
        return super()._save(name, ContentFile(strip_metadata(content.read())))
