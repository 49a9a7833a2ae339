"""The house rules of shared/DESIGN.md, checked so that they stay true as the code grows.

* the import contracts in ``.importlinter`` (faces never import ``reviewkit.store``, the core
  imports neither Textual nor click nor rich, the pipeline layers) hold, and fail on a
  deliberate violation;
* only ``reviewkit/store/`` speaks SQL (with one named exception);
* no module imports another module's private (``_name``) names.
"""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "reviewkit"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"

# The snapshot index of the local PubMed server (a testing aid) keeps its own SQLite index
# of the NLM sample next to the server that reads it; it never touches a project database.
# snapshot_build.py builds that index, snapshot.py reads it (split at the size limit).
SQL_EXCEPTIONS = {"reviewkit/pubmed/snapshot.py", "reviewkit/pubmed/snapshot_build.py"}


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    [
        (
            "cli/zz_violation.py",
            "from reviewkit.store import records\n",
            "reviewkit.cli.zz_violation -> reviewkit.store.records",
        ),
        ("zz_violation.py", "import click\n", "reviewkit.zz_violation -> click"),
        ("evidence.py", "import rich.progress\n", "reviewkit.evidence -> rich"),
        (
            "store/zz_violation.py",
            "from reviewkit import screening\n",
            "reviewkit.store.zz_violation -> reviewkit.screening",
        ),
        (
            "screening/queue.py",
            "from reviewkit.ranking import model\n",
            "reviewkit.screening.queue -> reviewkit.ranking.model",
        ),
    ],
    ids=[
        "cli-imports-store",
        "core-imports-click",
        "core-imports-rich-progress",
        "layers",
        "screening-imports-a-ranker-part",
    ],
)
def test_import_contracts_fail_on_a_violation(
    tmp_path: Path, module: str, source: str, broken: str
) -> None:
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    copy = tmp_path / "reviewkit"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text((target.read_text() if target.exists() else "") + source, encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout
    assert broken in result.stdout


def _python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


_SQL = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)|DROP\s+(TABLE|INDEX)|PRAGMA\s+\w+)\b",
    re.DOTALL,
)
_SQL_CALLS = {"execute", "executemany", "executescript"}


def sql_outside_store(files: list[Path], root: Path) -> list[str]:
    """Places outside store/ (and the named exception) that speak SQL: string constants
    with SQL statements in them, calls of .execute()/.executemany()/.executescript(), and
    imports of sqlite3."""
    found = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        if rel.startswith("reviewkit/store/") or rel in SQL_EXCEPTIONS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if _SQL.search(node.value):
                    found.append(f"{rel}:{node.lineno}: SQL text")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in _SQL_CALLS:
                    found.append(f"{rel}:{node.lineno}: .{node.func.attr}()")
            elif isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                module = getattr(node, "module", None) or ""
                if module.split(".")[0] == "sqlite3" or any(
                    n.split(".")[0] == "sqlite3" for n in names
                ):
                    found.append(f"{rel}:{node.lineno}: imports sqlite3")
    return found


def test_only_store_speaks_sql() -> None:
    assert sql_outside_store(_python_files(), ROOT) == []


def test_the_sql_check_finds_sql(tmp_path: Path) -> None:
    bad = tmp_path / "reviewkit" / "stage.py"
    bad.parent.mkdir()
    bad.write_text(
        "import sqlite3\n"
        "def n(db):\n"
        "    return db.conn.execute('SELECT count(*) FROM records').fetchone()\n",
        encoding="utf-8",
    )
    assert sql_outside_store([bad], tmp_path) == [
        "reviewkit/stage.py:1: imports sqlite3",
        "reviewkit/stage.py:3: .execute()",
        "reviewkit/stage.py:3: SQL text",
    ]


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_imports(files: list[Path], root: Path) -> list[str]:
    """``from reviewkit.<module> import _name`` and ``import reviewkit.<module> as m; m._name``
    in a module other than reviewkit.<module> (private modules such as cli/_common are the
    package's own and may be imported inside their package)."""
    found = []
    for path in files:
        here = _module_name(path, root)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases: dict[str, str] = {}  # local name -> reviewkit module
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                if not node.module.startswith("reviewkit"):
                    continue
                for alias in node.names:
                    if _is_private(alias.name) and node.module != here:
                        found.append(f"{here}:{node.lineno}: {node.module}.{alias.name}")
                    else:
                        aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                private_module = [p for p in node.module.split(".") if _is_private(p)]
                # inside their package: its modules, and its __init__ (``here`` the package)
                package = node.module.rpartition(".")[0] + "."
                if private_module and not f"{here}.".startswith(package):
                    found.append(f"{here}:{node.lineno}: {node.module}")
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("reviewkit") and alias.asname:
                        aliases[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and _is_private(node.attr)
                and aliases[node.value.id] != here
            ):
                found.append(f"{here}:{node.lineno}: {aliases[node.value.id]}.{node.attr}")
    return found


def test_no_module_imports_private_names_of_another() -> None:
    assert private_imports(_python_files(), ROOT) == []


def test_the_private_name_check_finds_them(tmp_path: Path) -> None:
    pkg = tmp_path / "reviewkit"
    pkg.mkdir()
    (pkg / "agreement.py").write_text(
        "from reviewkit.screening import _Derived, Outcome\n"
        "from reviewkit import screening as sc\n"
        "x = sc._helper\n"
        "y = sc.public\n",
        encoding="utf-8",
    )
    assert private_imports([pkg / "agreement.py"], tmp_path) == [
        "reviewkit.agreement:1: reviewkit.screening._Derived",
        "reviewkit.agreement:3: reviewkit.screening._helper",
    ]


def test_every_top_level_module_is_in_a_layer() -> None:
    """The layers contract checks only the modules it names: a new top-level module left out
    (protocol_in_use and outputs were) would escape it without a word."""
    text = (ROOT / ".importlinter").read_text(encoding="utf-8")
    layers = text.split("layers =", 1)[1].split("ignore_imports", 1)[0]
    named = set(re.findall(r"reviewkit\.([\w.]+)", layers))
    assert _modules(PACKAGE) - {n.split(".")[0] for n in named} == set()
    # a package named by its modules (ranking: they sit in different layers) names them all
    for package in {n.split(".")[0] for n in named if "." in n}:
        assert package not in named, f"reviewkit.{package} is named whole and by its modules"
        modules = {f"{package}.{m}" for m in _modules(PACKAGE / package)}
        assert modules - named == set()


def test_every_part_of_the_ranker_is_kept_off_screening() -> None:
    """The layer below the ranker (its parts) sits under screening, protocol_in_use and
    decisions.keys only because the contract ranker-parts-beside-screening forbids those its
    modules: a part added to the layer and not to the contract could be imported by them."""
    config = configparser.ConfigParser(interpolation=None)
    config.read(ROOT / ".importlinter", encoding="utf-8")
    layers = config["importlinter:contract:pipeline-layers"]["layers"].split("\n")
    below_ranker = layers[1 + next(i for i, line in enumerate(layers) if ".ranking.ranker" in line)]
    parts = {m.strip() for m in re.split(r"[|:]", below_ranker)}
    contract = config["importlinter:contract:ranker-parts-beside-screening"]
    assert parts == set(contract["forbidden_modules"].split())


def _modules(package: Path) -> set[str]:
    """The modules and packages directly in ``package`` (by name, ``__init__`` left out)."""
    return {
        p.stem if p.is_file() else p.name
        for p in package.iterdir()
        if (p.suffix == ".py" and not p.stem.startswith("__")) or (p / "__init__.py").exists()
    }


def test_the_private_module_check_keeps_them_in_their_package(tmp_path: Path) -> None:
    """A private module (cli/_common) is imported by its package's modules and its package's
    __init__, and by no module outside it, even one whose name begins as the package's."""
    pkg = tmp_path / "reviewkit"
    (pkg / "cli").mkdir(parents=True)
    line = "from reviewkit.cli._common import say_warnings\n"
    files = [pkg / "cli" / "__init__.py", pkg / "cli" / "core.py", pkg / "clix.py", pkg / "x.py"]
    for path in files:
        path.write_text(line, encoding="utf-8")
    assert private_imports(files, tmp_path) == [
        "reviewkit.clix:1: reviewkit.cli._common",
        "reviewkit.x:1: reviewkit.cli._common",
    ]
