"""A text output (CSV, RIS, JSON lines, Markdown) never goes into a file that is never text: a
name with a workbook's, document's or image's ending is refused (cases/output/r13_*), and so is
an existing file of such a kind under any name, which the text would have replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import imported_project, include_everything

from benchmarks.bad_input_sweep import SLOTS
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


CSV_WRITERS = [s for s in SLOTS if s.kind == "out:csv"]  # every --csv, and extract export FILE


@pytest.mark.parametrize("slot", CSV_WRITERS, ids=[s.name for s in CSV_WRITERS])
@pytest.mark.parametrize("name", ["sheet.txt", "sheet.tsv", "sheet.json"])
def test_a_csv_under_another_ending_is_refused(
    project: Path, tmp_path: Path, slot, name: str, capsys
) -> None:
    """A sheet named .txt was written as CSV, which a spreadsheet opens as tab-separated text
    (every row in one cell): each command that writes a CSV refuses it before any work, as
    `export --format csv` does, and names the .csv to use instead."""
    target = tmp_path / name
    dataset = tmp_path / "dataset.csv"
    dataset.write_text("title,abstract,included\nA,,1\nB,,0\n", encoding="utf-8")
    fill = {"@": str(target), "P": str(project), "DATASET": str(dataset)}
    assert main([fill.get(tok, tok) for tok in slot.line.split(" ")]) == 2
    err = capsys.readouterr().err
    assert f"{target} ends in {target.suffix}, but this writes CSV" in err, err
    assert f"name the file {target.with_suffix('.csv')}" in err, err
    assert not target.exists()


@pytest.mark.parametrize("name", ["included.txt", "included.tsv"])
def test_a_csv_export_under_another_ending_is_refused(
    project: Path, tmp_path: Path, name: str, capsys
) -> None:
    target = tmp_path / name
    argv = ["export", "--format", "csv", "--out", str(target), "--project", str(project)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "but this writes CSV" in err and "--format csv" not in err, err
    assert not target.exists()


@pytest.mark.parametrize("name", ["sheet.CSV", "sheet"])
def test_a_csv_named_csv_or_with_no_ending_is_written(
    project: Path, tmp_path: Path, name: str, capsys
) -> None:
    """Any case of .csv, and a name with no ending (a device, a pipe, a bare name): no kind
    is claimed that the sheet is not."""
    target = tmp_path / name
    assert main(["dedup", "report", "--csv", str(target), "--project", str(project)]) == 0
    assert target.read_text(encoding="utf-8").startswith("cluster"), capsys.readouterr().err
