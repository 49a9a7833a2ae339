"""A text output (CSV, RIS, JSON lines, Markdown) never goes into a file that is never text: a
name with a workbook's, document's or image's ending is refused (cases/output/r13_*), and so is
an existing file of such a kind under any name, which the text would have replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import imported_project, include_everything

from reviewkit.cli import main

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = imported_project(tmp_path_factory.mktemp("text-outputs") / "project")
    include_everything(folder)
    return folder


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--format", "ris", "--out", "{target}"],
        ["extract", "export", "{target}", "--all"],
        ["dedup", "report", "--csv", "{target}"],
        ["search", "log", "--out", "{target}"],
    ],
    ids=["export", "extract", "dedup-report", "search-log"],
)
def test_an_existing_pdf_without_its_ending_is_not_replaced(
    project: Path, tmp_path: Path, argv: list[str], capsys
) -> None:
    target = tmp_path / "smith2020"  # a full text saved without its ending
    target.write_bytes(PDF)
    args = [a.format(target=target) for a in argv]
    assert main([*args, "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"{target} is a PDF document" in err and "nothing was written" in err
    assert target.read_bytes() == PDF


def test_a_text_file_of_another_ending_is_written(project: Path, tmp_path: Path, capsys) -> None:
    """Endings of text files (.txt) and an existing text file are no kind that is never text."""
    target = tmp_path / "included.txt"
    target.write_text("an older export\n", encoding="utf-8")
    argv = ["export", "--format", "ris", "--out", str(target), "--project", str(project)]
    assert main(argv) == 0, capsys.readouterr().err
    assert target.read_text(encoding="utf-8").startswith("TY  - ")
