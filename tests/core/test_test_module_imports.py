"""No test module imports from another test module: a shared helper lives in a conftest.py or a
helpers module of its folder (tests/<area>/helpers.py and the like). Importing a ``test_*``
module runs its module code a second time, ties the two files together (a rename or split of one
breaks the other) and hides the helper where the next person does not look for it."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _imported_modules(tree: ast.AST) -> list[str]:
    """Every module an import statement in ``tree`` names, relative ones with their dots."""
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            if node.module is None:  # `from . import test_x`
                names += [module + alias.name for alias in node.names]
            else:
                names.append(module)
    return names


def imports_of_test_modules(root: Path = TESTS) -> dict[str, list[str]]:
    """'path' (relative to ``root``) -> the test modules it imports, for every such file."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        modules = [
            m
            for m in _imported_modules(ast.parse(path.read_text(encoding="utf-8")))
            if m.rsplit(".", 1)[-1].startswith("test_")
        ]
        if modules:
            found[path.relative_to(root).as_posix()] = modules
    return found


def test_no_test_module_imports_another() -> None:
    assert imports_of_test_modules() == {}, (
        "move the shared helpers to a conftest or helpers module"
    )


def test_the_check_finds_each_form_of_import(tmp_path: Path) -> None:
    area = tmp_path / "area"
    area.mkdir()
    (area / "test_a.py").write_text(
        "from .test_b import helper\n"
        "from . import test_c\n"
        "import tests.area.test_d\n"
        "def f():\n    from area.test_e import other\n"
        "from .helpers import fine\nfrom .conftest import fine_too\nimport pytest\n"
    )
    (area / "helpers.py").write_text("from ..other.test_f import x\n")
    assert imports_of_test_modules(tmp_path) == {
        "area/helpers.py": ["..other.test_f"],
        "area/test_a.py": [".test_b", ".test_c", "tests.area.test_d", "area.test_e"],
    }
