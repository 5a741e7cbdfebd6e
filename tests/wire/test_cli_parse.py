"""`nashra wire parse FILE`: the contract other tools rely on (DESIGN.md, issue 17).

A JSON list on stdout, each object with exactly the contract's keys; a file it cannot
read exits 2 with one line on stderr and nothing on stdout."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from nashra.cli import main
from tests.engines.wire.conftest import WIRE_DATA, wire_files

KEYS = [
    "guid",
    "version",
    "pub_status",
    "language",
    "headline",
    "byline",
    "dateline",
    "slugline",
    "urgency",
    "body_text",
    "subjects",
    "keywords",
    "version_created",
    "first_created",
    "embargoed",
    "provider",
    "item_class",
]


@pytest.mark.parametrize("path", wire_files(), ids=lambda p: p.name)
def test_every_shared_file_prints_contract_json_or_one_line(path, capsys):
    code = main(["wire", "parse", str(path)])
    out, err = capsys.readouterr()
    if code == 2:
        assert out == ""
        assert err.count("\n") == 1
        assert err.startswith("nashra: error: ")
        return
    assert code == 0
    assert err == ""
    items = json.loads(out)
    assert isinstance(items, list)
    for item in items:
        assert list(item) == KEYS


def test_missing_file_exits_2_with_one_line(tmp_path, capsys):
    assert main(["wire", "parse", str(tmp_path / "nope.xml")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    missing = tmp_path / "nope.xml"
    assert err == f"nashra: error: {missing}: cannot read the file: No such file or directory\n"


def test_hostile_file_exits_2(tmp_path, capsys):
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(b'<!DOCTYPE a [<!ENTITY x "xx">]><nitf>&x;</nitf>')
    assert main(["wire", "parse", str(bomb)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_the_installed_command_prints_utf8_json():
    """The real `nashra` entry point, in a fresh process with an ASCII locale."""
    path = WIRE_DATA / "corpus" / "afp20.xml"
    done = subprocess.run(
        [sys.executable, "-m", "nashra", "wire", "parse", str(path)],
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout.decode("utf-8"))
    assert items[0]["headline"].startswith("Décès de Naomi Musenga")
    assert list(items[0]) == KEYS
