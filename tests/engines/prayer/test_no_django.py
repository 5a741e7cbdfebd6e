"""Engines stay free of Django: walk every file under src/nashra/engines with ast."""

import ast
from pathlib import Path

ENGINES = Path(__file__).resolve().parents[3] / "src/nashra/engines"


def test_no_module_under_engines_imports_django():
    offenders = []
    for path in ENGINES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path}: {n}"
                for n in names
                if n == "django" or n.startswith(("django.", "wagtail"))
            ]
    assert not offenders, offenders
    assert any(ENGINES.rglob("*.py"))
