"""One rule for every file output of the CLI: the missing folder of the file is created, as
`search log --out` always did, but not when the command fails before it writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit.cli import main

# every command option that names one output file, with the arguments it needs
FILE_OUTPUTS = [
    ["search", "log", "--out", "{out}"],
    ["export", "--included", "--format", "ris", "--out", "{out}"],
    ["agreement", "--csv", "{out}"],
    ["decisions", "export", "--reviewer", "reviewer1", "{out}"],
    ["extract", "export", "{out}"],
    ["classify", "--all", "--csv", "{out}"],
    ["dedup", "report", "--csv", "{out}"],
    ["dedup", "review", "--csv", "{out}", "--reviewer", "reviewer1"],
]


def _vote(folder: Path) -> None:
    """reviewer1 includes the first record, as the `i` key of the screen does."""
    from reviewkit import screening
    from reviewkit.project import open_project

    project = open_project(folder)
    try:
        queue = screening.ReviewerQueue(project, "title-abstract", "reviewer1")
        queue.decide(queue.studies[0], "include")
    finally:
        project.close()


@pytest.mark.parametrize("args", FILE_OUTPUTS, ids=lambda a: " ".join(a[:2]))
def test_a_file_output_creates_its_missing_folder(cli_project: Path, args: list[str]) -> None:
    out = cli_project.parent / "exports" / "new" / "out"  # no ending: every kind takes it
    argv = [a.replace("{out}", str(out)) for a in args]
    if args[0] == "decisions":  # a log needs an entry: an empty one is refused, not written
        _vote(cli_project)
    assert main([*argv, "--project", str(cli_project)]) == 0
    assert out.is_file()


def test_a_command_that_fails_on_bad_input_creates_no_folder(
    cli_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = cli_project.parent / "exports" / "d.jsonl"
    argv = ["decisions", "export", "--reviewer", "nobody", str(out)]
    assert main([*argv, "--project", str(cli_project)]) == 2
    assert "nobody" in capsys.readouterr().err
    assert not out.parent.exists()
