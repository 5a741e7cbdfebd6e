"""The record that the demo newsroom was loaded, so it is loaded at most once.

`nashra setup --demo` loads the demo only when this table is empty and the site has no
edition yet; afterwards, stories or the demo account an editor deleted stay deleted.
"""

from __future__ import annotations

from django.db import models


class DemoLoad(models.Model):
    loaded_at = models.DateTimeField(auto_now_add=True)
    content_loaded = models.BooleanField(
        default=True, help_text="False when the site already had content and the demo was skipped"
    )

    def __str__(self) -> str:
        return f"demo {'loaded' if self.content_loaded else 'skipped'} at {self.loaded_at}"
