"""The bad-input corpus: its cases as README.md lists them, the project and paths their argument
lines refer to (the ``corpus`` fixture, in conftest.py), and the command that runs each case."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

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
