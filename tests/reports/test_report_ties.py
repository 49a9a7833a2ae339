"""Studies in more than one report table or evidence-map cell: ties flagged, totals in studies.

The demo's report showed a tied study in both of its tables, each row marked only "suggested",
79 rows for 77 studies with no word why; its evidence map's totals added cells (83 for 77
studies). Every format is read back, so CSV, Markdown, Excel and Word say the same.
"""

from __future__ import annotations

import csv
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from reports.conftest import store_records

from reviewkit import classify, screening
from reviewkit.evidence import build_map
from reviewkit.records import Record
from reviewkit.reports.report import write_report
from reviewkit.reports.tables import report_tables

TIE_STATUS = "tie: suggested, not confirmed; also in {}"


def test_a_tied_study_is_flagged_in_each_of_its_tables(tied):
    project, ids = tied
    tables = {t.name: t for t in report_tables(project, ids)}
    mental, msk = tables["mental"], tables["msk"]
    assert [r[0] for r in mental.rows] == ["Petit (2021)", "Doe (2020)"]
    assert mental.rows[0][-1] == TIE_STATUS.format("Musculoskeletal")
    assert msk.rows[0][-1] == TIE_STATUS.format("Mental")
    assert mental.rows[1][-1] == msk.rows[1][-1] == "suggested"
    for t in (mental, msk):
        assert "1 of these studies is a tie: it appears in each of its tied groups" in t.note
        assert "until a reviewer confirms one" in t.note
        assert "The tables hold 4 rows for 3 included studies: 1 tied study" in t.note
    # once a reviewer confirms one of the tied groups, the study is in that table alone
    classify.confirm(project, ids[0], "topic", ["mental"], "ann")
    tables = {t.name: t for t in report_tables(project, ids)}
    assert [r[0] for r in tables["msk"].rows] == ["Roe (2019)"]
    assert tables["mental"].rows[0][-1] == "confirmed by ann"
    assert "tie" not in tables["mental"].note and "rows for" not in tables["mental"].note


def test_every_format_says_the_same_about_the_tie(tied, tmp_path: Path):
    project, ids = tied
    out = tmp_path / "out"
    write_report(project, out)
    status = TIE_STATUS.format("Musculoskeletal")
    rows = list(csv.DictReader((out / "tables" / "mental.csv").open(encoding="utf-8")))
    assert rows[0]["Study"] == "Petit (2021)" and rows[0]["Label status"] == status
    md = (out / "report.md").read_text(encoding="utf-8")
    assert f"| Petit (2021) | {status} |" in md
    assert md.count("The tables hold 4 rows for 3 included studies") == 2
    sheet = load_workbook(out / "report.xlsx")["Mental"]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert status in cells and any("4 rows for 3 included studies" in str(c) for c in cells)
    doc = Document(str(out / "report.docx"))
    assert status in [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any("4 rows for 3 included studies" in p.text for p in doc.paragraphs)


def test_a_study_with_labels_that_go_together_is_no_tie(tied):
    """In a multi-label scheme a study with two labels is in both tables, as it should be: no
    tie, but the notes still say why the tables hold more rows than there are studies."""
    project, ids = tied
    tables = {t.name: t for t in report_tables(project, ids, "setting")}
    assert [r[0] for r in tables["primary-care"].rows] == ["Roe (2019)"]
    assert tables["primary-care"].rows[0][-1] == "suggested"
    assert "tie" not in tables["primary-care"].note
    assert "The tables hold 4 rows for 3 included studies: 1 study with several labels" in (
        tables["workplace"].note
    )


def test_evidence_map_totals_count_studies_not_cells(tied, tmp_path: Path):
    """The tied study sits in two rows, Roe (2019) in two columns: 5 cells hold 3 studies."""
    project, ids = tied
    emap = build_map(project, "topic", "setting", ids)
    matrix = emap.matrix_table()
    by_row = {r[0]: r[1:] for r in matrix.rows}
    assert matrix.columns[1:] == ["Workplace", "Primary care", "None of these", "Total"]
    assert by_row["Mental"] == [1, 0, 1, 2]
    assert by_row["Musculoskeletal"] == [1, 1, 1, 2]  # Roe once, though in two columns
    assert by_row["Total"] == [2, 1, 1, 3]  # Petit once in each column, 3 studies in all
    assert "cells add up to 5 for 3 studies" in matrix.note
    write_report(project, tmp_path / "out")
    md = (tmp_path / "out" / "evidence-map" / "evidence-map.md").read_text(encoding="utf-8")
    assert "| Total | 2 | 1 | 1 | 3 |" in md and "cells add up to 5 for 3 studies" in md
    sheet = load_workbook(tmp_path / "out" / "report.xlsx")["Evidence map"]
    totals = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Total")
    assert list(totals) == ["Total", 2, 1, 1, 3]
    svg = (tmp_path / "out" / "evidence-map" / "evidence-map.svg").read_text(encoding="utf-8")
    assert "The cells add up to 5 for 3 studies" in svg


def test_the_evidence_map_command_says_the_cells_note(tied, tmp_path: Path, capsys):
    """`reviewkit evidence-map` printed what the cells count but not that they add up to more
    than the studies, which its files' notes say."""
    from reviewkit.cli import main

    project, _ = tied
    argv = ["evidence-map", "--project", str(project.folder), "--out", str(tmp_path / "map")]
    assert main([*argv, "--rows", "topic", "--cols", "setting"]) == 0
    assert "The cells add up to 5 for 3 studies" in capsys.readouterr().out


def test_only_the_tables_holding_such_a_study_say_the_total(tied, tmp_path: Path):
    """The demo's report said "The tables hold 77 rows for 76 included studies …" under each
    of its tables, also those without the tied study: a table says it where one of its
    studies is shown in another table too."""
    project, ids = tied
    (other,) = store_records(project, [Record(title="Sleep of night nurses", year=2018)], "PubMed")
    screening.decide(
        project.db, other, "title-abstract", "ann", "include", protocol=project.protocol
    )
    classify.classify_project(project, [other])
    out = tmp_path / "out"
    write_report(project, out)
    md = (out / "report.md").read_text(encoding="utf-8")
    assert md.count("The tables hold 5 rows for 4 included studies") == 2  # not under Other
    tables = {t.name: t for t in report_tables(project, [*ids, other])}
    assert len(tables["other"].rows) == 1 and "rows for" not in tables["other"].note
    assert "rows for" in tables["mental"].note and "rows for" in tables["msk"].note
