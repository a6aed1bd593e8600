"""The layout shows the architecture: the import graph of `gladia/` has no circle, and no arrow runs from a
lower layer to a higher one.

    leaves      gladia.errors, gladia.types, gladia.subtitles, gladia._version      (and gladia_api)
    core        gladia._core                                                         -> leaves
    apis        gladia.prerecorded, gladia.live                                     -> core, leaves
    clients     gladia (its __init__), gladia._client, gladia.webhooks               -> apis, core, leaves
    emulator    gladia.testing: a separate judge                                     -> leaves, gladia_api only
    cli         gladia.cli                                                           -> anything above

Every import counts, at module level or inside a function (a lazy import is still an arrow), except those
under `if TYPE_CHECKING:`, which only type checkers follow.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "gladia"

LAYERS = {
    "leaves": ("gladia.errors", "gladia.types", "gladia.subtitles", "gladia._version"),
    "core": ("gladia._core",),
    "apis": ("gladia.prerecorded", "gladia.live"),
    "clients": ("gladia", "gladia._client", "gladia.webhooks"),
    "emulator": ("gladia.testing",),
    "cli": ("gladia.cli",),
}
MAY_IMPORT = {
    "leaves": {"leaves"},
    "core": {"leaves", "core"},
    "apis": {"leaves", "core", "apis"},
    "clients": {"leaves", "core", "apis", "clients"},
    "emulator": {"leaves", "emulator"},
    "cli": {"leaves", "core", "apis", "clients", "emulator", "cli"},
}


def module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    best = ("", "")
    for layer, prefixes in LAYERS.items():
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > len(best[1]):
                best = (layer, prefix)
    assert best[0], f"{module} is in no layer: add it to LAYERS"
    return best[0]


def _type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and ast.unparse(test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """The gladia modules `path` imports (line, module), outside `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_of(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        if _type_checking(node):
            continue
        todo.extend(ast.iter_child_nodes(node))
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                # `from gladia._core import clock` names a module; `from gladia.errors import X` a name.
                yield node.lineno, full if (ROOT / (full.replace(".", "/") + ".py")).exists() else base


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        source = module_of(path)
        edges.setdefault(source, set())
        for _, target in imports(path):
            if target == "gladia" or target.startswith("gladia."):
                edges[source].add(target)
    return edges


def test_no_arrow_runs_from_a_lower_layer_to_a_higher_one() -> None:
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        source = module_of(path)
        for line, target in imports(path):
            if target != "gladia" and not target.startswith("gladia."):
                continue
            if layer_of(target) not in MAY_IMPORT[layer_of(source)]:
                wrong.append(
                    f"{path.relative_to(ROOT)}:{line}: {source} ({layer_of(source)}) imports {target}"
                )
    assert wrong == []


def test_the_import_graph_has_no_circle() -> None:
    edges = graph()
    # Tarjan's strongly connected components: any with two or more modules is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in edges:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    assert circles == []


def test_the_check_finds_what_it_looks_for() -> None:
    # The checks above would pass on an empty graph: make sure they read the real one.
    edges = graph()
    assert "gladia._core.transport" in edges["gladia._core.transport_async"]
    assert layer_of("gladia.prerecorded._client_async") == "apis"
    assert layer_of("gladia.testing._app") == "emulator"
    assert any(target.startswith("gladia._core") for target in edges["gladia.live._client_async"])
