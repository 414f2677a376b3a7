"""The model modules import one another in one direction only: no cycle, not even through an import
hidden inside a function, so each can be read (and loaded) from the bottom up."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def modules():
    """{dotted name: path} of every model module (the package's __init__ only gathers them)."""
    found = {
        f"releases.models.{path.stem}": path
        for path in (ROOT / "releases" / "models").glob("*.py")
        if path.stem != "__init__"
    }
    found["members.models"] = ROOT / "members" / "models.py"
    return found


def imported(name, path):
    """The model modules that ``name`` imports, anywhere in its file."""
    package = name.rsplit(".", 1)[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(filter(None, [*parts, base]))
            candidates = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        targets.update(candidate for candidate in candidates if candidate in modules() and candidate != name)
    return targets


def test_the_model_modules_import_each_other_without_a_cycle():
    graph = {name: imported(name, path) for name, path in modules().items()}
    visiting, done = [], set()

    def visit(name):
        assert name not in visiting, f"import cycle: {' → '.join([*visiting[visiting.index(name) :], name])}"
        if name in done:
            return
        visiting.append(name)
        for target in sorted(graph[name]):
            visit(target)
        visiting.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)
    assert "releases.models.release" in graph and graph["releases.models.release"], "the graph was read"


def test_members_knows_nothing_of_releases():
    for path in (ROOT / "members").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            assert not any(name.split(".")[0] == "releases" for name in names), f"{path} imports releases"
