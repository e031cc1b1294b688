"""The import picture of DESIGN.md §1: imports point one way, down the flow, and sibling stages never
import each other (they talk through the model). Read from the source with ``ast``: every import
counts, module-level or inside a function, except imports for type checking only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "detente"

# lowest first; a module may import its own package, and any module of a lower layer
LAYERS = [
    {"text", "errors"},
    {"model"},
    {"doc", "cameo", "settings", "stages"},
    {"ingest"},
    {"parse"},
    {"dictionaries"},
    {"actors", "events", "quotes", "geo"},  # sibling stages
    {"attribution", "selection", "prefilter"},
    {"pipeline"},
    {"relations", "export", "sink", "parallel"},
    {"store"},  # DuckDB store: schema, migrations, the one writer, read-only queries, imports
    {"batch"},  # Dask batch runner: codes shards into Parquet that the store loads
    {"analyze"},  # analyses over the store's events table (may import store)
    {"validate", "explain", "evaluation"},
    {"serve"},  # the JSON API and dashboard over the store and the analyses
    {"cli"},
    {"__init__"},  # the public API re-exports
]
LAYER = {name: n for n, names in enumerate(LAYERS) for name in names}


def _unit(module: str) -> str:
    """``detente.events.stage`` -> ``events``; ``detente`` -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    found = []
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "detente"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "detente" and node.level == 0:
            if node.module == "detente":  # from detente import cameo
                found += [(node.lineno, f"detente.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_imports_point_down_the_picture(path):
    rel = path.relative_to(PACKAGE)
    here = "__init__" if rel == Path("__init__.py") else rel.parts[0].removesuffix(".py")
    assert here in LAYER, f"{rel} is in no layer of the picture; add it to LAYERS (and to docs/design.md)"
    wrong = []
    for line, module in _imports(path):
        there = _unit(module)
        if there == here or there not in LAYER:
            continue  # its own package (or a name the package re-exports, checked where it is defined)
        if LAYER[there] >= LAYER[here]:
            wrong.append(f"{rel}:{line} imports {module} ({there} is not below {here} in the picture)")
    assert not wrong, "\n".join(wrong)


def test_only_the_spacy_adapter_imports_spacy():
    offenders = []
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] == "spacy" for n in names) and path.name != "spacy_adapter.py":
                offenders.append(str(path.relative_to(PACKAGE)))
    assert not offenders


def test_the_checker_catches_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from detente.pipeline import Pipeline\n", encoding="utf-8")
    assert _imports(bad) == [(2, "detente.pipeline")]
    assert LAYER[_unit("detente.pipeline")] > LAYER["events"]
