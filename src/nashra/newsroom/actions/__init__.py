"""The newsroom's own changes to a story: what Wagtail does not do itself.

Publishing, scheduling, unpublishing, submitting for review and approving are Wagtail's
(`wagtail.actions.*`, `Workflow.start`, `Task.on_action`); they ask the pages' permission
tester (`nashra.newsroom.permissions`), where the newsroom's rules live. What Wagtail
lacks is here, one class per module, shaped like Wagtail's actions: built with the
object, the user and the input; `check()` raises the domain's refusal
(`ActionNotPermitted`, `ActionRefused`); `execute()` checks, saves, logs, purges what no
Wagtail signal purges, and sends the newsroom's outward signal. The admin's screens,
the jobs and any other caller construct the same class.
"""

from nashra.newsroom.actions.correct import CorrectStoryAction
from nashra.newsroom.actions.ingest_wire import IngestWireItemAction
from nashra.newsroom.actions.kill import KillStoryAction
from nashra.newsroom.actions.overdue import PublishOverdueAction

__all__ = [
    "CorrectStoryAction",
    "IngestWireItemAction",
    "KillStoryAction",
    "PublishOverdueAction",
]
