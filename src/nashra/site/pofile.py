"""Read gettext .po catalogues and compile them to .mo, in pure Python.

Why not `compilemessages`: it shells out to GNU msgfmt, which a fresh server or CI image
may not have. The .po files are in the repository; the .mo files are build output
(git-ignored), written by `nashra setup` and by the test session.

Supports what our catalogues use: msgctxt, msgid_plural / msgstr[n], multi-line strings,
and the `#, fuzzy` flag (fuzzy entries are left out, as msgfmt does).
"""

from __future__ import annotations

import ast
import struct
from dataclasses import dataclass, field
from pathlib import Path

SRC_DIR = Path(__file__).resolve().parents[1]  # src/nashra


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    fuzzy: bool = False

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())


class PoSyntaxError(ValueError):
    pass


def parse_po(text: str, name: str = "<po>") -> list[Entry]:
    """Entries of a .po file, header (msgid "") included."""
    entries: list[Entry] = []
    current, target, fuzzy = Entry(), None, False

    def finish() -> None:
        nonlocal current, fuzzy
        if current.msgstr or current.msgid:
            current.fuzzy = fuzzy
            entries.append(current)
        current, fuzzy = Entry(), False

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("#,") and "fuzzy" in line:
                if current.msgstr:
                    finish()
                fuzzy = True
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            keyword, rest = None, line
        elif keyword in ("msgid", "msgctxt") and current.msgstr:
            finish()
        try:
            value = ast.literal_eval(rest.strip()) if rest.strip() else ""
        except (SyntaxError, ValueError):
            raise PoSyntaxError(f"{name}:{number}: not a quoted string: {raw!r}") from None
        if not isinstance(value, str):
            raise PoSyntaxError(f"{name}:{number}: not a quoted string: {raw!r}")
        if keyword is None:
            if target is None:
                raise PoSyntaxError(f"{name}:{number}: continuation line without a keyword")
            _append(current, target, value)
            continue
        if keyword.startswith("msgstr[") and keyword.endswith("]"):
            target = ("msgstr", int(keyword[7:-1]))
        elif keyword in ("msgid", "msgid_plural", "msgctxt", "msgstr"):
            target = (keyword, 0)
        else:
            raise PoSyntaxError(f"{name}:{number}: unknown keyword {keyword!r}")
        _set(current, target, value)
    finish()
    return entries


def _set(entry: Entry, target: tuple[str, int], value: str) -> None:
    kind, index = target
    if kind == "msgstr":
        entry.msgstr[index] = value
    else:
        setattr(entry, kind, value)


def _append(entry: Entry, target: tuple[str, int], value: str) -> None:
    kind, index = target
    if kind == "msgstr":
        entry.msgstr[index] += value
    else:
        setattr(entry, kind, (getattr(entry, kind) or "") + value)


def compile_mo(entries: list[Entry]) -> bytes:
    """The GNU .mo bytes (little-endian, no hash table) for the usable entries."""
    pairs: dict[bytes, bytes] = {}
    for entry in entries:
        if entry.fuzzy and entry.msgid:
            continue
        if entry.msgid and not entry.translated:
            continue
        key = entry.msgid
        if entry.msgctxt is not None:
            key = f"{entry.msgctxt}\x04{key}"
        if entry.msgid_plural is not None:
            key = f"{key}\x00{entry.msgid_plural}"
            value = "\x00".join(entry.msgstr[i] for i in sorted(entry.msgstr))
        else:
            value = entry.msgstr.get(0, "")
        pairs[key.encode("utf-8")] = value.encode("utf-8")
    keys = sorted(pairs)
    count = len(keys)
    ids_start = 7 * 4
    strs_start = ids_start + count * 8
    data_start = strs_start + count * 8
    id_table, str_table, blob = [], [], b""
    for key in keys:
        id_table.append((len(key), data_start + len(blob)))
        blob += key + b"\x00"
    for key in keys:
        value = pairs[key]
        str_table.append((len(value), data_start + len(blob)))
        blob += value + b"\x00"
    header = struct.pack("<7I", 0x950412DE, 0, count, ids_start, strs_start, 0, data_start)
    tables = b"".join(struct.pack("<2I", *pair) for pair in id_table + str_table)
    return header + tables + blob


def compile_catalogues(root: Path = SRC_DIR) -> list[Path]:
    """Compile every locale/*/LC_MESSAGES/*.po under ``root``; returns the .mo paths."""
    written = []
    for po in sorted(root.glob("**/locale/*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        data = compile_mo(parse_po(po.read_text(encoding="utf-8"), str(po)))
        if not mo.exists() or mo.read_bytes() != data:
            mo.write_bytes(data)
        written.append(mo)
    return written
