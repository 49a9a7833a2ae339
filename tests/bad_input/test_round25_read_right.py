"""Round 25 of bad input: files of kinds the corpus had not held that are valid, each read
right through ``reviewkit import`` (the refused ones are corpus cases, README.md's round 25):
line ends of CRLF and CR mixed in one nbib file, a PubMed XML whose DOCTYPE names a remote DTD
that is not NLM's (never fetched: the parser loads no DTD), BibTeX in UTF-16 with its mark,
Excel's 'Unicode Text' (UTF-16, tab-separated) saved with a .csv name, CSV text saved with an
.xlsx name, and RIS with form feeds between records (printed to a file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

REPO = Path(__file__).parent.parent.parent
NBIB = (
    "PMID- 31000001\nOWN - NLM\nSTAT- MEDLINE\nTI  - Return to work after sick leave: a cohort\n"
    "      study of nurses.\nAB  - Background: nurses on sick leave.\nFAU - Berg, Tor\n"
    "AU  - Berg T\nDP  - 2019\nSO  - J Occup Rehabil. 2019;29(1):1-9.\n\nPMID- 31000002\n"
    "OWN - NLM\nTI  - Sick leave and work.\nFAU - Lund, Eva\nAU  - Lund E\nDP  - 2020\n"
    "SO  - J Occup Rehabil. 2020;30(1):1-9.\n"
)
RIS = (
    "TY  - JOUR\r\nTI  - Return to work after sick leave\r\nAU  - Berg, Tor\r\nPY  - 2019\r\n"
    "ER  - \r\n\x0c\r\nTY  - JOUR\r\nTI  - Sick leave and work\r\nAU  - Lund, Eva\r\n"
    "PY  - 2020\r\nER  - \r\n\x0c\r\n"
)
BIB = "@article{berg2019,\n  title = {Return to work after sick leave},\n  year = {2019},\n}\n"


def _mixed_line_ends() -> bytes:
    """NBIB with its lines ended by CR and CRLF in turn (a file edited on two systems)."""
    lines = NBIB.split("\n")
    return "".join(ln + ("\r\n" if i % 2 else "\r") for i, ln in enumerate(lines)).encode()


def _remote_dtd() -> bytes:
    xml = (REPO / "tests" / "core" / "fixtures" / "efetch_book.xml").read_bytes()
    start, end = xml.index(b"<!DOCTYPE"), xml.index(b">", xml.index(b"<!DOCTYPE")) + 1
    dtd = b'<!DOCTYPE PubmedArticleSet SYSTEM "http://192.0.2.1/pubmed/not-nlm.dtd">'
    return xml[:start] + dtd + xml[end:]


CASES = {
    "crlf-and-cr.nbib": (
        _mixed_line_ends,
        [
            ("Return to work after sick leave: a cohort study of nurses.", 2019),
            ("Sick leave and work.", 2020),
        ],
    ),
    "remote-dtd.xml": (
        _remote_dtd,
        [("Effect of Lactobacillus on CO2 and Ca2+ at work.", 2019), ("Some Syndrome", 1993)],
    ),
    "utf16.bib": (
        lambda: ("\ufeff" + BIB).encode("utf-16-le"),
        [("Return to work after sick leave", 2019)],
    ),
    "unicode-text.csv": (
        lambda: "\ufeffTitle\tAuthors\tYear\r\nReturn to work\tBerg T\t2019\r\n".encode(
            "utf-16-le"
        ),
        [("Return to work", 2019)],
    ),
    "csv-text.xlsx": (lambda: b"Title,Year\nReturn to work,2019\n", [("Return to work", 2019)]),
    "form-feeds.ris": (
        lambda: RIS.encode(),
        [("Return to work after sick leave", 2019), ("Sick leave and work", 2020)],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_valid_file_of_a_new_kind_is_read_right(tmp_path: Path, capsys, name: str) -> None:
    make, expected = CASES[name]
    path = tmp_path / name
    path.write_bytes(make())
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(project)]) == 0, capsys.readouterr().err
    assert "warning" not in capsys.readouterr().err
    with open_project(project) as p:
        rows = [(r.title, r.year) for _, r in record_rows.iter_records(p.db)]
    assert sorted(rows) == sorted(expected)


def test_a_folder_copied_from_a_mac_names_its_exports_not_their_appledouble_files(
    tmp_path: Path, capsys
) -> None:
    """A folder of exports copied from a Mac to a USB stick or share holds a '._' AppleDouble
    file beside each export (round 25 names one imported alone). Given the folder, the import
    names the files to import: it named '._export.ris' first and put it in its example
    command, a file that is no export."""
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "export.ris").write_text(RIS, encoding="utf-8")
    apple = (REPO / "tests" / "bad_input" / "cases" / "import" / "._r25_export.ris").read_bytes()
    (folder / "._export.ris").write_bytes(apple)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(folder), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert "it holds export.ris\n" in err and "._export" not in err, err
