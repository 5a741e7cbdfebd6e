"""Pictures readers get: made once on upload, never on a reader's request, no EXIF.

A photo carrying its photographer's GPS position and camera (made here with Pillow) is
uploaded and shown as a story's hero and body picture. Every picture URL the public
pages, the JSON-LD, og:image and the API give must carry no EXIF; the original is not
served. A reader's page view makes no rendition, even when one is missing.
"""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from nashra.newsroom.renditions import RENDITIONS

pytestmark = pytest.mark.django_db

GPS_IFD, MAKE, MODEL, ORIENTATION = 0x8825, 0x010F, 0x0110, 0x0112
CAMERA = "Nikon Z 9 serial 7654321"


def photo_with_gps() -> bytes:
    """A landscape JPEG whose EXIF says: turn me upright (orientation 6), taken in Deira."""
    exif = PillowImage.Exif()
    exif[MAKE], exif[MODEL], exif[ORIENTATION] = "Nikon", CAMERA, 6
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (25.0, 16.0, 12.0)
    gps[3], gps[4] = "E", (55.0, 18.0, 40.0)
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 360), (30, 90, 160)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def upload(title: str = "Abra crossing at dawn", name: str = "abra.jpg"):
    image = get_image_model()(title=title)
    image.file = ImageFile(io.BytesIO(photo_with_gps()), name=name)
    image.save()
    return image


@pytest.fixture
def uploaded(django_capture_on_commit_callbacks):
    """An upload whose save has committed: the worker's job has run (tasks run inline)."""
    with django_capture_on_commit_callbacks(execute=True):
        image = upload()
    return image


@pytest.fixture
def story(article_factory, own_section, uploaded):
    body = [
        ("paragraph", "<p>The abra fleet resumed at dawn.</p>"),
        ("image", {"image": uploaded, "alt": "Abras at the creek", "caption": "", "credit": ""}),
    ]
    return article_factory(
        own_section, live=True, title="Abra fleet resumes", hero_image=uploaded,
        hero_alt="An abra on the creek", body=body,
    )  # fmt: skip


def rendition_count(image) -> int:
    return image.renditions.count()


def media_urls(text: str) -> set[str]:
    return set(re.findall(r"/media/[^\"'\s<>)\\]+", text))


def fetched(client, url: str) -> bytes:
    response = client.get(url[url.index("/media/") :])
    assert response.status_code == 200, url
    return b"".join(response.streaming_content)


def test_an_upload_has_every_rendition_the_site_uses(uploaded):
    specs = set(uploaded.renditions.values_list("filter_spec", flat=True))
    assert specs == set(RENDITIONS.values())


def test_renditions_are_upright_without_the_orientation_tag(uploaded):
    body = uploaded.renditions.get(filter_spec=RENDITIONS["body"])
    assert (body.width, body.height) == (360, 640)


def test_nothing_readers_are_given_carries_exif(client, story, uploaded):
    page = client.get(story.url).content.decode()
    home = client.get("/").content.decode()
    api = client.get(f"/api/v1/articles/{story.pk}").content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', page).group(1)
    ld = json.loads(re.search(r'application/ld\+json">(.*?)</script>', page, re.S).group(1))
    urls = media_urls(page) | media_urls(home) | media_urls(api) | {og_image, *ld["image"]}
    ours = {url for url in urls if "abra" in url}
    # the hero, the body picture, the social card (og:image, JSON-LD, API), the card
    assert len(ours) >= 4
    for url in ours:
        data = fetched(client, url)
        opened = PillowImage.open(io.BytesIO(data))
        assert dict(opened.getexif()) == {}, url
        assert CAMERA.encode() not in data, url
        assert b"Exif\x00\x00" not in data, url


def test_the_original_is_not_served_to_readers(client, story, uploaded):
    assert PillowImage.open(uploaded.file).getexif()[MODEL] == CAMERA  # kept, privately
    assert client.get(f"/media/{uploaded.file.name}").status_code == 404


@pytest.fixture
def story_without_renditions(article_factory, own_section):
    """A story whose picture's renditions are not made yet (the worker has not run)."""
    image = upload(
        "Not yet resized", "ferry.jpg"
    )  # inside the test's transaction: no commit, no job
    assert rendition_count(image) == 0
    story = article_factory(
        own_section, live=True, title="Creek ferry timetable", hero_image=image,
        hero_alt="A ferry",
        body=[("image", {"image": image, "alt": "A ferry", "caption": "", "credit": ""})],
    )  # fmt: skip
    return story, image


def test_a_readers_page_view_makes_no_rendition(client, own_section, story_without_renditions):
    story, image = story_without_renditions
    for url in (story.url, "/", own_section.url, f"/api/v1/articles/{story.pk}", "/feeds/rss/"):
        assert client.get(url).status_code == 200, url
    assert rendition_count(image) == 0


def test_a_missing_rendition_leaves_the_picture_out(client, story_without_renditions):
    story, image = story_without_renditions
    html = client.get(story.url).content.decode()
    assert "Creek ferry timetable" in html
    assert 'property="og:image"' not in html
    assert "/media/images/ferry" not in html  # no picture of it at all
    assert client.get(f"/api/v1/articles/{story.pk}").json()["hero_image"] is None


def test_an_editor_previewing_gets_the_picture_made(client, admin_user, story_without_renditions):
    story, image = story_without_renditions
    client.force_login(admin_user)
    html = client.get(story.url).content.decode()
    hero = image.renditions.get(filter_spec=RENDITIONS["hero"])
    assert hero.url in html


def test_making_renditions_twice_makes_no_duplicates(uploaded):
    from nashra.newsroom.tasks import make_image_renditions

    files_before = sorted(uploaded.renditions.values_list("file", flat=True))
    make_image_renditions.call_local(uploaded.pk)
    assert sorted(uploaded.renditions.values_list("file", flat=True)) == files_before
    assert len(files_before) == len(RENDITIONS)


def test_a_picture_over_the_pixel_cap_is_refused_by_the_upload_form(settings):
    from wagtail.images.forms import get_image_form

    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 50_000_000
    buffer = io.BytesIO()
    PillowImage.new("1", (8000, 7000)).save(buffer, "PNG")  # 56 megapixels, a small file
    form_class = get_image_form(get_image_model())
    form = form_class(
        data={"title": "Too big"},
        files={"file": ImageFile(io.BytesIO(buffer.getvalue()), name="huge.png")},
    )
    assert not form.is_valid()
    assert "file" in form.errors


def test_nashra_images_renditions_makes_the_missing_ones(capsys):
    from nashra.cli import main

    image = upload("Made before the upgrade", "old.jpg")  # no commit: no job ran
    assert rendition_count(image) == 0
    assert main(["images", "renditions"]) == 0
    assert rendition_count(image) == len(RENDITIONS)
    assert "renditions of" in capsys.readouterr().out


def test_a_password_protected_storys_picture_is_not_under_related_stories(
    client, article_factory, own_section, uploaded
):
    from wagtail.models import PageViewRestriction

    def tagged(**fields):
        story = article_factory(own_section, live=True, **fields)
        story.tags.add("abra-fleet")
        story.save_revision().publish(skip_permission_checks=True)
        return story

    reader = tagged(title="Abra fares unchanged")
    hidden = tagged(title="Abra fleet sale agreed", hero_image=uploaded, hero_alt="An abra")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    card = uploaded.renditions.get(filter_spec=RENDITIONS["card"])
    html = client.get(reader.url).content.decode()
    assert "Abra fares unchanged" in html
    assert "Abra fleet sale agreed" not in html
    assert card.url not in html
