"""reviewkit's own sheets (the extraction sheet, dedup's review sheet and clusters) are refused
by `import` as they are without --format: naming the format (`--format csv`, which the hint of
an undetected file suggests) skipped the detection where the refusal was, and the project's own
studies were imported into it again as new records; so did the sheet saved as a workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

CASES = Path(__file__).parent / "cases" / "import"


@pytest.mark.parametrize("sheet", ["r13_extraction-sheet.csv", "r13_dedup-clusters-sheet.csv"])
@pytest.mark.parametrize("named", [[], ["--format", "csv"]], ids=["detected", "format-csv"])
def test_an_own_sheet_is_refused_with_or_without_format(
    tmp_path: Path, capsys, sheet: str, named: list[str]
) -> None:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(CASES / sheet), *named, "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert "this is reviewkit's" in err and "not a reference export" in err, err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0


def test_an_own_sheet_saved_as_a_workbook_is_refused(tmp_path: Path, capsys) -> None:
    import csv

    from openpyxl import Workbook

    book = Workbook()
    with (CASES / "r13_extraction-sheet.csv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh):
            book.active.append(row)
    sheet = tmp_path / "extraction.xlsx"
    book.save(sheet)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(sheet), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert "this is reviewkit's extraction sheet" in err and "Traceback" not in err, err
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0
