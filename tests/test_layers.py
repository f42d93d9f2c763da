"""Data flows one way through the generator: a module imports only from the layers before its own (lazy
imports inside functions included). The order is the build's: pipeline.py runs the layers before it,
build/ runs the pipeline, the editors' tools and the command line come last."""
from __future__ import annotations

import ast

from support.project import HOOKS

PACKAGE = HOOKS / "renda_site"
# Earliest first. The package's __init__ is only the facade (it re-exports the pipeline).
ORDER = ["problems", "stages", "clock", "text", "address", "outputs", "safe_html", "safe_markdown",
         "input", "model", "kinds", "render", "publish", "inspection", "pipeline", "build", "editors", "__main__"]


def imports_by_layer() -> dict[tuple[str, str], list[str]]:
    """{(importing layer, imported layer): [module paths]} for every import between two layers."""
    found: dict[tuple[str, str], list[str]] = {}
    top_level = ({p.stem for p in PACKAGE.glob("*.py")}
                 | {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()})
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        here = list(parts[:-1]) if parts[-1] != "__init__" or len(parts) == 1 else list(parts[:-1])
        layer = parts[0] if len(parts) > 1 or parts[0] != "__init__" else "__init__"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = here[:len(here) - (node.level - 1)] if node.level > 1 else here
            targets = [[*base, *node.module.split(".")]] if node.module else [[*base, a.name] for a in node.names]
            for target in targets:
                other = target[0] if target and target[0] in top_level else "__init__"   # a name of the facade
                if other != layer:
                    found.setdefault((layer, other), []).append(path.relative_to(PACKAGE).as_posix())
    return found


def test_every_import_runs_from_a_later_layer_to_an_earlier_one():
    found = imports_by_layer()
    layers = {layer for pair in found for layer in pair}
    assert layers <= {*ORDER, "__init__"}, f"a layer not in ORDER: {layers - {*ORDER, '__init__'}}"
    backwards = {pair: files for pair, files in found.items()
                 if pair[0] != "__init__" and (pair[1] == "__init__" or ORDER.index(pair[1]) > ORDER.index(pair[0]))}
    assert not backwards, backwards
    assert {other for layer, other in found if layer == "__init__"} == {"pipeline"}


def test_the_pipeline_runs_every_stage():
    stages = {other for layer, other in imports_by_layer() if layer == "pipeline"}
    assert {"input", "model", "kinds", "render", "publish"} <= stages


def test_tests_run_the_benchmarks_scripts_but_never_import_them():
    """bench/ stands alone: a test may run a benchmark as a script (subprocess), never import its code, so a
    change to a measurement cannot change what a test asserts."""
    from support.project import ROOT
    bench_modules = {p.stem for p in (ROOT / "bench").glob("*.py")}
    found = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            found += [f"{path.name}: import {n}" for n in names if n.split(".")[0] in bench_modules | {"bench"}]
            if isinstance(node, ast.Call) and ast.unparse(node.func) in ("sys.path.insert", "sys.path.append") \
                    and any(isinstance(c, ast.Constant) and c.value == "bench" for c in ast.walk(node)):
                found.append(f"{path.name}:{node.lineno}: puts bench/ on sys.path")
    assert not found, found
