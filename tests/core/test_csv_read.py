"""Every reader of a CSV sheet reads it one way (reviewkit/formats/csv_read.py): Excel's 'sep='
first line names the separator, a byte-order mark names the encoding, and a repeated header row
or a row with values beyond the header gets one message, whichever command reads the sheet.

The readers: `import`, `extract import`, `classify --evaluate`, `dedup review --read-csv` and
`simulate`. Each sheet below has a row on its line 3 that its reader refuses for what it holds
(not for how it is written), so a message naming line 3 shows the sheet was read, with its
lines counted from the 'sep=' line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.cli import main
from reviewkit.errors import FormatError
from reviewkit.formats import csv_read

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "work-health-collaboration.toml"
FIXTURES = Path(__file__).parent / "fixtures"

# reader -> (header, a good row, a row its reader refuses, what that refusal says)
SHEETS = {
    "extract": (
        "record_id;study;title;country;intervention;population;design;effect",
        "1;a;t;Norway;;;;",
        "two;b;u;;;;;",
        "record_id 'two' is not a number",
    ),
    "evaluate": ("title;abstract;gold", "A;x;coordinator", "B;y;astrology", "unknown label"),
    "dedup-queue": (
        "record_a;record_b;score;rule;verdict;a_title;b_title",
        "1;2;0.9;title;;A;B",
        "1;2;0.9;title;ja;A;B",
        "verdict 'ja'",
    ),
    "simulate": (
        "title;abstract;included",
        "Individual placement and support;IPS trial;1",
        "Heart failure;Cardiology;0.6",
        "label '0.6' is not 0 or 1",
    ),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("csv-read") / "project"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(FIXTURES / "sample.ris"), "--project", str(folder)]) == 0
    return folder


def _argv(kind: str, path: Path, project: Path) -> list[str]:
    at = ["--project", str(project)]
    return {
        "import": ["import", str(path), *at],
        "extract": ["extract", "import", str(path), "--reviewer", "reviewer1", *at],
        "evaluate": ["classify", "--evaluate", str(path), "--scheme", "model-type", *at],
        "dedup-queue": ["dedup", "review", "--read-csv", str(path), "--reviewer", "reviewer1", *at],
        "simulate": ["simulate", str(path), "--label-column", "included"],
    }[kind]


def _run(kind: str, path: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The error message of the reader ``kind`` for ``path`` (exit code 2 checked)."""
    capsys.readouterr()
    assert main(_argv(kind, path, project)) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return (out + err).replace(str(path), "FILE")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize("kind", SHEETS)
def test_excel_sep_line_names_the_separator(
    kind: str, encoding: str, project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the 'sep=;' line was read as the header ('missing columns', 'no title column')."""
    header, good, bad, message = SHEETS[kind]
    path = tmp_path / f"{kind}.csv"
    path.write_bytes("\r\n".join(["sep=;", header, good, bad, ""]).encode(encoding))
    said = _run(kind, path, project, capsys)
    assert "FILE:4:" in said and message in said, said


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_import_honours_the_sep_line(tmp_path: Path, encoding: str) -> None:
    """The line is neither the header nor a record; the rest is read with its separator."""
    path = tmp_path / "excel.csv"
    text = "sep=;\r\nTitle;Authors;Year\r\nReturn to work, a trial;Smith J;2020\r\n"
    path.write_bytes(text.encode(encoding))
    records = list(formats.read_file(path))
    assert [(r.title, r.authors, r.year) for r in records] == [
        ("Return to work, a trial", ["Smith J"], 2020)
    ]
    assert records[0].raw == "Return to work, a trial;Smith J;2020"


DAMAGED = {
    "repeated-header": lambda h, g: [h, g, h, g],
    "ragged-row": lambda h, g: [h, g + ",extra", g],
    "sep-line-other-separator": lambda h, g: ["sep=;", h, g],
}
COMMA = {
    "import": ("Title,Authors,Year", "Return to work,Smith J,2020"),
    **{k: (h.replace(";", ","), g.replace(";", ",")) for k, (h, g, _b, _m) in SHEETS.items()},
}


@pytest.mark.parametrize("damage", DAMAGED)
def test_one_damaged_sheet_one_message_in_every_reader(
    damage: str, project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the extraction sheet said 'more values than columns', the others read a ragged
    row or a repeated header as data, and only the import looked at a 'sep=' line."""
    said = {}
    for kind, (header, good) in COMMA.items():
        path = tmp_path / f"{kind}.csv"
        lines = DAMAGED[damage](header, good)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        message = _run(kind, path, project, capsys)
        # the count of cells differs with the sheet's header; the rest is the same words
        said[kind] = re.sub(r"has \d+ cells but the header has \d+", "has N cells", message)
    assert len(set(said.values())) == 1, said
    assert {"repeated-header": "FILE:3", "ragged-row": "FILE:2"}.get(damage, "FILE:1") in said[
        "import"
    ]


@pytest.mark.parametrize(
    "first",
    ["sep=;", "SEP=;", "sep=;;;", '"sep=;"', "sep=;  "],
    ids=["plain", "upper", "padded", "quoted", "blanks"],
)
def test_sep_line_as_spreadsheets_write_it(first: str) -> None:
    """Excel writes 'sep=;'; a spreadsheet that read it as a cell pads or quotes it."""
    header, rows = csv_read.dict_rows(f"{first}\nrecord_a;verdict\n1;same\n", "q.csv")
    assert header == ["record_a", "verdict"]
    assert list(rows) == [(3, {"record_a": "1", "verdict": "same"})]


def test_sep_line_names_any_separator(tmp_path: Path) -> None:
    """Excel takes any one character; the file is told to be a CSV by the line alone (it holds
    none of the separators the header is looked at for)."""
    path = tmp_path / "bars.txt"
    path.write_text("sep=|\ntitle|year\nA, b|2020\n", encoding="utf-8")
    assert [(r.title, r.year) for r in formats.read_file(path)] == [("A, b", 2020)]


def test_sep_line_over_one_column_is_no_error() -> None:
    """A sheet of one column uses no separator at all; the line cannot be wrong about it."""
    header, rows = csv_read.dict_rows("sep=;\ntitle\nReturn to work\n", "one.csv")
    assert header == ["title"] and [r for _, r in rows] == [{"title": "Return to work"}]


def test_sep_line_alone_is_refused() -> None:
    with pytest.raises(FormatError) as caught:
        csv_read.dict_rows("sep=;\r\n", "only.csv")
    assert caught.value.where == "only.csv:1" and "no header row" in caught.value.message


def test_tab_named_but_commas_used() -> None:
    with pytest.raises(FormatError) as caught:
        csv_read.dict_rows("sep=\t\ntitle,year\nA,2020\n", "t.csv")
    assert caught.value.where == "t.csv:1"
    assert "separated by a tab" in caught.value.message and "by ','" in caught.value.message
