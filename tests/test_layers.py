"""The layers of the code: no import runs back up, and no import cycle exists.

Every import is read with `ast`, at module level and inside functions alike (a lazy
import still ties two modules together), from every file under src/nashra except
migrations. Layers, lowest first:

    engines   pure Python (tests/engines/test_no_django.py keeps Django out)
    kernel    cache, clock, env, database, urls, conditional HTTP, errors, bootstrap
    apps      hijri, prayer, weather            (each stands on kernel and engines)
    newsroom  the CMS                           (may use the apps below it)
    readers   search, syndication, wire         (read or feed the newsroom)
    shell     site (settings, urls, header, commands), cli, __main__

A module may import its own package and any lower layer; never a higher layer, and never
a sibling package of its own layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "nashra"

LAYERS: list[set[str]] = [
    {"engines"},
    {"kernel"},
    {"hijri", "prayer", "weather"},
    {"newsroom"},
    {"search", "syndication", "wire"},
    {"site", "cli", "__main__", "__init__"},
]
LAYER_OF = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts]


MODULES = {module_name(path): path for path in source_files()}


def resolve(name: str) -> str | None:
    """The module of ours that `name` names (a module, or a name inside one)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            target = resolve(name)
            if target and target != module:
                found.add(target)
    return found


GRAPH = {module: imports_of(module, path) for module, path in MODULES.items()}


def area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_area_has_a_layer():
    assert {area(module) for module in MODULES} <= set(LAYER_OF)


def test_no_import_runs_back_up_a_layer():
    wrong = []
    for module, targets in GRAPH.items():
        for target in targets:
            here, there = area(module), area(target)
            if here == there:
                continue
            if LAYER_OF[there] >= LAYER_OF[here] and LAYER_OF[here] != LAYER_OF["site"]:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively: every group of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_no_import_cycle():
    assert strongly_connected(GRAPH) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(graph) == [["a", "b", "c"]]


def test_the_layer_walk_sees_lazy_imports():
    lazy = GRAPH["nashra.kernel.bootstrap"]
    assert "nashra.kernel.env" in lazy  # imported inside setup_django()
