"""strip_metadata: no EXIF, GPS, camera or comment survives; the picture is untouched."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from nashra.engines.image.metadata import MalformedImage, strip_metadata

GPS_IFD = 0x8825
MAKE, MODEL, ORIENTATION = 0x010F, 0x0110, 0x0112


def exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[MAKE] = "Canon"
    exif[MODEL] = "Canon EOS R5 serial 0123456789"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (25.0, 12.0, 30.0)
    gps[3], gps[4] = "E", (55.0, 16.0, 10.0)
    return exif


def picture() -> Image.Image:
    image = Image.new("RGB", (64, 48), (200, 120, 40))
    image.putpixel((3, 4), (0, 0, 255))
    return image


def encoded(image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    picture().save(buffer, image_format, exif=exif_with_gps(), **options)
    return buffer.getvalue()


@pytest.mark.parametrize("image_format", ["JPEG", "PNG"])
def test_exif_and_gps_are_gone(image_format):
    original = encoded(image_format)
    assert Image.open(io.BytesIO(original)).getexif().get(MAKE) == "Canon"
    stripped = strip_metadata(original)
    opened = Image.open(io.BytesIO(stripped))
    assert dict(opened.getexif()) == {}
    assert b"Canon" not in stripped
    assert b"Exif" not in stripped


def test_a_jpeg_comment_is_gone():
    stripped = strip_metadata(encoded("JPEG", comment=b"Photographer at 25.2N 55.3E"))
    assert b"Photographer" not in stripped
    assert "comment" not in Image.open(io.BytesIO(stripped)).info


def test_png_text_chunks_are_gone():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Staff photographer, Deira")
    stripped = strip_metadata(encoded("PNG", pnginfo=info))
    assert b"Deira" not in stripped


@pytest.mark.parametrize("image_format", ["JPEG", "PNG"])
def test_the_picture_is_the_same_bytes_for_bytes(image_format):
    original = encoded(image_format)
    before = Image.open(io.BytesIO(original))
    after = Image.open(io.BytesIO(strip_metadata(original)))
    assert after.size == before.size
    assert after.tobytes() == before.tobytes()


def test_the_icc_profile_is_kept():
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    stripped = strip_metadata(encoded("JPEG", icc_profile=profile))
    assert Image.open(io.BytesIO(stripped)).info.get("icc_profile") == profile


def test_other_formats_come_back_unchanged():
    buffer = io.BytesIO()
    picture().save(buffer, "WEBP")
    assert strip_metadata(buffer.getvalue()) == buffer.getvalue()


@pytest.mark.parametrize("data", [b"\xff\xd8\xff\xe1\xff\xff", b"\xff\xd8junk", b"\xff\xd8"])
def test_a_truncated_jpeg_is_refused_by_name(data):
    with pytest.raises(MalformedImage) as caught:
        strip_metadata(data)
    assert caught.value.image_format == "JPEG"


def test_a_truncated_png_is_refused_by_name():
    with pytest.raises(MalformedImage) as caught:
        strip_metadata(encoded("PNG")[:40])
    assert caught.value.image_format == "PNG"
