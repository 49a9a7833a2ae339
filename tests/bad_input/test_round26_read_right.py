"""Round 26 of bad input: files of kinds the corpus had not held that are valid, each read
right through ``reviewkit import`` (the refused ones are corpus cases, README.md's round 26).
A file printed to disk opens each page with a page break (U+000C) before the page's first
line: before a tag, the line was read as a wrapped line of the field above (RIS: the author
'Berg, Tor PY  - 2019', the year lost; MEDLINE: a line that is no 'TAG - value'), in a file
streamed and in one read whole (--encoding) alike. The others were read right before (guards):
two BibTeX files joined with the second's byte-order mark midway, Excel's 'sep=,' line above a
CSV's header, a title header with a trailing space, markup in a PubMed XML title, and a
MEDLINE PMID whose value is on its continuation line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

FIXTURES = Path(__file__).parent.parent / "core" / "fixtures"
RIS = (
    "TY  - JOUR\r\nTI  - Return to work after sick leave\r\nAU  - Berg, Tor\r\n\x0cPY  - 2019\r\n"
    "JO  - J Occup Rehabil\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - Sick leave and work\r\n"
    "AU  - Lund, Eva\r\n\x0c\x0cPY  - 2020\r\nER  - \r\n"
)
NBIB = (
    "PMID- 31000001\nOWN - NLM\nTI  - Return to work after sick leave.\nFAU - Berg, Tor\n"
    "\x0cDP  - 2019\nSO  - J Occup Rehabil. 2019;29(1):1-9.\n\nPMID- 31000002\n"
    "TI  - Sick leave and work.\nFAU - Lund, Eva\nDP  - 2020\nSO  - J Occup Rehabil. 2020;30(1):1-9.\n"
)
BIB = (
    "@article{{{key},\n  title = {{{title}}},\n  author = {{{author}}},\n  year = {{{year}}},\n}}\n"
)
TWO = [
    ("Return to work after sick leave", 2019, ["Berg, Tor"]),
    ("Sick leave and work", 2020, ["Lund, Eva"]),
]


def _markup_title() -> bytes:
    xml = (FIXTURES / "sample.xml").read_text(encoding="utf-8")
    title = "Effect of <i>Lactobacillus</i> on CO<sub>2</sub> and Ca<sup>2+</sup> at work"
    return re.sub(
        r"<ArticleTitle>.*?</ArticleTitle>", f"<ArticleTitle>{title}</ArticleTitle>", xml, count=1
    ).encode()


CASES = {
    "page-breaks.ris": (lambda: RIS.encode(), [], TWO),
    "page-breaks-whole.ris": (lambda: RIS.encode("cp1252"), ["--encoding", "cp1252"], TWO),
    "page-breaks.nbib": (
        lambda: NBIB.encode(),
        [],
        [
            ("Return to work after sick leave.", 2019, ["Berg, Tor"]),
            ("Sick leave and work.", 2020, ["Lund, Eva"]),
        ],
    ),
    "bom-midway.bib": (
        lambda: (
            "\ufeff"
            + BIB.format(key="berg2019", title=TWO[0][0], author="Berg, Tor", year=2019)
            + "\ufeff"
            + BIB.format(key="lund2020", title=TWO[1][0], author="Lund, Eva", year=2020)
        ).encode(),
        [],
        TWO,
    ),
    "sep-line.csv": (
        lambda: (
            b'sep=,\r\nTitle,Authors,Year\r\nReturn to work after sick leave,"Berg, Tor",2019\r\n'
            b'Sick leave and work,"Lund, Eva",2020\r\n'
        ),
        [],
        TWO,
    ),
    "title-space.csv": (
        lambda: (
            b'Title ,Authors,Year\nReturn to work after sick leave,"Berg, Tor",2019\n'
            b'Sick leave and work,"Lund, Eva",2020\n'
        ),
        [],
        TWO,
    ),
    "pmid-on-next-line.nbib": (
        lambda: (
            NBIB.replace("PMID- 31000001\n", "PMID- \n      31000001\n")
            .replace("\x0c", "")
            .encode()
        ),
        [],
        [
            ("Return to work after sick leave.", 2019, ["Berg, Tor"]),
            ("Sick leave and work.", 2020, ["Lund, Eva"]),
        ],
    ),
}


def _imported(tmp_path: Path, capsys, name: str, data: bytes, options: list[str]) -> list[tuple]:
    path = tmp_path / name
    path.write_bytes(data)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    code = main(["import", str(path), "--project", str(project), *options])
    assert code == 0, capsys.readouterr().err
    assert "warning" not in capsys.readouterr().err
    with open_project(project) as p:
        return sorted(
            (r.title, r.year, r.authors, r.pmid) for _, r in record_rows.iter_records(p.db)
        )


@pytest.mark.parametrize("name", CASES)
def test_a_valid_file_of_a_new_kind_is_read_right(tmp_path: Path, capsys, name: str) -> None:
    make, options, expected = CASES[name]
    rows = _imported(tmp_path, capsys, name, make(), options)
    assert [row[:3] for row in rows] == sorted(expected)
    if name.endswith(".nbib"):
        assert [row[3] for row in rows] == ["31000001", "31000002"]


def test_markup_in_a_pubmed_title_is_its_text(tmp_path: Path, capsys) -> None:
    rows = _imported(tmp_path, capsys, "markup.xml", _markup_title(), [])
    assert "Effect of Lactobacillus on CO2 and Ca2+ at work" in [row[0] for row in rows]


# a page break alone on its line (a printer's page that starts with it, or a tool writing one
# between pages): inside an nbib record it was read as the blank line that ends the record,
# and the rest of the record refused as a record with neither title nor identifier; where the
# next record opens on the line below, it still ends the record above
NBIB_LONE = NBIB.replace("FAU - Berg, Tor\n\x0cDP", "FAU - Berg, Tor\n\x0c\nDP").replace(
    "1-9.\n\nPMID- 31000002", "1-9.\n\x0c\x0c\nPMID- 31000002"
)


@pytest.mark.parametrize("options", [[], ["--encoding", "cp1252"]])
def test_a_page_break_alone_on_its_line_inside_an_nbib_record(
    tmp_path: Path, capsys, options: list[str]
) -> None:
    rows = _imported(tmp_path, capsys, "lone.nbib", NBIB_LONE.encode("cp1252"), options)
    assert [row[:3] for row in rows] == [
        ("Return to work after sick leave.", 2019, ["Berg, Tor"]),
        ("Sick leave and work.", 2020, ["Lund, Eva"]),
    ]
    assert [row[3] for row in rows] == ["31000001", "31000002"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("lone.ris", RIS.replace("\x0cPY", "\x0c\r\nPY")),
        (
            "lone.csv",
            'Title,Authors,Year\nReturn to work after sick leave,"Berg, Tor",2019\n'
            '\x0c\nSick leave and work,"Lund, Eva",2020\n',
        ),
        (
            "lone.bib",
            BIB.format(key="berg2019", title=TWO[0][0], author="Berg, Tor", year=2019)
            + "\x0c\n"
            + BIB.format(key="lund2020", title=TWO[1][0], author="Lund, Eva", year=2020),
        ),
    ],
)
def test_a_page_break_alone_on_its_line_elsewhere_is_a_blank_line(
    tmp_path: Path, capsys, name: str, text: str
) -> None:
    """Guards: RIS, CSV and BibTeX read a page break alone on its line as a blank line."""
    assert [row[:3] for row in _imported(tmp_path, capsys, name, text.encode(), [])] == TWO


@pytest.mark.parametrize("options", [[], ["--encoding", "cp1252"]])
def test_a_long_file_whose_text_stops_and_nuls_fill_the_rest_is_named_so(
    tmp_path: Path, capsys, options: list[str]
) -> None:
    """A save or sync that stopped leaves the file's end NUL bytes: named so only when the NULs
    began in the first 8 KB; in a longer file it was 'a NUL byte in the text: damaged or partly
    binary', read whole or streamed."""
    record = "TY  - JOUR\nTI  - Return to work, part {i}\nAU  - Berg, Tor\nPY  - 2019\nER  - \n\n"
    text = "".join(record.format(i=i) for i in range(600))
    stop = text.index("TI  - Return to work, part 400") + 12
    path = tmp_path / "stopped.ris"
    path.write_bytes(text[:stop].encode() + b"\x00" * 70_000)
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project), *options]) == 2
    err = capsys.readouterr().err
    line = text[:stop].count("\n") + 1
    assert f"stopped.ris:{line}: the text stops on line {line} and NUL bytes" in err, err
