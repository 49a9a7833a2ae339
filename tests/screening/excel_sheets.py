"""A conflicts sheet as Excel gives it back: a team that names its reviewers by code
("007", "1") and uses reason codes like '01', and the lead's round trip through Excel's
General format (shared by the screens40 and screens41 sheet tests)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from openpyxl import Workbook

TA = "title-abstract"
PROTOCOL = """\
[review]
id = "coded-team"
title = "Return to work after burnout: a team that names its reviewers by code"
question = "Which workplace interventions help employees return to work?"
reviewers = ["007", "1"]
leads = ["lead"]

[stages.title-abstract]
advance_on = ["include"]
exclusion_reasons = [
  { code = "01", label = "Not employees" },
  { code = "02", label = "No return-to-work outcome" },
]
"""
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def _as_excel_stores(cell: str) -> object:
    """A CSV cell as Excel's General format opens it: a number where it reads as one (the
    zeros before it gone), else the text."""
    if _NUMBER.fullmatch(cell):
        return float(cell) if "." in cell else int(cell)
    return cell


def through_excel(sheet: Path, book: Path, decision: str, reason: str = "") -> None:
    """The lead opens the CSV in Excel, writes ``decision`` (and ``reason``) in each row and
    saves a workbook."""
    with sheet.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    out = Workbook()
    at, why = rows[0].index("decision"), rows[0].index("reason")
    for n, row in enumerate(rows):
        if n:
            row[at], row[why] = decision, reason
        out.active.append([_as_excel_stores(cell) for cell in row])
    out.save(book)
