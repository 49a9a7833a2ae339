"""Every name of the code written for a reader imports: a docstring or comment of reviewkit/
that names ``x.y``, :func:`x.y`, :class:`x.y`, :mod:`x.y` (or :meth:, :attr:, ...) with ``x``
reviewkit or one of its packages and modules; the README's `reviewkit.x.y` and backticked
module paths; and any ``reviewkit.x.y`` in the project's files (command lines such as
``python -m reviewkit.ranking.simulate`` in results files, tests, the Makefile). A name left at
a module that moved or a function that was renamed sends the next reader, or a command copied
from a results file, nowhere. The check imports modules and reads attributes; it runs no code of
the project beyond its imports."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import io
import re
import subprocess
import textwrap
import tokenize
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DOTTED = r"~?!?\.?[A-Za-z_]\w*(?:\.\w+)+"
# :func:`~reviewkit.x.y`, ``x.y`` (a reST role or literal in a docstring or comment)
MARKED = re.compile(rf":\w+:`(?P<role>{DOTTED})`|``(?P<literal>{DOTTED})``")
# `x.y` in the README (Markdown code), not inside a longer code span
README_CODE = re.compile(rf"(?<!`)`(?P<code>{DOTTED})`(?!`)")
# reviewkit.x.y anywhere (a path, reviewkit/x.py or a URL, is not one)
ABSOLUTE = re.compile(r"(?<![\w./@-])reviewkit(?:\.\w+)+(?![\w/-])")
# A file name written in code (``protocol.toml``, `report.md`) is not a name of the code.
FILE_ENDINGS = frozenset({
    "bib", "cgi", "ciw", "csv", "doc", "docx", "enlx", "exe", "gz", "html", "json", "log", "md",
    "nbib", "pdf", "png", "py", "ris", "sqlite", "svg", "tar", "toml", "tsv", "txt", "xls",
    "xlsx", "xml", "yaml", "yml", "zip",
})  # fmt: skip


def set_on_instances(cls: type, attr: str) -> bool:
    """Whether a method of ``cls`` (or of a base) sets ``self.attr``, or its body annotates it:
    an attribute of the instances (``Store.writer``) is a name of the code, not on the class."""
    for base in inspect.getmro(cls):
        if attr in getattr(base, "__annotations__", {}):
            return True
        try:
            source = textwrap.dedent(inspect.getsource(base))
        except (OSError, TypeError):
            continue
        for node in ast.walk(ast.parse(source)):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Store)
                and node.attr == attr
                and isinstance(node.value, ast.Name)
                and node.value.id == "self"
            ):
                return True
    return False


@cache
def resolves(name: str) -> bool:
    """Whether ``name`` is a module of this checkout, or an attribute reached from the longest
    such module (an attribute of a class may be one its instances are given). A module found
    elsewhere does not count: the shared venv's editable install finds a module this checkout
    has moved (or never had) in the checkout it was installed from (/work/main)."""
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        module_name = ".".join(parts[:i])
        try:
            spec = importlib.util.find_spec(module_name)  # imports its packages, not itself
        except ModuleNotFoundError:
            continue
        if spec is None:
            continue
        if not Path(spec.origin or "").resolve().is_relative_to(ROOT):
            return False
        if i == len(parts):
            return True  # a module (``python -m reviewkit`` runs __main__: not imported here)
        obj = importlib.import_module(module_name)
        for attr in parts[i:]:
            if hasattr(obj, attr):
                obj = getattr(obj, attr)
            elif inspect.isclass(obj) and set_on_instances(obj, attr):
                return attr == parts[-1]  # nothing further is checked on an instance's value
            else:
                return False
        return True
    return False


@cache
def own_names(package: str) -> frozenset[str]:
    """The modules and packages directly in ``package`` (of this checkout)."""
    folder = ROOT.joinpath(*package.split("."))
    return frozenset(
        p.stem if p.suffix == ".py" else p.name
        for p in folder.iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()
    )


def full_names(written: str, module: str) -> list[str]:
    """The absolute names a name written in ``module`` may stand for, if it is one of
    reviewkit's: as written (``reviewkit.x.y``); from a module or package of the writing
    module's own package (``terms.distinct_terms`` in reviewkit.classify) or of reviewkit
    (``dedup.engine``); from a name the module defines or imports from reviewkit
    (``UserError.said_before``). No name for anything else (``self.db``, ``Path.name``,
    ``protocol.toml``). The name is written right if any of them imports."""
    name = written.lstrip("~!")
    if name.startswith(".") or name.rsplit(".", 1)[-1] in FILE_ENDINGS:
        return []
    first = name.split(".", 1)[0]
    if first == "reviewkit":
        return [name]
    is_package = ROOT.joinpath(*module.split(".")).is_dir() if module else True
    package = (module if is_package else module.rsplit(".", 1)[0]) or "reviewkit"
    wheres = dict.fromkeys((package, "reviewkit"))
    names = [f"{where}.{name}" for where in wheres if first in own_names(where)]
    if module and not module.endswith("__main__"):  # importing __main__ would run the CLI
        value = getattr(importlib.import_module(module), first, None)
        owner = getattr(value, "__module__", None) or getattr(value, "__name__", None)
        if isinstance(owner, str) and owner.startswith("reviewkit."):
            names.append(f"{module}.{name}")
    return names


def written_in(source: str) -> list[tuple[int, str]]:
    """(line, text) of each docstring (any string standing as a statement, an attribute's
    too) and comment of a Python source."""
    texts = [
        (node.lineno, node.value.value)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    ]
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    texts += [(t.start[0], t.string) for t in tokens if t.type == tokenize.COMMENT]
    return texts


def marked_names(text: str) -> list[tuple[int, str]]:
    """(line within ``text``, name) of each role or double-backticked dotted name."""
    return [
        (text.count("\n", 0, m.start()), m.group("role") or m.group("literal"))
        for m in MARKED.finditer(text)
    ]


def module_of(rel: str) -> str:
    """reviewkit/dedup/engine.py -> reviewkit.dedup.engine (a package: its own name)."""
    parts = list(Path(rel).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unknown_in_python(rel: str, source: str) -> list[str]:
    """file:line: name, for each marked name of reviewkit in a module's docstrings and comments
    that does not import."""
    module = module_of(rel)
    unknown = []
    for line, text in written_in(source):
        for offset, written in marked_names(text):
            names = full_names(written, module)
            if names and not any(resolves(n) for n in names):
                unknown.append(f"{rel}:{line + offset}: {written.lstrip('~!')}")
    return unknown


def unknown_in_readme(text: str) -> list[str]:
    """README.md:line: name, for each backticked name of reviewkit that does not import."""
    unknown = []
    for n, line in enumerate(text.splitlines(), 1):
        for m in README_CODE.finditer(line):
            names = full_names(m.group("code"), "")
            if names and not any(resolves(n) for n in names):
                unknown.append(f"README.md:{n}: {m.group('code')}")
    return unknown


def unknown_absolute(rel: str, pieces: list[tuple[int, str]]) -> list[str]:
    """file:line: name, for each reviewkit.x.y written in ``pieces`` (first line, text) of a
    file that does not import."""
    unknown = []
    for first, text in pieces:
        for m in ABSOLUTE.finditer(text):
            name = m.group()
            if name.rsplit(".", 1)[-1] not in FILE_ENDINGS and not resolves(name):
                unknown.append(f"{rel}:{first + text.count(chr(10), 0, m.start())}: {name}")
    return unknown


def project_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "reviewkit", "benchmarks", "tests", "docs", "README.md", "Makefile"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [rel for rel in listed if rel.endswith((".py", ".md", "Makefile", ".toml"))]


def test_the_check_tells_a_name_that_imports_from_one_that_does_not():
    assert resolves("reviewkit.ranking.simulate") and resolves("reviewkit.ranking.ranker.Ranker")
    assert not resolves("reviewkit.simulate") and not resolves("reviewkit.ranking.record_text")
    assert not resolves("reviewkit.ready_rule")  # another checkout may still hold it
    assert resolves("reviewkit.store.db.Store.writer")  # set on each Store by __init__
    assert not resolves("reviewkit.store.db.Store.writers")
    assert full_names("dedup.concerns_kept", "reviewkit.store.lock_holders") == [
        "reviewkit.dedup.concerns_kept"
    ]
    assert full_names("~terms.distinct_terms", "reviewkit.classify.rules") == [
        "reviewkit.classify.terms.distinct_terms"
    ]
    # in reviewkit.tui.classify, classify.X is the module itself or the package reviewkit.classify
    assert "reviewkit.classify.ModelTrainer" in full_names(
        "classify.ModelTrainer", "reviewkit.tui.classify"
    )
    assert not resolves("reviewkit.tui.classify.ModelTrainer")
    assert resolves("reviewkit.classify.ModelTrainer")
    assert full_names("UserError.said_before", "reviewkit.formats.read_warnings") == [
        "reviewkit.formats.read_warnings.UserError.said_before"
    ]
    assert full_names("self.db", "reviewkit.classify.rules") == []
    assert full_names("protocol.toml", "reviewkit.project") == []
    assert ABSOLUTE.findall("`python -m reviewkit.simulate` (reviewkit/ranking/simulate.py)") == [
        "reviewkit.simulate"
    ]


def test_the_check_finds_a_stale_name_in_a_docstring_and_in_a_comment():
    source = (
        '"""Kept by :func:`~reviewkit.dedup.concerns.kept_project_concerns`."""\n'
        "# as ``terms.drop_recounted_words`` does, not ``self.terms``\n"
    )
    assert unknown_in_python("reviewkit/classify/rules.py", source) == [
        "reviewkit/classify/rules.py:1: reviewkit.dedup.concerns.kept_project_concerns",
        "reviewkit/classify/rules.py:2: terms.drop_recounted_words",
    ]
    assert unknown_in_readme("Kept in `dedup.concerns_kept`, not `dedup.kept`.") == [
        "README.md:1: dedup.kept"
    ]


def test_every_name_of_the_code_written_imports():
    unknown = []
    for rel in project_files():
        if ROOT / rel == Path(__file__):
            continue
        text = (ROOT / rel).read_text(encoding="utf-8", errors="replace")  # bad-input cases
        if rel.startswith("reviewkit/") and rel.endswith(".py"):
            unknown += unknown_in_python(rel, text)
        if rel == "README.md":
            unknown += unknown_in_readme(text)
        # a test's code may name a module that is not there on purpose (test_contracts): only
        # its docstrings and comments are read
        tests_code = rel.startswith("tests/") and rel.endswith(".py")
        unknown += unknown_absolute(rel, written_in(text) if tests_code else [(1, text)])
    unknown = sorted(set(unknown), key=lambda u: (u.split(":")[0], int(u.split(":")[1])))
    assert not unknown, "names of the code that do not import:\n" + "\n".join(unknown)
