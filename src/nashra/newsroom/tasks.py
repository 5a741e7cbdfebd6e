"""Background jobs of the newsroom (run by the huey consumer under `nashra serve`)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from nashra.newsroom.actions import PublishOverdueAction


@db_periodic_task(crontab(minute="*"))
def publish_scheduled_stories() -> int:
    return PublishOverdueAction().execute()
