"""Every case of the bad-input corpus through the real CLI: exit 2, one message naming the file
(and line), no traceback, the database byte-identical and no file left behind.

The cases and what each must name are listed in README.md next to this file; the folder of a
case says which command reads it. Most cases run in-process (``reviewkit.cli.main``, the same
entry point as the ``reviewkit`` script); every thirtieth case and the first of each folder run
in a real subprocess, so start-up, environment and exit code are checked end to end too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bad_input.corpus_cases import (
    CASE_ROWS,
    CASES,
    command,
    database_project,
)
from conftest import dump_database

from reviewkit.cli import main

# Refusals that still say what is wrong but not what to do (no 'hint:' line): none since round
# 10. A case listed here is let off the check; every other case must say what to do.
NO_HINT_YET: set[str] = set()
_FIRST = {row[0].split("/")[0]: row[0] for row in reversed(CASE_ROWS)}
IN_SUBPROCESS = {c for i, (c, _, _) in enumerate(CASE_ROWS) if i % 30 == 0} | set(_FIRST.values())


def test_every_file_has_one_readme_line() -> None:
    files = sorted(str(p.relative_to(CASES)) for p in CASES.rglob("*") if p.is_file())
    listed = [c for c, _, _ in CASE_ROWS]
    assert len(listed) == len(set(listed)), "a case is listed twice"
    assert files == sorted(listed)
    assert set(listed) >= NO_HINT_YET, "NO_HINT_YET names a case that is gone"
    assert len(files) >= 120


# --- the project the cases run against ---------------------------------------------------------


def tree(*folders: Path) -> dict[str, int]:
    """path -> size of every file below the folders (the database's WAL files left out)."""
    out = {}
    for folder in folders:
        for p in folder.rglob("*"):
            if p.is_file() and not p.name.endswith(("-wal", "-shm")):
                out[str(p)] = p.stat().st_size
    return out


def expected(names: str, case: Path, paths: dict[str, str]) -> str:
    if names == "file":
        return str(case)
    if re.fullmatch(r"file:\d+", names):
        return f"{case}:{names.split(':')[1]}"
    return names.format(**paths)


def run(case_id: str, argv: list[str], env: dict[str, str], capsys, monkeypatch) -> tuple[int, str]:
    if case_id in IN_SUBPROCESS:
        proc = subprocess.run(
            [sys.executable, "-m", "reviewkit", *argv],
            capture_output=True,
            text=True,
            env={**os.environ, **env, "COLUMNS": "200"},
            timeout=120,
        )
        return proc.returncode, proc.stdout + proc.stderr
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize(("case_id", "names", "what"), CASE_ROWS, ids=[c for c, _, _ in CASE_ROWS])
def test_bad_input_is_refused_cleanly(
    case_id: str, names: str, what: str, corpus: dict[str, str], capsys, monkeypatch
) -> None:
    case = CASES / case_id
    argv, env = command(case, corpus)
    one = case.parent.name == "decisions-one-reviewer"
    db = Path(corpus["project_one" if one else "project"]) / "review.sqlite"
    folders = [Path(corpus["base"])]
    before, files_before = dump_database(db), tree(*folders)
    code, output = run(case_id, argv, env, capsys, monkeypatch)
    assert code == 2, f"{what}: exit {code}\n{output}"
    assert "Traceback" not in output, output
    assert re.search(r"(?im)^error: ", output), output
    assert expected(names, case, corpus) in output, f"{what}: message does not name it\n{output}"
    if not re.search(r"(?m)^Error: ", output):  # click's usage errors say it on their one line
        says_what_to_do = "\n  hint: " in output or case_id in NO_HINT_YET
        assert says_what_to_do, f"{what}: says what is wrong but not what to do\n{output}"
    assert dump_database(db) == before, f"{what}: the database changed"
    assert tree(*folders) == files_before, f"{what}: files were left behind"
    if case.parent.name == "database":  # not a byte of the damaged or foreign file changed
        copy = database_project(case, corpus) / "review.sqlite"
        assert copy.read_bytes() == case.read_bytes(), f"{what}: the database file changed"
        wal = copy.with_name("review.sqlite-wal")
        assert not wal.exists() or wal.stat().st_size == 0, f"{what}: written to its WAL"
