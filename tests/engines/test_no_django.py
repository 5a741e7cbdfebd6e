"""Engines stay free of Django: no module under src/nashra/engines imports it."""

import ast
from pathlib import Path

ENGINES = Path(__file__).resolve().parents[2] / "src" / "nashra" / "engines"


def test_no_engine_module_imports_django() -> None:
    offenders = []
    for path in ENGINES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path}: {n}" for n in names if n.split(".")[0] in {"django", "wagtail"}]
    assert offenders == []
