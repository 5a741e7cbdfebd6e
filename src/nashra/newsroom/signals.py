"""The newsroom's outward extension points.

`actions` sends these after a change is saved; other apps may listen, but nothing in the
newsroom depends on them. (Purging cached pages is not one of them: nashra.kernel.cache
does that for every change.)
"""

from django.dispatch import Signal

story_submitted = Signal()
story_approved = Signal()
story_corrected = Signal()
story_killed = Signal()
breaking_news_changed = Signal()
