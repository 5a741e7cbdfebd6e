"""Background jobs of the newsroom (run by the huey consumer under `nashra serve`)."""

from django.db import transaction
from huey import crontab
from huey.contrib.djhuey import HUEY, db_periodic_task, db_task

from nashra.newsroom.actions import PublishOverdueAction


@db_periodic_task(crontab(minute="*"))
def publish_scheduled_stories() -> int:
    return PublishOverdueAction().execute()


@db_task(retries=3, retry_delay=10)
def make_image_renditions(image_id: int) -> int:
    """Make the site's renditions of one image (nashra.newsroom.renditions), once."""
    from wagtail.images import get_image_model

    from nashra.newsroom.renditions import make_renditions

    # One worker at a time per image: a second save while the first runs retries later.
    with HUEY.lock_task(f"renditions-{image_id}"):
        image = get_image_model().objects.filter(pk=image_id).first()
        return make_renditions(image) if image is not None else 0


def make_renditions_after_commit(sender, instance, **kwargs) -> None:
    """post_save of an image: its renditions are made by the worker once the save commits."""
    image_id = instance.pk
    transaction.on_commit(lambda: make_image_renditions(image_id))
