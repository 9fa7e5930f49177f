"""The package's architecture, checked: each layer imports only from the layers before it.

``core → config → data → topics → present → pipeline → cli``. An import against that direction
(anywhere in a module: at the top, inside a function or under ``TYPE_CHECKING``) fails this test,
naming the file, line and the two layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "analysis"
LAYERS = ["core", "config", "data", "topics", "present", "pipeline", "cli"]


def layer_of(module: str) -> str | None:
    """Layer of a dotted module name inside the package (``analysis.topics.wmo`` → ``topics``)."""
    parts = module.split(".")
    if parts[0] != "analysis":
        return None
    if len(parts) == 1:
        return "facade"
    head = parts[1]
    if head in ("cli", "__main__"):
        return "cli"
    return head if head in LAYERS else None


def module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, as absolute dotted names, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            found.append((node.lineno, mod))
            # ``from analysis.data import datasets`` imports a submodule: check it too
            found += [(node.lineno, f"{mod}.{a.name}") for a in node.names]
    return found


def violations(path: Path) -> list[str]:
    me = module_name(path)
    mine = layer_of(me)
    out = []
    for line, mod in imports(path):
        theirs = layer_of(mod)
        if theirs is None or mod == "analysis" and me == "analysis":
            continue
        where = f"{path.relative_to(PKG.parent)}:{line}"
        if theirs == "facade" and mine != "facade":
            out.append(
                f"{where}: {me} imports the package facade ('{mod}'); import the module itself"
            )
        elif mine in LAYERS and theirs in LAYERS and LAYERS.index(theirs) > LAYERS.index(mine):
            out.append(f"{where}: {mine} → {theirs} ({me} imports {mod})")
    return out


def test_every_module_belongs_to_a_layer():
    stray = [
        str(p.relative_to(PKG.parent))
        for p in PKG.rglob("*.py")
        if layer_of(module_name(p)) is None
    ]
    assert stray == []


@pytest.mark.parametrize("layer", LAYERS[:-1])
def test_layer_is_a_folder(layer):
    assert (PKG / layer / "__init__.py").is_file()


def test_imports_point_down_the_layers():
    found = [v for p in sorted(PKG.rglob("*.py")) for v in violations(p)]
    assert found == [], "imports against the direction of the layers:\n" + "\n".join(found)


def test_the_check_catches_an_upward_import(tmp_path, monkeypatch):
    """The check itself can fail: a data module importing a topic is reported."""
    fake = PKG / "data" / "_layer_probe.py"
    fake.write_text("def f():\n    from analysis.topics import wmo\n", encoding="utf-8")
    try:
        assert violations(fake) == [
            "analysis/data/_layer_probe.py:2: data → topics (analysis.data._layer_probe imports "
            "analysis.topics)",
            "analysis/data/_layer_probe.py:2: data → topics (analysis.data._layer_probe imports "
            "analysis.topics.wmo)",
        ]
    finally:
        fake.unlink()


# Small functions (issue 13.3): a function of the package that no longer fits on a screen is split
# into named steps. Counted from ``def`` to its last line, docstring included.
MAX_FUNCTION_LINES = 80


def long_functions(path: Path, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    """``file:line name (n lines)`` for every function in ``path`` longer than ``limit`` lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            n = (node.end_lineno or node.lineno) - node.lineno + 1
            if n > limit:
                found.append(
                    f"{path.relative_to(PKG.parent)}:{node.lineno} {node.name} ({n} lines)"
                )
    return found


def test_no_function_is_longer_than_80_lines():
    found = [f for p in sorted(PKG.rglob("*.py")) for f in long_functions(p)]
    assert found == [], f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(found)


def test_the_size_check_catches_a_long_function(tmp_path):
    probe = PKG / "core" / "_size_probe.py"
    body = "".join(f"    x{i} = {i}\n" for i in range(80))
    probe.write_text(f"def short():\n    return 1\n\n\ndef long():\n{body}", encoding="utf-8")
    try:
        assert long_functions(probe) == ["analysis/core/_size_probe.py:5 long (81 lines)"]
    finally:
        probe.unlink()
