"""No test module imports from another test module: a shared helper lives in a conftest.py or a
helpers module of its folder (tests/<area>/helpers.py and the like). Importing a ``test_*``
module runs its module code a second time, ties the two files together (a rename or split of one
breaks the other) and hides the helper where the next person does not look for it.

And a helper module is imported one way: by its folder's name (``from screening.helpers import
…``, ``from conftest import …``: tests/conftest.py puts tests/ on sys.path), never relatively
(``from .helpers import …``). Python keeps a module once per name, so one file imported both ways
runs twice and holds two copies of its state; one way also reads the same in every folder."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


# the two loaders that take a module's name as a string, as an import statement does
_LOADERS = {"import_module", "__import__"}


def _is_test_module(name: str, local: set[str]) -> bool:
    """Whether ``name`` is a module of the tests (relative, or its first part one of ``local``)
    named as a file pytest collects: its default ``python_files`` (test_*.py, *_test.py), which
    pyproject.toml keeps. (reviewkit's own names may end so: ``stopping.recall_test``.)"""
    parts = name.split(".")
    ours = name.startswith(".") or parts[0] in local or len(parts) == 1  # `import test_b`
    last = parts[-1]
    return ours and (last.startswith("test_") or last.endswith("_test"))


def _imported_modules(tree: ast.AST) -> list[str]:
    """Every module an import in ``tree`` may load, relative ones with their dots, in the order
    of the file: ``from m import n`` may load ``m.n`` (a module of the package ``m``: with tests/
    on sys.path every folder is a package, conftest or not), and ``importlib.import_module`` or
    ``__import__`` load the module their first argument names."""
    found: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        at = (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))
        if isinstance(node, ast.Import):
            found += [(*at, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            if node.module is not None:
                found.append((*at, module))
            if not module.rsplit(".", 1)[-1].startswith("test_"):
                joint = "" if node.module is None else "."
                found += [(*at, module + joint + alias.name) for alias in node.names]
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if (
                name in _LOADERS
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.append((*at, first.value))
    return [name for *_, name in sorted(found)]


def imports_of_test_modules(root: Path = TESTS) -> dict[str, list[str]]:
    """'path' (relative to ``root``) -> the test modules it imports, for every such file."""
    # the names a test file imports the tests' modules by: tests.…, and each folder or module at
    # the top of the tests (tests/conftest.py puts tests/ on sys.path)
    local = {"tests"} | {p.stem for p in root.iterdir() if p.is_dir() or p.suffix == ".py"}
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = [m for m in _imported_modules(tree) if _is_test_module(m, local)]
        if modules:
            found[path.relative_to(root).as_posix()] = modules
    return found


def relative_imports(root: Path = TESTS) -> dict[str, list[str]]:
    """'path' (relative to ``root``) -> the modules it imports relatively ('.helpers'), for
    every such file of the tests."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = [
            "." * node.level + (node.module or "")
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level
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


def test_the_check_finds_a_test_module_named_after_import(tmp_path: Path) -> None:
    # `from package import test_module` names the test module after `import`, not after `from`:
    # with tests/ on sys.path (tests/conftest.py puts it there) a folder is a package without a
    # conftest or __init__, so `from area import test_b` loads tests/area/test_b.py.
    area = tmp_path / "area"
    area.mkdir()
    (area / "test_a.py").write_text(
        "from tests.area import test_b\n"
        "from area import test_c as c\n"
        "from ..other import test_d, fine\n"
        "from .helpers import fine_too\n"
    )
    assert imports_of_test_modules(tmp_path) == {
        "area/test_a.py": ["tests.area.test_b", "area.test_c", "..other.test_d"],
    }


def test_the_check_finds_a_test_module_loaded_by_name(tmp_path: Path) -> None:
    # importlib.import_module and __import__ load a module named by a string, as an import does;
    # a test file named *_test.py is collected as one (pytest's default python_files)
    (tmp_path / "area").mkdir()
    (tmp_path / "test_a.py").write_text(
        "import importlib\n"
        'first = importlib.import_module("area.test_b")\n'
        'second = __import__("tests.area.test_c")\n'
        'fine = importlib.import_module("area.helpers")\n'
        "from area.b_test import helper\n"
        "import c_test\n"
        "from reviewkit.ranking.stopping import recall_test\n"
    )
    assert imports_of_test_modules(tmp_path) == {
        "test_a.py": ["area.test_b", "tests.area.test_c", "area.b_test", "c_test"],
    }


def test_helpers_are_imported_by_their_folders_name() -> None:
    assert relative_imports() == {}, (
        "import by the folder's name: 'from pubmed.conftest import …', not 'from .conftest …'"
    )


def test_the_check_finds_each_relative_import(tmp_path: Path) -> None:
    area = tmp_path / "area"
    area.mkdir()
    (area / "test_a.py").write_text(
        "from .helpers import one\n"
        "from ..conftest import two\n"
        "from . import three\n"
        "def f():\n    from .conftest import four\n"
        "from area.helpers import fine\nfrom conftest import fine_too\nimport pytest\n"
    )
    assert relative_imports(tmp_path) == {
        "area/test_a.py": [".helpers", "..conftest", ".", ".conftest"]
    }
