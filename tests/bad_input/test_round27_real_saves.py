"""Round 27 of bad input: files as real tools save them, of kinds no round had tried.

A sheet opened in a spreadsheet and saved again holds an error value ('#NAME?') where a
cell's text began with '-', '+', '=' or '@' and was read as a formula: the text is lost, and
it was imported as the record's title (or an abstract, an author) without a word. It is
refused now, naming the line, the column and the value, in a CSV and in an .xlsx alike, and in
the sheets a person fills (``formats.csv_read.dict_rows``). The others are good files as
Windows, Excel, Google Sheets and Java write them, read as their good copy before and after
(guards): a UTF-8 byte-order mark, CRLF line ends, no line break after the last line, and
UTF-16 big-endian with its byte-order mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import import_refused, imported_records

from reviewkit.errors import FormatError
from reviewkit.formats.csv_read import dict_rows

FIXTURES = Path(__file__).parent.parent / "core" / "fixtures"
HEADER = "Title,Authors,Year,DOI,Abstract,Index Keywords\r\n"


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [
        ('#NAME?,"Smith, J",2019,10.1000/x1,An abstract,\r\n', "Title", "#NAME?"),
        ("Return to work,#NAME?,2019,10.1000/x1,An abstract,\r\n", "Authors", "#NAME?"),
        ('Return to work,"Smith, J",2019,10.1000/x1,#VALUE!,\r\n', "Abstract", "#VALUE!"),
        ('Return to work,"Smith, J",2019,10.1000/x1, #ERROR! ,\r\n', "Abstract", "#ERROR!"),
        ('Return to work,"Smith, J",2019,10.1000/x1,Err:508,\r\n', "Abstract", "Err:508"),
    ],
)
def test_a_spreadsheet_error_value_in_a_csv_is_refused(tmp_path, capsys, row, column, value):
    good = 'Case management,"Berg, T",2020,10.1000/x2,Another abstract,\r\n'
    path = tmp_path / "saved.csv"
    path.write_text(HEADER + good + row, encoding="utf-8")
    err = import_refused(tmp_path, capsys, path)
    assert f"{path}:3" in err
    assert f"the {column!r} cell holds {value!r}" in err
    assert "hint:" in err


def test_an_error_value_in_a_column_the_import_does_not_read_is_left_alone(tmp_path, capsys):
    path = tmp_path / "saved.csv"
    row = 'Return to work,"Smith, J",2019,10.1000/x1,An abstract,\r\n'
    path.write_text(
        HEADER.replace("Index Keywords", "Notes") + row.replace(",\r\n", ",#NAME?\r\n"),
        encoding="utf-8",
    )
    (record,) = imported_records(tmp_path, capsys, path)
    assert record.title == "Return to work"


def test_text_that_merely_starts_like_an_error_value_is_read(tmp_path, capsys):
    path = tmp_path / "saved.csv"
    path.write_text(
        HEADER + '#1 cause of sick leave: a #NAME? study,"Smith, J",2019,10.1000/x1,N/A,\r\n',
        encoding="utf-8",
    )
    (record,) = imported_records(tmp_path, capsys, path)
    assert record.title == "#1 cause of sick leave: a #NAME? study"


def test_an_error_cell_of_a_workbook_is_refused(tmp_path, capsys):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Title", "Authors", "Year", "DOI"])
    sheet.append(["Case management", "Berg, T", 2020, "10.1000/x2"])
    sheet.append(["#NAME?", "Smith, J", 2019, "10.1000/x1"])  # openpyxl stores an error cell
    path = tmp_path / "saved.xlsx"
    book.save(path)
    err = import_refused(tmp_path, capsys, path)
    assert "'Title' cell holds '#NAME?'" in err
    assert f"{path}:3: the" in err  # its worksheet row, as Excel shows it


def test_a_filled_sheet_with_an_error_value_is_refused_where_it_is_read():
    text = "record,decision,reason\r\n1,include,\r\n2,exclude,#REF!\r\n"
    _, rows = dict_rows(text, "sheet.csv")
    with pytest.raises(FormatError) as caught:
        list(rows)
    assert caught.value.where == "sheet.csv:3"
    assert "'reason' cell holds '#REF!'" in caught.value.message
    _, rows = dict_rows(text, "sheet.csv", used=["record", "decision"])
    assert [row["decision"] for _, row in rows] == ["include", "exclude"]


def _bom(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data.removeprefix(b"\xef\xbb\xbf")


def _crlf(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _utf16be(data: bytes) -> bytes:
    return b"\xfe\xff" + data.removeprefix(b"\xef\xbb\xbf").decode("utf-8").encode("utf-16-be")


SAVES = {
    "utf8-bom": _bom,
    "crlf": _crlf,
    "no-final-newline": lambda data: data.rstrip(b"\r\n"),
    "utf16be-bom": _utf16be,
}
GOOD = [
    "sample.ris",
    "sample.nbib",
    "sample.bib",
    "scopus.csv",
    "endnote_export.xml",
    "wos.txt",
    "wos_plain.txt",
    "cochrane_central.txt",
    "ovid_medline.txt",
]


def _fields(records: list) -> list:
    return [(r.title, r.authors, r.year, r.doi, r.pmid, r.journal, r.abstract) for r in records]


@pytest.mark.parametrize("fixture", GOOD)
@pytest.mark.parametrize("save", sorted(SAVES))
def test_a_good_file_as_real_tools_save_it_is_read_as_the_good_one(tmp_path, capsys, fixture, save):
    data = (FIXTURES / fixture).read_bytes()
    good = _fields(imported_records(tmp_path / "good", capsys, FIXTURES / fixture))
    path = tmp_path / f"saved-{fixture}"
    path.write_bytes(SAVES[save](data))
    assert _fields(imported_records(tmp_path / "saved", capsys, path)) == good
