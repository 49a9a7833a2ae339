"""Broken and hostile Excel workbooks, made here rather than stored in cases/ (a zip bomb is
cheap to make and needless to commit): each import exits 2 with one message naming the file, no
traceback, and the project database byte-identical."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import dump_database
from openpyxl import Workbook

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
RIS = "TY  - JOUR\nTI  - Return to work with a coordinator\nPY  - 2020\nER  -\n"
NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
SHEET = "xl/worksheets/sheet1.xml"


def _workbook() -> bytes:
    book = Workbook()
    book.active.append(["Title", "Year"])
    book.active.append(["Return to work after sick leave", 2019])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _replace(parts: dict[str, bytes | None], path: Path) -> None:
    """The good workbook with some parts replaced (None: left out), written to ``path``."""
    good = zipfile.ZipFile(io.BytesIO(_workbook()))
    with good, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in good.infolist():
            data = parts.get(info.filename, good.read(info.filename))
            if data is not None:
                out.writestr(info.filename, data)


def _bomb(path: Path) -> None:
    """A sheet that expands to 300 MiB of spaces (under 1 MB zipped), written in chunks."""
    _replace({SHEET: None}, path)
    out = zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1)
    with out, out.open(SHEET, "w", force_zip64=True) as fh:
        fh.write(b"<worksheet " + NS + b"><sheetData>")
        chunk = b" " * (1 << 20)
        for _ in range(300):
            fh.write(chunk)
        fh.write(b"</sheetData></worksheet>")


def _xxe(path: Path) -> None:
    sheet = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<worksheet " + NS + b'><sheetData><row><c t="inlineStr"><is><t>Title</t></is></c>'
        b'</row><row><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>'
    )
    _replace({SHEET: sheet}, path)


def _wide_row(path: Path) -> None:
    """One row of 20,000 cells: more columns than Excel has (openpyxl builds a row whole)."""
    _replace(
        {
            SHEET: b"<worksheet " + NS + b"><sheetData><row>" + b"<c/>" * 20000 + b"</row>"
            b"</sheetData></worksheet>"
        },
        path,
    )


def _cut_sheet(path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(_workbook())) as good:
        sheet = good.read(SHEET)
    _replace({SHEET: sheet[: len(sheet) // 2]}, path)


def _no_sheet_part(path: Path) -> None:
    _replace({SHEET: None}, path)


def _broken_workbook_xml(path: Path) -> None:
    _replace({"xl/workbook.xml": b"<workbook " + NS + b"><sheets><sheet"}, path)


def _formula_no_value(path: Path) -> None:
    """A formula as openpyxl or pandas write it: no computed value (it was read as empty)."""
    book = Workbook()
    book.active.append(["Title", "Year"])
    book.active.append(["Return to work after sick leave", "=2000+19"])
    book.save(path)


def _year_merged_down(path: Path) -> None:
    """A list kept by hand, a year merged beside the three references of that year: Excel
    shows 2019 on each row and stores it on the first (the others were read without a year)."""
    book = Workbook()
    for row in (["Title", "Year"], ["Return to work", 2019], ["Sick leave"], ["Burnout"]):
        book.active.append(row)
    book.active.merge_cells("B2:B4")
    book.save(path)


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "year-merged-down": (_year_merged_down, ":3: cells B2:B4 are merged"),
    "zip-bomb": (_bomb, "more than 256 MiB"),
    "xxe": (_xxe, "DTD"),
    "wide-row": (_wide_row, "16,384 cells"),
    "cut-sheet-xml": (_cut_sheet, "broken XML"),
    "no-sheet-part": (_no_sheet_part, "no worksheets"),
    "broken-workbook-xml": (_broken_workbook_xml, "broken XML"),
    "formula-no-value": (_formula_no_value, "cell B2 holds a formula without the value"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_workbook_is_refused_cleanly(case: str, tmp_path: Path, capsys) -> None:
    make, what = CASES[case]
    project = tmp_path / "project"
    (tmp_path / "one.ris").write_text(RIS, encoding="utf-8")
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(tmp_path / "one.ris"), "--project", str(project)]) == 0
    before = dump_database(project / "review.sqlite")
    book = tmp_path / f"{case}.xlsx"
    make(book)
    capsys.readouterr()
    assert main(["import", str(book), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert str(book) in err and what in err
    assert dump_database(project / "review.sqlite") == before
