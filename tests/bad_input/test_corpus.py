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
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bad_input.protocol_helpers import include_everything
from conftest import dump_database

from reviewkit.cli import main

HERE = Path(__file__).parent
CASES = HERE / "cases"
REPO = HERE.parent.parent
FIXTURES = REPO / "tests" / "core" / "fixtures"
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
PROTOCOL_ONE = REPO / "protocols" / "rtw-systematic-reviews.toml"  # title-abstract: 1 reviewer
_ROW = re.compile(r"^\| (\S+/\S+) \| (.+?) \| (.+) \|$")


def _readme_cases() -> list[tuple[str, str, str]]:
    rows = []
    for line in (HERE / "README.md").read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if m and not m.group(1).startswith("`"):
            rows.append((m.group(1), m.group(2).strip(), m.group(3).strip()))
    return rows


CASE_ROWS = _readme_cases()
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


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A project with included studies (so every output command gets to its writing step),
    plus the paths the argument lines refer to."""
    from reviewkit import screening
    from reviewkit.project import open_project
    from reviewkit.reports.studies import all_reports

    base = tmp_path_factory.mktemp("corpus")
    project = base / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    for name in ("sample.ris", "sample.nbib"):
        assert main(["import", str(FIXTURES / name), "--project", str(project)]) == 0
    include_everything(project)
    one = base / "project-one"  # the first record of sample.ris screened by reviewer1 alone
    assert main(["init", str(one), "--protocol", str(PROTOCOL_ONE)]) == 0
    assert main(["import", str(FIXTURES / "sample.ris"), "--project", str(one)]) == 0
    with open_project(one) as p:
        first = min(all_reports(p))
        screening.decide(p.db, first, "title-abstract", "reviewer1", "include", protocol=p.protocol)
    tmp = base / "scratch"
    tmp.mkdir()
    afile = base / "a-file.txt"
    afile.write_text("a plain file\n", encoding="utf-8")
    full = base / "full-disk"  # a link, so a broken writer replaces the link, never the device
    full.symlink_to("/dev/full")
    fifo = base / "a-fifo"  # a named pipe: opening it to read waits for a writer forever
    os.mkfifo(fifo)
    good = base / "good.ris"
    good.write_text("TY  - JOUR\nTI  - A good record\nPY  - 2020\nER  - \n", encoding="utf-8")
    empty = base / "empty.pdf"  # a download or save that failed: 0 bytes
    empty.write_bytes(b"")
    return {
        "project": str(project),
        "project_one": str(one),
        "tmp": str(tmp),
        "afile": str(afile),
        "good": str(good),
        "protocol": str(PROTOCOL),
        "full": str(full),
        "fifo": str(fifo),
        "base": str(base),
        "empty": str(empty),
    }


def command(case: Path, paths: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """The argument list and extra environment that run ``case``."""
    kind = case.parent.name.removeprefix("csv25_")  # csv25_KIND runs as KIND
    project = ["--project", paths["project"]]
    env = {"REVIEWKIT_KEYS": str(Path(paths["base"]) / "no-keymap.toml")}
    if kind == "import":
        return ["import", str(case), *project], env
    if kind == "protocol":
        return ["protocol", "check", str(case)], env
    if kind == "decisions":
        return ["decisions", "import", str(case), *project], env
    if kind == "decisions-one-reviewer":
        return ["decisions", "import", str(case), "--project", paths["project_one"]], env
    if kind == "extract":
        return ["extract", "import", str(case), "--reviewer", "reviewer1", *project], env
    if kind == "evaluate":
        return ["classify", "--evaluate", str(case), "--scheme", "model-type", *project], env
    if kind == "dedup-queue":
        return [
            "dedup",
            "review",
            "--read-csv",
            str(case),
            "--reviewer",
            "reviewer1",
            *project,
        ], env
    if kind == "database":  # the case file is the review.sqlite of a project of its own
        folder = database_project(case, paths)
        return ["import", paths["good"], "--project", str(folder)], env
    if kind == "simulate":
        return ["simulate", str(case), "--label-column", "included"], env
    if kind == "keymap":
        return ["screen", "--reviewer", "reviewer1", *project], {"REVIEWKIT_KEYS": str(case)}
    line = case.read_text(encoding="utf-8").strip().format(**paths)
    return shlex.split(line), env


def database_project(case: Path, paths: dict[str, str]) -> Path:
    """A project folder (made once per case) whose review.sqlite is a copy of ``case``."""
    folder = Path(paths["base"]) / "database-cases" / case.name
    if not folder.exists():
        folder.mkdir(parents=True)
        shutil.copyfile(PROTOCOL, folder / "protocol.toml")
        shutil.copyfile(case, folder / "review.sqlite")
    return folder


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
