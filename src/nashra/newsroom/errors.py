"""What can go wrong when the newsroom changes a story, in the newsroom's words."""

from django.core.exceptions import PermissionDenied


class NewsroomError(Exception):
    """Base of every refusal an action can give."""


class ActionNotPermitted(NewsroomError, PermissionDenied):
    """The person may not do this to this story (role, section or language).

    A `PermissionDenied`, as Wagtail's own refusals are, so a view that lets it through
    answers 403. `role` is the role the refusal was worded for, `verb` what was refused.
    """

    def __init__(self, message: str, *, role: str = "", verb: str = ""):
        super().__init__(message)
        self.role = role
        self.verb = verb


class ActionRefused(NewsroomError):
    """The change itself makes no sense now (e.g. correcting a story that is not live)."""


class StaleEdit(NewsroomError):
    """Someone saved a newer version since this editor opened the story."""
