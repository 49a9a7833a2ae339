"""The report's agreement table shows each statistic with its decimals in every format: a
kappa of exactly 0.5 read "0.5" beside "0.496" in report.md and agreement.csv (found walking
the README, task walk); in the XLSX it stays a number, formatted 0.000."""

from __future__ import annotations

import csv

import openpyxl
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.cli import main

TA = "title-abstract"


def test_a_round_kappa_keeps_its_decimals(project_b) -> None:
    ids = add_records(project_b, make_records(4))
    # [[2, 1], [0, 1]]: p_o = 0.75, p_e = (3*2 + 1*2)/16 = 0.5, kappa = 0.5, PABAK 0.5
    for study, (a, b) in zip(
        ids,
        [("include", "include")] * 2 + [("include", "exclude"), ("exclude", "exclude")],
        strict=True,
    ):
        scr.decide(project_b.db, study, TA, "reviewer1", a, "long-term" if a == "exclude" else "")
        scr.decide(project_b.db, study, TA, "reviewer2", b, "long-term" if b == "exclude" else "")
    assert main(["report", "--project", str(project_b.folder), "--format", "csv,md,xlsx"]) == 0
    exports = project_b.folder / "exports"
    with (exports / "agreement.csv").open(encoding="utf-8") as fh:
        (row,) = [r for r in csv.DictReader(fh) if r["Stage"] == TA]
    assert row["Cohen's kappa"] == "0.500" and row["PABAK"] == "0.500"
    assert row["Agreement %"] == "75.0" and row["Kappa 95% CI high"] == "1.000"
    assert "| 75.0 | 0.500 |" in (exports / "report.md").read_text(encoding="utf-8")
    sheet = next(
        ws for ws in openpyxl.load_workbook(exports / "report.xlsx") if "greement" in ws.title
    )
    cells = {sheet.cell(2, c).value: sheet.cell(3, c) for c in range(1, sheet.max_column + 1)}
    kappa = cells["Cohen's kappa"]
    assert kappa.value == 0.5 and kappa.number_format == "0.000"
