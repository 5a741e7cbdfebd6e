"""The README's first screen (its settings table: tests/site/test_settings_sources.py)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_readme_first_screen_shows_the_two_commands():
    first_screen = "\n".join((ROOT / "README.md").read_text().splitlines()[:20])
    commands = re.findall(r"^make [\w-]+", first_screen, re.M)
    assert commands == ["make run", "make test"]
