"""Web of Science's tab-delimited export cut inside its last row's last cell is refused when
that cell's column has a fixed form (formats.wos_cut); whole rows, with or without a final
line break, are read."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.errors import FormatError

# the full record's columns end so (Clarivate's field tags); its rows end with a tab
TAGS = ["PT", "AU", "TI", "SO", "PY", "SN", "DI", "UT", "PM", "OA", "HC", "HP", "DA"]


def _cells(n: int) -> list[str]:
    return [
        "J",
        "Larsen, M",
        f"Return to work {n}",
        "J OCCUP REHABIL",
        "2017",
        "1053-0487",
        f"10.1007/s1092{n}",
        f"WOS:00040000000000{n}",
        f"2770000{n}",
        "gold",
        "",
        "",
        "2018-02-07",
    ]


def _file(columns: int, last: str | None = None, tail: str = "\t") -> str:
    """A two-row export of the first ``columns`` columns, its last cell ``last`` if given."""
    second = _cells(2)[:columns]
    if last is not None:
        second[-1] = last
    rows = ["\t".join(TAGS[:columns]), "\t".join(_cells(1)[:columns]) + tail, "\t".join(second)]
    return "\n".join(rows)


def _read(tmp_path: Path, text: str) -> list:
    path = tmp_path / "savedrecs.txt"
    path.write_text(text, encoding="utf-8")
    return list(formats.read_file(path))


@pytest.mark.parametrize("end", ["", "\t", "\n", "\t\r\n"])
def test_whole_exports_are_read_with_or_without_a_final_line_break(
    tmp_path: Path, end: str
) -> None:
    records = _read(tmp_path, _file(len(TAGS)) + end)
    assert [r.title for r in records] == ["Return to work 1", "Return to work 2"]


@pytest.mark.parametrize(
    ("columns", "last"),
    [
        (13, "2018-02"),  # inside the export's date, DA
        (13, ""),  # before it: every record has one
        (8, "WOS:0004000"),  # inside the accession, UT last
        (8, "WO"),
        (8, "WOS:A1994PG771"),  # inside an accession of the records before 1997's form
        (7, "10.10"),  # inside a DOI before its '/'
        (5, "20"),  # inside the year
    ],
)
def test_a_cut_inside_the_last_cell_of_a_fixed_form_is_refused(
    tmp_path: Path, columns: int, last: str
) -> None:
    with pytest.raises(FormatError) as exc:
        _read(tmp_path, _file(columns, last, tail=""))
    assert f"inside the last row's {TAGS[columns - 1]} cell" in exc.value.message
    assert exc.value.where.endswith(":3")


@pytest.mark.parametrize(
    ("columns", "last"), [(8, "MEDLINE:27700002"), (9, "2770"), (3, "Return to"), (6, "")]
)
def test_a_last_cell_whose_cut_cannot_be_told_is_read(
    tmp_path: Path, columns: int, last: str
) -> None:
    """Another collection's accession (All Databases: 'MEDLINE:27700002', of no fixed length),
    a PMID, a title, an empty ISSN (a record may have none) read as whole."""
    assert len(_read(tmp_path, _file(columns, last, tail=""))) == 2


@pytest.mark.parametrize("accession", ["WOS:A1994PG77100437", "WOS:A1987L331200032"])
def test_an_accession_of_the_older_form_is_read_as_whole(tmp_path: Path, accession: str) -> None:
    """Web of Science numbers the Core Collection's records up to 1997 'A', the year and ten
    letters and digits ('WOS:A1994PG77100437', 30 of the bib-dedupe sets' 890 distinct ones):
    whole, as a last cell without a final line break."""
    assert len(_read(tmp_path, _file(8, accession, tail=""))) == 2
