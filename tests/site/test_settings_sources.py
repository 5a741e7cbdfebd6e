"""Every setting comes from src/nashra/site/settings.py, and the README lists every variable.

Code outside the settings reads `django.conf.settings.NAME`, never the environment
(`os.environ`, `os.getenv`) and never `getattr(settings, "NAME", default)`, whose
default hides a setting that is defined nowhere. The files below are the exceptions.
`getattr(settings, name)` with a name held in a variable and no default is a plain
read (nashra.kernel.cache names each cache's lifetime setting); the names it may be
given are checked as strings below.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
SETTINGS = SRC / "nashra/site/settings.py"
README = ROOT / "README.md"

# Where the environment may be read or written: a file, or only inside the named
# function of that file ("<module>" for module level).
ALLOWED: dict[str, set[str] | None] = {
    "nashra/site/settings.py": None,  # the settings themselves
    "nashra/site/settings_test.py": None,  # test defaults, set before the settings load
    "nashra/kernel/env.py": None,  # the typed readers the settings use
    "nashra/kernel/bootstrap.py": {"setup_django"},  # the DJANGO_SETTINGS_MODULE default
    "nashra/site/wsgi.py": {"<module>"},  # the DJANGO_SETTINGS_MODULE default
}


def is_settings(node: ast.expr) -> bool:
    """`settings` or `django.conf.settings` (however the module was imported)."""
    if isinstance(node, ast.Name):
        return node.id in {"settings", "django_settings"}
    return isinstance(node, ast.Attribute) and node.attr == "settings"


def environment_reads(tree: ast.AST) -> list[tuple[int, str, str]]:
    """(line, enclosing function, what) for each environment or getattr(settings) read."""
    found: list[tuple[int, str, str]] = []

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        what = None
        if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv", "environb"}:
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                what = f"os.{node.attr}"
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            names = {alias.name for alias in node.names} & {"environ", "getenv", "environb"}
            if names:
                what = f"from os import {', '.join(sorted(names))}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and node.args
            and is_settings(node.args[0])
            and (len(node.args) > 2 or isinstance(node.args[1], ast.Constant))
        ):
            what = "getattr(settings, ...)"
        if what:
            found.append((node.lineno, function, what))
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, "<module>")
    return found


def source_files() -> list[Path]:
    return sorted((SRC / "nashra").rglob("*.py"))


def test_no_code_reads_the_environment_outside_the_settings():
    offences = []
    for path in source_files():
        relative = path.relative_to(SRC).as_posix()
        allowed = ALLOWED.get(relative, set())
        if allowed is None:
            continue
        for line, function, what in environment_reads(ast.parse(path.read_text(), str(path))):
            if function not in allowed:
                offences.append(f"src/{relative}:{line}: {what} (in {function})")
    assert offences == [], (
        "read settings as django.conf.settings.NAME, defined in src/nashra/site/settings.py "
        "with the env helpers:\n" + "\n".join(offences)
    )


def test_the_scan_finds_each_kind_of_read():
    source = (
        "import os\nfrom os import getenv\n"
        "def f():\n    return os.environ.get('A'), os.getenv('B'), getattr(settings, 'C', 1)\n"
        "def g(name):\n    return getattr(settings, name)\n"
    )
    found = environment_reads(ast.parse(source))
    assert [(line, what) for line, _, what in found] == [
        (2, "from os import getenv"),
        (4, "os.environ"),
        (4, "os.getenv"),
        (4, "getattr(settings, ...)"),
    ]
    assert {function for _, function, _ in found} == {"<module>", "f"}


def defined_settings() -> set[str]:
    tree = ast.parse(SETTINGS.read_text())
    names = set()
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name) and name.id.isupper():
                    names.add(name.id)
    return names


def setting_names_used(tree: ast.AST):
    """(line, name) of `settings.NASHRA_X` and of "NASHRA_X" said as a string."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("NASHRA_"):
            if is_settings(node.value):
                yield node.lineno, node.attr
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if re.fullmatch(r"NASHRA_[A-Z0-9_]+", node.value):
                yield node.lineno, node.value


def test_every_nashra_setting_the_code_uses_is_defined():
    defined = defined_settings() | {"NASHRA_VAR_DIR"}  # read by the kernel's var_dir()
    missing = []
    for path in source_files():
        if ALLOWED.get(path.relative_to(SRC).as_posix(), set()) is None:
            continue  # the settings and env readers name environment variables
        for line, name in setting_names_used(ast.parse(path.read_text(), str(path))):
            if name not in defined:
                missing.append(f"src/{path.relative_to(SRC).as_posix()}:{line}: {name}")
    assert missing == [], "not defined in settings.py:\n" + "\n".join(missing)


def variables_read_by_settings() -> set[str]:
    """Names passed to the env helpers (`env_int("NAME", ...)`) in settings.py."""
    read = set()
    for node in ast.walk(ast.parse(SETTINGS.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "var_dir":
                read.add("NASHRA_VAR_DIR")  # the kernel's var_dir() reads it for the settings
            elif node.func.id.startswith("env_") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    read.add(first.value)
    return read


def readme_variables() -> set[str]:
    section = README.read_text().split("## Settings", 1)[1]
    return set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", section, flags=re.M))


def test_every_variable_the_settings_read_is_in_the_readme_table():
    read, documented = variables_read_by_settings(), readme_variables()
    assert any(name.startswith("NASHRA_") for name in read), "settings read with the env helpers"
    assert sorted(read - documented) == [], "add these to the README's settings table"


def test_every_variable_in_the_readme_table_is_read_by_the_settings():
    read, documented = variables_read_by_settings(), readme_variables()
    assert sorted(documented - read) == [], "the README lists these, the settings never read them"
