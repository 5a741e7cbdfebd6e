"""Typed readers for environment variables.

Every reader fails loudly with `ConfigurationError` naming the variable, so a bad value
stops start-up with one clear line instead of misbehaving later.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[3]


class ConfigurationError(Exception):
    """A setting read from the environment is missing or malformed."""


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "", environ: Mapping[str, str] = os.environ) -> str:
    return environ.get(name, default).strip()


def env_bool(name: str, default: bool = False, environ: Mapping[str, str] = os.environ) -> bool:
    raw = environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigurationError(f"{name} must be true or false, not {raw!r}")


def env_int(
    name: str, default: int, minimum: int | None = None, environ: Mapping[str, str] = os.environ
) -> int:
    raw = environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum}, not {value}")
    return value


def env_list(name: str, default: str = "", environ: Mapping[str, str] = os.environ) -> list[str]:
    raw = environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def var_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """Where databases, the task queue, static and media files live (NASHRA_VAR_DIR)."""
    return Path(env_str("NASHRA_VAR_DIR", environ=environ) or PROJECT_DIR / "var")


def child_environment(extra: Mapping[str, str]) -> dict[str, str]:
    """The environment for a child process (e.g. `pg_dump`): this process's, plus `extra`.

    Secrets such as a database password reach the child this way, never on its command
    line, where any user of the machine could read them (`ps`).
    """
    return {**os.environ, **extra}
