"""The package's layering: data flows read -> annotate -> assemble -> write -> evaluate, and a lower
layer never imports a higher one, not even inside a function (ARCHITECTURE.md). Every ``claimex``
import of every module, at any depth of the syntax tree, is checked against the order below."""

from __future__ import annotations

import ast
from pathlib import Path

import claimex

PACKAGE = Path(claimex.__file__).resolve().parent

# lowest first; modules of one layer may import each other. The package root (the public API facade,
# whose names load lazily) is exempt as an importer.
LAYERS: list[set[str]] = [
    {"schema", "paths", "metrics", "version", "thinc_torch", "compiled"},
    {"read"},
    {"annotate"},
    {"assemble"},
    {"extractor"},
    {"write"},
    {"batch"},
    {"corpora"},
    {"evaluate"},
    {"train"},
    {"review"},
    {"cli", "__main__"},
]
RANK = {name: k for k, layer in enumerate(LAYERS) for name in layer}


def module_name(path: Path) -> str:
    parts = ["claimex", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, name: str) -> set[str]:
    """Every claimex module that ``path`` (module ``name``) imports (relative imports resolved)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "claimex")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "claimex":
                continue
            if node.module is None:  # from .. import paths -> claimex.paths
                out.update(f"{target}.{a.name}" for a in node.names)
            else:
                out.add(target)
    return out


def top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_every_top_level_module_has_a_layer():
    names = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
             if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").exists()}
    assert names <= set(RANK), f"give these a layer in LAYERS: {sorted(names - set(RANK))}"


def test_no_lower_layer_imports_a_higher_one():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = top(module_name(path))
        if not source:
            continue
        for target in imports(path, module_name(path)):
            dest = top(target)
            if dest and dest in RANK and RANK[dest] > RANK[source]:
                upward.append(f"{module_name(path)} imports {target}")
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_the_checker_sees_imports_inside_functions(tmp_path):
    fake = tmp_path / "mod.py"
    fake.write_text("import json\n\ndef f():\n    from claimex.cli import main\n    from ..assemble import record\n"
                    "    from .. import paths\n", encoding="utf-8")
    assert imports(fake, "claimex.read.mod") == {"claimex.cli", "claimex.assemble", "claimex.paths"}


def test_no_import_cycles():
    """No module imports (at any depth) a module that imports it back, directly or through others."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        deps = set()
        for target in imports(path, name):
            while target and target not in modules:  # from .x import y: the module is x
                target = target.rpartition(".")[0]
            if target and target != name:
                deps.add(target)
        graph[name] = deps
    cycles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for dep in sorted(graph[node]):
            if state.get(dep) == "open":
                cycles.append(" -> ".join(trail[trail.index(dep):] + [dep]))
            elif dep not in state:
                visit(dep, trail + [dep])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)
