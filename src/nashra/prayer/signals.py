"""Changing the Jumu'ah schedule changes every page's header: purge them."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save


def schedule_changed(sender, **kwargs) -> None:
    from nashra.kernel.cache import purge_pages
    from nashra.prayer.schedule import forget_schedule

    forget_schedule()
    purge_pages()


def connect() -> None:
    from nashra.prayer.models import JumuahTime

    post_save.connect(schedule_changed, sender=JumuahTime, dispatch_uid="prayer-jumuah-saved")
    post_delete.connect(schedule_changed, sender=JumuahTime, dispatch_uid="prayer-jumuah-deleted")
