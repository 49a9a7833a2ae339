"""``extract export`` onto an extraction sheet a person has filled in: values typed there and
not read back are not written over (refused, naming the first, unless --force); a sheet whose
values the project has (exported again, or read back first) is written over as before."""

from __future__ import annotations

import csv
import io
import shlex
from pathlib import Path

import pytest
from bad_input.protocol_helpers import imported_project, include_everything

from reviewkit.cli import main


@pytest.fixture
def sheet(tmp_path: Path) -> tuple[Path, Path]:
    """A project with every study included, and its exported extraction sheet."""
    project = imported_project(tmp_path / "project")
    include_everything(project)
    out = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(out), "--project", str(project)]) == 0
    return project, out


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _type_in(path: Path, value: str) -> None:
    """A person's value in the first study's country cell, saved as a spreadsheet saves."""
    rows = _rows(path)
    rows[1][rows[0].index("country")] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


def _export(project: Path, out: Path, capsys, *more: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["extract", "export", str(out), "--project", str(project), *more])
    got = capsys.readouterr()
    return code, got.out + got.err


def test_typed_values_are_not_written_over(sheet, capsys) -> None:
    project, out = sheet
    _type_in(out, "Iceland")
    before = out.read_bytes()
    code, said = _export(project, out, capsys)
    assert code == 2, said
    # one cell typed in: told in the singular (it said 'values … them' of one)
    assert f"{out}:2: the sheet holds a value typed in that the project does not have" in said
    assert "country 'Iceland'; writing the sheet again would lose it" in said, said
    assert "read it in first ('reviewkit extract import" in said, said
    assert "extract import" in said and "--force" in said
    assert out.read_bytes() == before


def test_several_typed_values_are_told_in_the_plural(sheet, capsys) -> None:
    project, out = sheet
    rows = _rows(out)
    for row in rows[1:3]:
        row[rows[0].index("country")] = "Iceland"
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    code, said = _export(project, out, capsys)
    assert code == 2, said
    assert f"{out}:2: the sheet holds values typed in that the project does not have" in said
    assert "'Iceland' and 1 more; writing the sheet again would lose them" in said, said
    assert "read them in first ('reviewkit extract import" in said, said


def test_the_read_back_line_runs_as_printed(tmp_path, capsys) -> None:
    """The hint said 'reviewkit extract import PATH --reviewer NAME' with the path as it
    stood (a space in it made two words) and no --project, though the export named one: the
    line, a name given for NAME, reads the sheet back into the project as printed."""
    project = imported_project(tmp_path / "project")
    include_everything(project)
    out = tmp_path / "my sheets" / "sheet.csv"
    out.parent.mkdir()
    assert main(["extract", "export", str(out), "--project", str(project)]) == 0
    _type_in(out, "Iceland")
    code, said = _export(project, out, capsys)
    assert code == 2, said
    line = said.split("read it in first ('", 1)[1].split("'),", 1)[0]
    assert line.startswith("reviewkit extract import ")
    argv = shlex.split(line.replace("NAME", "reviewer1"))[1:]
    assert main(argv) == 0, capsys.readouterr().err
    code, said = _export(project, out, capsys)
    assert code == 0, said  # read back: the project has the value now


def test_force_writes_over_them(sheet, capsys) -> None:
    project, out = sheet
    _type_in(out, "Iceland")
    code, said = _export(project, out, capsys, "--force")
    assert code == 0, said
    assert "Iceland" not in out.read_text(encoding="utf-8-sig")


def test_read_back_first_then_exported_again(sheet, capsys) -> None:
    project, out = sheet
    _type_in(out, "Iceland")
    argv = ["extract", "import", str(out), "--reviewer", "reviewer1", "--project", str(project)]
    assert main(argv) == 0
    code, said = _export(project, out, capsys)
    assert code == 0, said
    assert "Iceland" in out.read_text(encoding="utf-8-sig")


def test_an_untouched_sheet_is_written_again(sheet, capsys) -> None:
    project, out = sheet
    code, said = _export(project, out, capsys)
    assert code == 0, said


def test_a_value_changed_in_the_project_since_is_no_typed_value(sheet, capsys) -> None:
    # the sheet's cell is the value the project had when it was written: not typed work
    project, out = sheet
    rows = _rows(out)
    rid = rows[1][0]
    argv = ["extract", "set", rid, "country=Denmark", "--reviewer", "reviewer1"]
    assert main([*argv, "--project", str(project)]) == 0
    _type_in(out, rows[1][rows[0].index("country")] or "")
    code, said = _export(project, out, capsys)
    assert code == 0, said
    assert "Denmark" in out.read_text(encoding="utf-8-sig")


def test_a_sheet_that_cannot_be_read_is_not_written_over(sheet, capsys) -> None:
    project, out = sheet
    out.write_bytes(out.read_bytes() + b'"an unclosed quote\n')
    before = out.read_bytes()
    code, said = _export(project, out, capsys)
    assert code == 2, said
    assert "cannot be read to see whether it holds values typed in" in said
    assert "--force" in said and out.read_bytes() == before


def _set(project: Path, rid: str, **values: str) -> None:
    for field, value in values.items():
        argv = ["extract", "set", rid, f"{field}={value}", "--reviewer", "reviewer1"]
        assert main([*argv, "--project", str(project)]) == 0


def _save_as_libreoffice(path: Path, rows: list[list[str]]) -> None:
    """``rows`` saved as LibreOffice Calc saves a CSV: comma-separated, quoted only where a
    cell needs it, LF line ends, no byte-order mark."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def _save_as_excel(path: Path, rows: list[list[str]]) -> None:
    """``rows`` saved as Excel saves 'CSV UTF-8': a byte-order mark, CRLF line ends."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)


# the project's values, and what a spreadsheet shows for them once it has read them: a number
# without its trailing zeros, a date in the locale's form, TRUE in capitals, a trailing space
LIBREOFFICE_UK = [
    ("effect", "1.50", "1.5"),
    ("population", "12.0", "12"),
    ("intervention", "2020-03-21", "21/03/2020"),  # day over 12: the sheet says day first
    ("design", "true", "TRUE"),
    ("country", "Norway", "Norway "),
]
EXCEL_US = [
    ("effect", "0.50", ".5"),
    ("population", "012", "12"),
    ("intervention", "2020-03-21", "3/21/2020"),  # day over 12: the sheet says month first
    ("design", "false", "FALSE"),
    ("country", "Norway", " Norway"),
]


@pytest.mark.parametrize(
    ("save", "rewrites"), [(_save_as_libreoffice, LIBREOFFICE_UK), (_save_as_excel, EXCEL_US)]
)
def test_values_a_spreadsheet_rewrote_are_not_typed(sheet, capsys, save, rewrites) -> None:
    project, out = sheet
    rows = _rows(out)
    rid = rows[1][0]
    _set(project, rid, **{field: stored for field, stored, _ in rewrites})
    code, said = _export(project, out, capsys)
    assert code == 0, said
    rows = _rows(out)
    for field, _, shown in rewrites:
        rows[1][rows[0].index(field)] = shown
    save(out, rows)
    code, said = _export(project, out, capsys)
    assert code == 0, said
    rows = _rows(out)
    assert [rows[1][rows[0].index(f)] for f, _, _ in rewrites] == [s for _, s, _ in rewrites]
    # extract import reads them alike: no value changed
    for field, _, shown in rewrites:
        rows[1][rows[0].index(field)] = shown
    save(out, rows)
    argv = ["extract", "import", str(out), "--reviewer", "reviewer1", "--project", str(project)]
    capsys.readouterr()
    assert main(argv) == 0
    assert "0 values changed" in capsys.readouterr().out


def test_another_number_or_date_is_typed(sheet, capsys) -> None:
    project, out = sheet
    rows = _rows(out)
    _set(project, rows[1][0], effect="1.50", intervention="2020-03-01")
    assert _export(project, out, capsys)[0] == 0
    for shown in ("1.51", "02/03/2020"):
        rows = _rows(out)
        field = "effect" if "." in shown else "intervention"
        rows[1][rows[0].index(field)] = shown
        _save_as_libreoffice(out, rows)
        code, said = _export(project, out, capsys)
        assert code == 2 and f"{field} {shown!r}" in said, said


def test_a_date_as_a_serial_number_in_a_workbook_saved_over_the_sheet(sheet, capsys) -> None:
    # Excel's Save As 'Excel Workbook' under the sheet's name: the dates are serial numbers and
    # the numbers floats in the file: 'extract import' reads it (test_extraction_sheet_workbook),
    # and export does not write its CSV over a workbook (the workbook would be lost)
    import openpyxl

    project, out = sheet
    rows = _rows(out)
    _set(project, rows[1][0], intervention="2020-03-01")
    assert _export(project, out, capsys)[0] == 0
    book = openpyxl.Workbook()
    for row in _rows(out):
        book.active.append(row)
    col = rows[0].index("intervention") + 1
    book.active.cell(row=2, column=col).value = 43891  # 2020-03-01
    book.active.cell(row=2, column=col).number_format = "dd/mm/yyyy"
    book.save(out)
    before = out.read_bytes()
    code, said = _export(project, out, capsys)
    assert code == 2, said
    assert "is an Excel workbook (.xlsx)" in said and "nothing was written" in said
    assert out.read_bytes() == before


def test_an_added_column_is_named_with_what_import_does(sheet, capsys) -> None:
    project, out = sheet
    rows = _rows(out)
    rows[0].append("notes")
    rows[1].append("ask the authors for the 2019 figures")
    for row in rows[2:]:
        row.append("")
    _save_as_libreoffice(out, rows)
    before = out.read_bytes()
    code, said = _export(project, out, capsys)
    assert code == 2, said
    assert "column 'notes' added to the sheet holds values" in said
    assert "'extract import' will not read it (no extraction field of that name)" in said
    assert "record" not in said
    assert "move column 'notes' to a file of its own," in said
    assert out.read_bytes() == before
    # and import says the same of it
    argv = ["extract", "import", str(out), "--reviewer", "reviewer1", "--project", str(project)]
    capsys.readouterr()
    assert main(argv) != 0
    assert "unknown field 'notes'" in capsys.readouterr().err


def test_added_columns_are_named_in_their_number(sheet, capsys) -> None:
    """Two columns added: 'columns 'notes' and 'query' … hold … read them', the hint 'move
    columns …' (before: "column{s} 'notes', 'query'" by hand, and the hint 'move column')."""
    project, out = sheet
    rows = _rows(out)
    rows[0] += ["notes", "query"]
    rows[1] += ["ask the authors for the 2019 figures", "which year?"]
    for row in rows[2:]:
        row += ["", ""]
    _save_as_libreoffice(out, rows)
    code, said = _export(project, out, capsys)
    assert code == 2, said
    assert "columns 'notes' and 'query' added to the sheet hold values" in said
    assert "'extract import' will not read them (no extraction field of those names)" in said
    # 'a file of its own' after two columns: the hint is worded for them
    assert "move columns 'notes' and 'query' to a file of their own," in said


def test_an_added_column_beside_typed_values(sheet, capsys) -> None:
    project, out = sheet
    rows = _rows(out)
    rows[0].append("notes")
    for row in rows[1:]:
        row.append("")
    rows[2][-1] = "check"
    rows[1][rows[0].index("country")] = "Iceland"
    _save_as_libreoffice(out, rows)
    code, said = _export(project, out, capsys)
    assert code == 2, said
    assert "country 'Iceland'" in said and "column 'notes'" in said
    assert f"{out}:2:" in said and "move column 'notes'" in said


def test_an_empty_added_column_is_written_over(sheet, capsys) -> None:
    project, out = sheet
    rows = _rows(out)
    rows[0].append("notes")
    for row in rows[1:]:
        row.append("")
    _save_as_libreoffice(out, rows)
    code, said = _export(project, out, capsys)
    assert code == 0, said
    assert "notes" not in _rows(out)[0]


def _effect(out: Path) -> str:
    rows = _rows(out)
    return rows[1][rows[0].index("effect")]


def _empty_an_exported_value(project: Path, out: Path, capsys) -> str:
    """The first study's effect stored as '1.50', exported, and emptied in the sheet as a
    person saves it in LibreOffice; returns the study's record id."""
    rid = _rows(out)[1][0]
    _set(project, rid, effect="1.50")
    assert _export(project, out, capsys)[0] == 0
    rows = _rows(out)
    rows[1][rows[0].index("effect")] = ""
    _save_as_libreoffice(out, rows)
    return rid


def test_an_emptied_cell_gets_its_value_back_with_a_word(sheet, capsys) -> None:
    # the value was stored before the sheet was saved: it was emptied there (or filled in the
    # project between the export and that save); either way the export says it is back
    project, out = sheet
    rid = _empty_an_exported_value(project, out, capsys)
    code, said = _export(project, out, capsys)
    assert code == 0, said
    assert f"warning: {out}:2: record {rid}'s effect was emptied in the sheet written over" in said
    assert "'1.50' again" in said and "extract set" in said
    assert _effect(out) == "1.50"


def test_a_value_stored_after_the_sheet_was_saved_is_not_called_emptied(sheet, capsys) -> None:
    project, out = sheet
    _set(project, _rows(out)[1][0], effect="1.50")
    code, said = _export(project, out, capsys)
    assert code == 0 and "warning" not in said, said
    assert _effect(out) == "1.50"


def test_an_emptying_read_back_is_kept(sheet, capsys) -> None:
    project, out = sheet
    _empty_an_exported_value(project, out, capsys)
    argv = ["extract", "import", str(out), "--reviewer", "reviewer1", "--project", str(project)]
    assert main(argv) == 0
    code, said = _export(project, out, capsys)
    assert code == 0 and "warning" not in said, said
    assert _effect(out) == ""


def _import(project: Path, out: Path, capsys) -> tuple[int, str]:
    argv = ["extract", "import", str(out), "--reviewer", "reviewer1", "--project", str(project)]
    capsys.readouterr()
    code = main(argv)
    got = capsys.readouterr()
    return code, got.out + got.err


@pytest.mark.parametrize(
    ("field", "stored", "shown", "says", "exported_says"),
    [
        ("intervention", "2020-03-01", "01/03/2020", "YYYY-MM-DD", "read day first"),
        ("effect", "1.5", "1,5", "write it 1.5", "with a decimal comma"),
    ],
    ids=["day-month", "decimal-comma"],
)
def test_a_cell_the_sheets_locale_would_tell_is_refused_when_it_does_not_say(
    sheet, capsys, field: str, stored: str, shown: str, says: str, exported_says: str
) -> None:
    """A comma-separated sheet says neither its decimal separator nor its date order: a cell
    that is the stored value read one way and another value read the other is refused on import
    (line, column, the cell, a form read one way), and kept from being written over on export."""
    project, out = sheet
    rows = _rows(out)
    _set(project, rows[1][0], **{field: stored})
    assert _export(project, out, capsys)[0] == 0
    rows = _rows(out)
    rows[1][rows[0].index(field)] = shown
    _save_as_libreoffice(out, rows)
    code, said = _import(project, out, capsys)
    assert code == 2, said
    assert f"{out}:2: column '{field}': '{shown}'" in said and says in said, said
    code, said = _export(project, out, capsys)
    assert code == 2 and shown in said, said
    assert "may not have" in said and exported_says in said, said  # why, not 'typed in'


def test_a_semicolon_sheet_is_read_with_its_locale(sheet, capsys) -> None:
    """Excel writes ';' where the decimal separator is a comma, in locales that write the day
    first: '1,5' is 1.5 and 01/03/2020 is 1 March there, no change."""
    project, out = sheet
    rows = _rows(out)
    _set(project, rows[1][0], effect="1.5", intervention="2020-03-01")
    assert _export(project, out, capsys)[0] == 0
    rows = _rows(out)
    rows[1][rows[0].index("effect")] = "1,5"
    rows[1][rows[0].index("intervention")] = "01/03/2020"
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    code, said = _import(project, out, capsys)
    assert code == 0 and "0 values changed" in said, said


@pytest.mark.parametrize(
    ("separator", "typed", "other", "stored"),
    [
        (";", "1,5", "0,8", "1.5"),  # Excel's ';' sheet: the decimal comma is the locale's
        (";", "1.234,5", "12", "1234.5"),  # a number format with a thousands separator
        (";", "1,5 (0,9-2,1)", "0,8", "1,5 (0,9-2,1)"),  # text, not one number: as typed
        (",", "1,5", "0,8", "1,5"),  # a ',' sheet says no locale: as typed
        # a column of lists, not numbers (arms '1,2' and '1,2,3'): as typed
        (";", "1,2", "1,2,3", "1,2"),
        (";", "1,2", "", "1,2"),  # the only value of its column: nothing says it is a number
        # a column of two-arm lists only ('1,2', '1,3'): each may be a decimal comma, and
        # nothing in the column says so (stored as 1.2 and 1.3): as typed
        (";", "1,2", "1,3", "1,2"),
        (";", "1,2", "0,8", "1.2"),  # '0,8' is no list (arms are counted from 1): numbers
    ],
)
def test_a_new_value_is_stored_as_the_sheets_locale_reads_it(
    sheet, capsys, separator: str, typed: str, other: str, stored: str
) -> None:
    """A value typed into an empty cell of a ';' sheet ('1,5') was stored as the text '1,5':
    it is the number 1.5 there, as the spreadsheet showed it, in a column of numbers. The
    extraction form gives its fields no type: a column whose other cells are not numbers
    (a list of arms '1,2,3'), or that holds no other value, keeps its cell as typed."""
    project, out = sheet
    rows = _rows(out)
    rid = rows[1][0]
    rows[1][rows[0].index("effect")] = typed
    rows[2][rows[0].index("effect")] = other
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=separator).writerows(rows)
    code, said = _import(project, out, capsys)
    assert code == 0 and f"{1 + bool(other)} value" in said, said
    again = out.with_name("again.csv")  # what the project holds, as the next sheet shows it
    assert _export(project, again, capsys)[0] == 0
    rows = _rows(again)
    row = next(r for r in rows if r[0] == rid)
    assert row[rows[0].index("effect")] == stored


def test_every_ambiguous_cell_is_named_in_one_refusal(sheet, capsys) -> None:
    """A UK sheet re-saved in Excel has all its dates in the locale's form: every cell the
    sheet's locale would tell is named at once (line and column), not one a run."""
    project, out = sheet
    rows = _rows(out)
    _set(project, rows[1][0], intervention="2020-03-01")
    _set(project, rows[2][0], intervention="2020-04-02")
    assert _export(project, out, capsys)[0] == 0
    rows = _rows(out)
    column = rows[0].index("intervention")
    rows[1][column], rows[2][column] = "01/03/2020", "02/04/2020"
    _save_as_libreoffice(out, rows)
    code, said = _import(project, out, capsys)
    assert code == 2, said
    assert f"{out}:2: column 'intervention': '01/03/2020'" in said, said
    assert "line 3 ('intervention': '02/04/2020')" in said, said
