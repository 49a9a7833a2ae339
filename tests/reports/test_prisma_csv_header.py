"""prisma.csv is the report's PRISMA table as a CSV: its header is the one report.md, report.xlsx
and report.docx give that table ('Section', 'Item', 'Count'), capitalised as every other CSV of
the report is (agreement.csv, tables/*.csv); it was written lower case, from a header of its own."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook

from reviewkit.cli import main
from reviewkit.records import Record


def _csv_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


def test_prisma_csv_has_the_reports_header(project_b, store, tmp_path: Path) -> None:
    store(project_b, [Record(title=f"Study {i}", year=2020) for i in range(2)], "PubMed")
    folder = str(project_b.folder)
    report_out, prisma_out = tmp_path / "report", tmp_path / "prisma"
    assert main(["report", "--project", folder, "--out", str(report_out)]) == 0
    assert main(["prisma", "--project", folder, "--out", str(prisma_out)]) == 0
    sheet = load_workbook(report_out / "report.xlsx")["PRISMA 2020 flow"]
    in_workbook = [c.value for c in sheet[2]]
    md = (report_out / "report.md").read_text(encoding="utf-8")
    in_markdown = md.split("## PRISMA 2020 flow: numbers", 1)[1].split("\n| ", 1)[1]
    assert in_markdown.startswith(" | ".join(in_workbook) + " |")
    assert _csv_header(report_out / "prisma.csv") == in_workbook
    assert _csv_header(prisma_out / "prisma.csv") == in_workbook
    assert (prisma_out / "prisma.csv").read_bytes() == (report_out / "prisma.csv").read_bytes()
