"""Where the shared wire files are: ../shared/data/wire beside the checkout (CI lays a
copy of shared/ there). They are read at test time, never copied into the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

WIRE_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "wire"


def wire_files() -> list[Path]:
    """Every wire file of the shared corpus and the IPTC examples (READMEs aside)."""
    files = [
        path
        for folder in ("corpus", "iptc")
        for path in sorted((WIRE_DATA / folder).iterdir())
        if path.is_file() and path.name not in {"README.md", "LICENSE"}
    ]
    return files


@pytest.fixture
def corpus():
    def path(name: str) -> Path:
        found = WIRE_DATA / "corpus" / name
        assert found.is_file(), f"missing shared wire file {found}"
        return found

    return path
