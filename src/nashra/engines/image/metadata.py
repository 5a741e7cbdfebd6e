"""Remove location and camera metadata from an encoded JPEG or PNG, losslessly.

Willow (Wagtail's image library) copies the original's EXIF block, GPS position and
camera serial number included, into every JPEG and PNG rendition it writes, and Pillow
keeps a JPEG's comment. Rather than decode and re-encode (a second lossy JPEG pass), the
file's own container is walked and the metadata segments or chunks are dropped; the
compressed picture data is copied byte for byte. Orientation is not lost: Wagtail turns
the pixels upright before it writes a rendition.

Kept: what the picture needs to be shown right (JPEG's JFIF header, ICC colour profile,
Adobe colour-transform marker; PNG's colour chunks). Dropped: EXIF, XMP, IPTC/Photoshop
blocks, comments, and every other application segment or text chunk. Formats other than
JPEG and PNG (WebP, GIF) come back unchanged: Willow writes no EXIF into them.
"""

from __future__ import annotations

import struct

JPEG_SOI = b"\xff\xd8"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# JPEG markers kept before the scan: APP0 (JFIF), APP2 (ICC profile), APP14 (Adobe).
JPEG_KEPT_APP_MARKERS = {0xE0, 0xE2, 0xEE}
JPEG_COMMENT = 0xFE
JPEG_SOS = 0xDA
# PNG ancillary chunks that carry metadata rather than how to show the picture.
PNG_DROPPED_CHUNKS = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}


class MalformedImage(ValueError):
    """The bytes claim a format whose structure they do not follow."""

    def __init__(self, image_format: str, offset: int) -> None:
        super().__init__(f"malformed {image_format} at byte {offset}")
        self.image_format = image_format
        self.offset = offset


def strip_metadata(data: bytes) -> bytes:
    """`data` without its metadata if it is a JPEG or PNG; otherwise `data` unchanged."""
    if data.startswith(JPEG_SOI):
        return _strip_jpeg(data)
    if data.startswith(PNG_SIGNATURE):
        return _strip_png(data)
    return data


def _strip_jpeg(data: bytes) -> bytes:
    kept = bytearray(JPEG_SOI)
    position = len(JPEG_SOI)
    while True:
        if position + 4 > len(data) or data[position] != 0xFF:
            raise MalformedImage("JPEG", position)
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte before a marker
            position += 1
            continue
        if marker == JPEG_SOS:  # the compressed picture follows, to the end of the file
            kept += data[position:]
            return bytes(kept)
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        end = position + 2 + length
        if length < 2 or end > len(data):
            raise MalformedImage("JPEG", position)
        is_app = 0xE0 <= marker <= 0xEF
        dropped = marker == JPEG_COMMENT or (is_app and marker not in JPEG_KEPT_APP_MARKERS)
        if not dropped:
            kept += data[position:end]
        position = end


def _strip_png(data: bytes) -> bytes:
    kept = bytearray(PNG_SIGNATURE)
    position = len(PNG_SIGNATURE)
    while position < len(data):
        if position + 12 > len(data):
            raise MalformedImage("PNG", position)
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            raise MalformedImage("PNG", position)
        if kind not in PNG_DROPPED_CHUNKS:
            kept += data[position:end]
        position = end
        if kind == b"IEND":
            break
    return bytes(kept)
