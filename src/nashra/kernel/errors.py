"""Errors every layer may raise."""


class CommandError(Exception):
    """A user-facing error of the `nashra` command: printed as one line, exit code 2."""
