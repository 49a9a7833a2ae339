"""A sheet read below title rows, then refused for a bad row: the warning that names the line
its header was read on is said before the refusal (round 21). It was said only when the sheet
was read whole, so a refusal named a line ('queue.csv:4') of a header the user had not been
told was read two lines down; the conflicts sheet already said it first."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bad_input.protocol_helpers import imported_project, include_everything

from reviewkit.cli import main

TITLE = "Checked at the meeting of 3 May (MK)"
HEADER_READ = "the header row is read on this line"


def said_in_order(err: str, sheet: Path, line: int) -> None:
    """The warning naming the header's line comes before the error, both naming the sheet."""
    warning = err.find(f"warning: {sheet}:{line}: {HEADER_READ}")
    assert 0 <= warning < err.find(f"error: {sheet}:"), err
    assert "Traceback" not in err


def test_a_gold_sheet_refused_below_a_title(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "gold.csv"
    sheet.write_text(f"{TITLE}\ntitle,gold\nReturn to work,no-such-label\n", encoding="utf-8")
    protocol = "protocols/work-health-collaboration.toml"
    argv = ["classify", "--evaluate", str(sheet), "--protocol", protocol, "--scheme"]
    assert main([*argv, "model-type", "--gold", "gold"]) == 2
    said_in_order(capsys.readouterr().err, sheet, 2)


def test_a_labelled_set_refused_below_a_title(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "set.csv"
    sheet.write_text(f"{TITLE}\ntitle,included\nA,1\nB,maybe\n", encoding="utf-8")
    assert main(["simulate", str(sheet), "--label-column", "included"]) == 2
    said_in_order(capsys.readouterr().err, sheet, 2)


def test_an_extraction_sheet_refused_below_a_title(tmp_path: Path, capsys) -> None:
    project = imported_project(tmp_path / "project")
    include_everything(project)
    out = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(out), "--project", str(project)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    rows[1][rows[0].index("record_id")] = "first"
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([[TITLE], *rows])
    capsys.readouterr()
    argv = ["extract", "import", str(out), "--reviewer", "reviewer1", "--project", str(project)]
    assert main(argv) == 2
    said_in_order(capsys.readouterr().err, out, 2)


def test_a_queue_sheet_refused_below_a_title(project_a, tmp_path: Path, capsys) -> None:
    from conftest import add_records
    from dedup.helpers import other, rec

    bare = rec(authors=[], journal="", volume="", pages="", year=None)  # queued, not merged
    add_records(project_a, [rec(pmid="31000001"), rec(pmid="31000001", source="Embase"), bare])
    add_records(project_a, [other(1), other(2)])
    folder = str(project_a.folder)
    project_a.close()
    assert main(["dedup", "--project", folder]) == 0
    sheet = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--project", folder, "--csv", str(sheet)]) == 0
    rows = list(csv.reader(sheet.open(encoding="utf-8", newline="")))
    rows[1][rows[0].index("verdict")] = "maybe"
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([[TITLE], *rows])
    capsys.readouterr()
    argv = ["dedup", "review", "--project", folder, "--reviewer", "lead", "--read-csv"]
    assert main([*argv, str(sheet)]) == 2
    err = capsys.readouterr().err
    said_in_order(err, sheet, 2)
    assert err.count(HEADER_READ) == 1, err


def test_a_labelled_set_without_titles_names_its_header_line(tmp_path: Path, capsys) -> None:
    """simulate's missing column is named at the header's line, as every sheet's is."""
    sheet = tmp_path / "set.csv"
    sheet.write_text("name,included\nA,1\nB,0\n", encoding="utf-8")
    assert main(["simulate", str(sheet), "--label-column", "included"]) == 2
    assert f"error: {sheet}:1: no 'title' column" in capsys.readouterr().err
