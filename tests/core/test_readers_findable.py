"""One rule for every reader (formats.findable): a record with neither a title nor an
identifier is refused, naming the file and the record's line. In each file below the record
before the refused one has an identifier and no title, and is read (the error names the
later line); wholly blank CSV rows (a spreadsheet's empty rows) are skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.errors import FormatError

WOS_HEAD = "FN Clarivate Analytics Web of Science\nVR 1.0\n"
# (file name, text, the line of the record that has neither title nor identifier)
NOTHING_TO_FIND: list[tuple[str, str, int]] = [
    (
        "doi.csv",
        "Title,Authors,Year,DOI\n,Smith J,2020,10.1000/1\n,,,\n\n , , ,\n,Doe A,2021,\n",
        6,
    ),
    ("an.tsv", "Title\tAccession Number\tDatabase\n\t123456789\tCINAHL\n\t\tCINAHL\n", 3),
    ("eid.csv", "Title,EID,Year\n,2-s2.0-85000000000,2020\n,,2021\n", 3),
    (
        "an.ris",
        "TY  - JOUR\nAN  - 123456789\nDB  - a9h\nER  - \n\nTY  - JOUR\nAU  - Doe, A\nPY  - 2021\n"
        "ER  - \n",
        6,
    ),
    (
        "eprint.bib",
        "@article{a, eprint = {2101.00001}, eprinttype = {arxiv}}\n\n"
        "@article{b,\n  author = {Doe, A},\n  year = 2021\n}\n",
        3,
    ),
    (
        "pmid.nbib",
        "PMID- 1\nDP  - 2020\nSO  - J. 2020.\n\nAU  - Doe A\nDP  - 2021\nSO  - J. 2021.\n",
        5,
    ),
    ("ut.txt", f"{WOS_HEAD}PT J\nUT WOS:1\nER\n\nPT J\nAU Doe, A\nPY 2021\nER\n\nEF\n", 7),
    (
        "cochrane.txt",
        "Record #1 of 2\nID: CN-01\nUS: https://x/1\n\nRecord #2 of 2\nAU: Doe A\nYR: 2021\n"
        "US: https://x/2\n",
        5,
    ),
    (
        "refworks.txt",
        "RT Journal Article\nDO 10.1000/1\n\nRT Journal Article\nA1 Doe, A\nYR 2021\n",
        4,
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "line"), NOTHING_TO_FIND, ids=[n for n, _, _ in NOTHING_TO_FIND]
)
def test_a_record_without_title_or_identifier_is_refused_by_every_reader(
    tmp_path: Path, name: str, text: str, line: int
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        list(formats.read_file(path))
    assert caught.value.where == f"{path}:{line}"
    assert "neither a title nor an identifier" in caught.value.message
    assert "nothing was imported" in caught.value.hint


def test_a_medline_record_with_only_its_vernacular_title_is_read(tmp_path: Path) -> None:
    """TT is the record's title when it has no TI (the MEDLINE reader looked for the tags TI,
    BTI and PMID and refused such a record, whatever title the record would have had)."""
    path = tmp_path / "tt.nbib"
    path.write_text("TT  - Retour au travail.\nDP  - 2021\nSO  - J. 2021.\n", encoding="utf-8")
    (record,) = formats.read_file(path, fmt="medline")
    assert record.title == "Retour au travail."


def test_a_citation_without_a_title_is_read_and_named_as_untitled(
    tmp_path: Path, cli_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reference list's or an EndNote library's record may hold a citation and no title
    (bib-dedupe's haematology EndNote export: authors, journal, volume, pages): the article can
    be found by it, in a library and by dedup's place rules. One such record refused the whole
    file of 1,415; now it is imported, with the untitled warning. A journal and a year without
    pages is no citation, and is still refused."""
    from reviewkit.cli import main

    path = tmp_path / "cited.ris"
    path.write_text(
        "TY  - JOUR\nTI  - Return to work after sick leave\nER  - \n\n"
        "TY  - JOUR\nAU  - Doe, A\nJO  - Br J Haematol\nVL  - 12\nSP  - 34\nEP  - 40\n"
        "PY  - 2001\nER  - \n",
        encoding="utf-8",
    )
    titled, cited = formats.read_file(path)
    assert (cited.title, cited.journal, cited.pages) == ("", "Br J Haematol", "34-40")
    assert main(["import", "--project", str(cli_project), str(path)]) == 0
    err = capsys.readouterr().err
    assert "record at line 5 has no title" in err  # where it starts in the file
    path.write_text("TY  - JOUR\nAU  - Doe, A\nJO  - Br J Haematol\nPY  - 2001\nER  - \n", "utf-8")
    with pytest.raises(FormatError) as caught:
        list(formats.read_file(path))
    assert caught.value.where == f"{path}:1" and "nor a citation" in caught.value.message


def test_an_abstract_without_a_title_is_read_and_named_as_untitled(
    tmp_path: Path, cli_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A proceedings volume exported as 'Anonymous' (bib-dedupe's srsr set: journal, volume and
    abstract, no title, no pages) can be screened on its abstract. Six such rows refused the
    whole file of 53,001; now each is imported with the untitled warning."""
    from reviewkit.cli import main

    path = tmp_path / "anonymous.csv"
    path.write_text(
        "title,author,journal,volume,year,abstract\n"
        "Return to work after sick leave,Doe A,J Occup Rehabil,30,2020,\n"
        ",Anonymous,J Periodontol,87,2016,Proceedings of a workshop on periodontal care.\n",
        encoding="utf-8",
    )
    titled, anonymous = formats.read_file(path)
    assert (anonymous.title, anonymous.journal, anonymous.pages) == ("", "J Periodontol", "")
    assert "workshop" in anonymous.abstract
    assert main(["import", "--project", str(cli_project), str(path)]) == 0
    err = capsys.readouterr().err
    assert "record at line 3 has no title" in err
