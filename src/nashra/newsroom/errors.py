"""What can go wrong when the newsroom changes a story, in the newsroom's words."""


class NewsroomError(Exception):
    """Base of every refusal an action can give."""


class ActionNotPermitted(NewsroomError):
    """The person may not do this to this story (role, section or language)."""


class ActionRefused(NewsroomError):
    """The change itself makes no sense now (e.g. scheduling into the past)."""


class StaleEdit(NewsroomError):
    """Someone saved a newer version since this editor opened the story."""
