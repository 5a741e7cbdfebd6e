"""Compile the gettext catalogues (.po to .mo) with polib, in pure Python.

Why not `compilemessages`: it shells out to GNU msgfmt, which a fresh server or CI image
may not have. The .po files are in the repository; the .mo files are build output
(git-ignored), written by `nashra setup` and by the test session. Like msgfmt, polib
leaves fuzzy and untranslated entries out, so they fall back to English.
"""

from __future__ import annotations

from pathlib import Path

import polib

SRC_DIR = Path(__file__).resolve().parents[1]  # src/nashra


def compile_catalogues(root: Path = SRC_DIR) -> list[Path]:
    """Compile every locale/*/LC_MESSAGES/*.po under ``root``; returns the .mo paths.

    A .mo that is already up to date is left alone, so its mtime does not change.
    """
    written = []
    for po in sorted(root.glob("**/locale/*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        data = polib.pofile(str(po)).to_binary()
        if not mo.exists() or mo.read_bytes() != data:
            mo.write_bytes(data)
        written.append(mo)
    return written
