"""The newsroom's outward extension points.

The newsroom's actions (`CorrectStoryAction`, `KillStoryAction`) send these after a change
is saved; other apps may listen, but nothing in the newsroom depends on them. Wagtail's
own signals cover what Wagtail does (publishing, unpublishing, review). Purging cached
pages is not one of them: nashra.kernel.cache does that for every change.
"""

from django.dispatch import Signal

story_corrected = Signal()
story_killed = Signal()
