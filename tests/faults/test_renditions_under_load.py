"""A burst of readers on a story whose picture has no renditions yet (issue 15, "Load").

Eight concurrent anonymous page views of a story with a fresh 4000x3000 picture used to
make the same renditions inline, each request decoding the original (seconds and
hundreds of megabytes apiece) and writing duplicate files. Now readers make none; the
worker's job, even run twice at once, makes each rendition once.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from nashra.newsroom.renditions import RENDITIONS

pytestmark = pytest.mark.database

READERS = 8
MADE = len(RENDITIONS)

CREATE_STORY = """
import io, json
from django.core.files.images import ImageFile
from PIL import Image as Pillow
from wagtail.images import get_image_model
from nashra.newsroom.models import ArticlePage, SectionPage

buffer = io.BytesIO()
Pillow.new("RGB", (4000, 3000), (40, 120, 90)).save(buffer, "JPEG")
image = get_image_model()(title="Fresh from the photo desk")
image.file = ImageFile(buffer, name="photo-desk.jpg")
image.save()  # the worker's job is queued; no worker runs here
section = SectionPage.objects.get(slug="uae", locale__language_code="en")
story = ArticlePage(title="Photo desk story", slug="photo-desk-story", standfirst="Fresh.",
                    hero_image=image, hero_alt="A fresh picture")
section.add_child(instance=story)
story.save_revision().publish(skip_permission_checks=True)
print(json.dumps({"image": image.pk, "url": ArticlePage.objects.get(pk=story.pk).url}))
"""

COUNT = """
from wagtail.images import get_image_model
image = get_image_model().objects.get(pk={image})
print(image.renditions.count(), len(set(image.renditions.values_list("file", flat=True))))
"""

RUN_JOB = """
from huey.exceptions import TaskLockedException
from nashra.newsroom.tasks import make_image_renditions
try:
    print(make_image_renditions.call_local({image}))
except TaskLockedException:
    print("locked")
"""


def burst(server, path: str) -> list[tuple[int, bytes]]:
    with ThreadPoolExecutor(READERS) as pool:
        return list(pool.map(lambda _: server.get(path, timeout=60), range(READERS)))


def rendition_files(server) -> list[str]:
    images = server.var_dir / "media" / "images"
    return sorted(p.name for p in images.glob("photo-desk*")) if images.exists() else []


def test_readers_make_no_renditions_and_the_worker_makes_each_once(serve):
    server = serve(worker=False)
    made = json.loads(server.django(CREATE_STORY))
    image, url = made["image"], made["url"]

    answers = burst(server, url)
    assert [status for status, _ in answers] == [200] * READERS
    assert server.django(COUNT.format(image=image)).split() == ["0", "0"]
    assert rendition_files(server) == []

    with ThreadPoolExecutor(2) as pool:  # the job twice at once: a second save, say
        outcomes = list(pool.map(lambda _: server.django(RUN_JOB.format(image=image)), "ab"))
    assert str(MADE) in {outcome.strip() for outcome in outcomes}
    assert server.django(COUNT.format(image=image)).split() == [str(MADE)] * 2
    assert len(rendition_files(server)) == MADE  # no duplicate files beside them

    answers = burst(server, url)
    assert all(b"/media/images/photo-desk" in body for _, body in answers)
    assert server.django(COUNT.format(image=image)).split() == [str(MADE)] * 2
    assert len(rendition_files(server)) == MADE
