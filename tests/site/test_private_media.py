"""Uploads reach the public only the way they are meant to (nashra.site.media).

A document in a login-restricted collection is refused at Wagtail's
`/documents/<id>/<name>` to anonymous readers; the media route must not hand out the
same file at `/media/documents/<name>`. Uploaded originals (with their EXIF) are not
served to the public either; renditions are.
"""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

SECRET = b"Board minutes: the acquisition closes on Thursday.\n"


@pytest.fixture
def private_document():
    root = Collection.get_first_root_node()
    private = root.add_child(name="Legal (private)")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Board minutes", collection=private)
    document.file.save("board-minutes.txt", ContentFile(SECRET))
    return document


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_documents_are_served_only_through_wagtails_view():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_a_private_document_is_refused_at_its_wagtail_address(client, private_document):
    response = client.get(private_document.url)
    assert private_document.url.startswith(f"/documents/{private_document.pk}/")
    assert response.status_code == 302
    assert "login/?next=" in response["Location"]


def test_a_private_document_is_not_served_by_the_media_route(client, private_document):
    assert settings.NASHRA_SERVE_MEDIA
    assert (settings.MEDIA_ROOT / private_document.file.name).read_bytes() == SECRET
    response = client.get(f"/media/{private_document.file.name}")
    assert response.status_code == 404
    assert SECRET not in body(response)


def test_a_signed_in_editor_still_gets_the_private_document(client, admin_user, private_document):
    client.force_login(admin_user)
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert body(response) == SECRET


@pytest.fixture
def photo():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (320, 180), (200, 120, 40)).save(buffer, "JPEG")
    image = get_image_model()(title="Harbour at dawn")
    image.file = ImageFile(buffer, name="harbour.jpg")
    image.save()
    return image


def test_an_original_upload_is_not_served_to_the_public(client, photo):
    assert photo.file.name.startswith("original_images/")
    assert client.get(f"/media/{photo.file.name}").status_code == 404


def test_an_original_upload_is_served_to_the_admin(client, admin_user, photo):
    client.force_login(admin_user)
    response = client.get(f"/media/{photo.file.name}")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_a_rendition_is_served_to_the_public(client, photo):
    rendition = photo.get_rendition("fill-160x90")
    assert rendition.url.startswith("/media/images/")
    assert client.get(rendition.url).status_code == 200


def test_a_name_too_long_for_the_file_system_is_a_404(client):
    assert client.get("/media/images/" + "a" * 300 + ".jpg").status_code == 404
