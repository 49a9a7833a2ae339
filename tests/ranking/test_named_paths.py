"""Every dotted name of the ranking family written in the project's files (docstrings, comments,
the README, results files, command lines such as ``python -m reviewkit.ranking.simulate``) is one
that imports: the family moved into reviewkit/ranking/ (code43), and a name left at its old place
(``reviewkit.simulate``, ``reviewkit.ranking.record_text`` when the package's __init__ held the
ranker) sends the next reader, or a command copied from a results file, nowhere."""

from __future__ import annotations

import importlib
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# reviewkit.ranking.<...> and the family's names before the move (a path with "/" is not one)
NAMED = re.compile(
    r"(?<![\w./])reviewkit\.(?:ranking|simulate|simulate_input|queue_ranker|ranking_worker|"
    r"stopping|ready_rule)(?:\.\w+)*(?![\w/])"
)


def resolves(name: str) -> bool:
    """Whether ``name`` is a module of this checkout, or an attribute reached from the longest
    such module in it. A module found elsewhere does not count: an editable install's finder
    imports a module this checkout has moved from the checkout it was installed from."""
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ModuleNotFoundError:
            continue
        if not Path(obj.__file__ or "").resolve().is_relative_to(ROOT):
            return False
        for attr in parts[i:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


def test_the_name_check_tells_the_old_places_from_the_new():
    assert resolves("reviewkit.ranking.simulate") and resolves("reviewkit.ranking.ranker.Ranker")
    assert not resolves("reviewkit.simulate") and not resolves("reviewkit.ranking.record_text")
    assert not resolves("reviewkit.ready_rule")  # another checkout may still hold it
    assert NAMED.findall("`python -m reviewkit.simulate` (reviewkit/ranking/simulate.py)") == [
        "reviewkit.simulate"
    ]


def test_every_named_ranking_module_imports():
    files = subprocess.run(
        ["git", "ls-files", "reviewkit", "benchmarks", "tests", "docs", "README.md", "Makefile"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    unknown = []
    for rel in files:
        if not rel.endswith((".py", ".md", "Makefile", ".toml")) or ROOT / rel == Path(__file__):
            continue
        text = (ROOT / rel).read_text(encoding="utf-8", errors="replace")  # bad-input cases
        for n, line in enumerate(text.splitlines(), 1):
            unknown += [f"{rel}:{n}: {m}" for m in NAMED.findall(line) if not resolves(m)]
    assert unknown == []
