"""Background job of the wire desk (run by the huey consumer under `nashra serve`)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from nashra.wire.ingest import ingest_all


@db_periodic_task(crontab(minute="*"))
def ingest_wire_sources() -> int:
    """Every minute: each enabled source's new files or feed; HTTP sources back off."""
    return sum(o.created + o.updated for o in ingest_all().values())
