"""The catalogue's parts import each other in one direction only.

The model imports no other part; reading and checks build on the model;
pages, publishing, search and the map build on those. Only the build
(`catalogue/build.py`, `catalogue/background.py`) sees every part, and no
part knows the site engine.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "catalogue"

# part -> the parts it may import (itself included)
ALLOWED = {
    "model": {"model"},
    "reading": {"model", "reading"},
    "checks": {"model", "reading", "checks", "map"},  # the map's outlines check where libraries are
    "map": {"model", "reading", "map"},
    "pages": {"model", "reading", "checks", "map", "pages"},
    "publishing": {"model", "reading", "checks", "map", "pages", "publishing"},
    "search": {"model", "reading", "checks", "pages", "search"},
    "contributing": {"model", "reading", "checks", "contributing"},
}


def part_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_modules(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                raise AssertionError(f"{path}:{node.lineno}: relative import; write `from catalogue.… import …`")
            found += [(node.lineno, node.module or "")]
            if node.module == "catalogue":
                found += [(node.lineno, f"catalogue.{alias.name}") for alias in node.names]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_known_part():
    parts = {part_of(path) for path in MODULES if path.parent != PACKAGE}
    assert parts <= set(ALLOWED), sorted(parts - set(ALLOWED))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_follow_the_direction(path):
    part = part_of(path)
    problems = []
    for line, module in imported_modules(path):
        if module.split(".")[0] == "mkdocs":
            problems.append(f"{path}:{line}: imports {module}; the catalogue knows no site engine")
        if part in ALLOWED and module.startswith("catalogue."):
            target = module.split(".")[1]
            if target not in ALLOWED[part]:
                problems.append(f"{path}:{line}: {part} imports {module}; {part} may import only {sorted(ALLOWED[part])}")
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_wrong_import(tmp_path, monkeypatch):
    """The model importing the pages is caught, so the test above can fail."""
    fake = tmp_path / "catalogue"
    (fake / "model").mkdir(parents=True)
    (fake / "model" / "bad.py").write_text("from catalogue.pages import render\nimport mkdocs\n", encoding="utf-8")
    monkeypatch.setitem(globals(), "PACKAGE", fake)
    with pytest.raises(AssertionError) as failure:
        test_imports_follow_the_direction(fake / "model" / "bad.py")
    assert "model imports catalogue.pages;" in str(failure.value)
    assert "imports mkdocs" in str(failure.value)
