"""Exports joined into one file ('cat part1.ris part2.ris', the way around a database's
export limit): each part's byte-order mark at a line start is no text, and a CSV's header
row repeated inside the file is refused, not stored as a record."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.errors import FormatError

BOM = b"\xef\xbb\xbf"
PARTS = {
    "joined.ris": (
        b"TY  - JOUR\r\nTI  - Return to work\r\nER  - \r\n\r\n",
        b"TY  - JOUR\r\nTI  - Sick leave\r\nER  - \r\n",
    ),
    "joined.nbib": (
        b"PMID- 1\nTI  - Return to work\nSO  - J. 2020.\n\n",
        b"PMID- 2\nTI  - Sick leave\nSO  - J. 2021.\n",
    ),
    "joined.txt": (
        b"Record #1 of 1\nID: CN-01\nTI: Return to work\nUS: https://x/1\n\n",
        b"Record #1 of 1\nID: CN-02\nTI: Sick leave\nUS: https://x/2\n",
    ),
}


@pytest.mark.parametrize("name", PARTS)
def test_parts_each_with_a_byte_order_mark_read_as_one_file(tmp_path: Path, name: str) -> None:
    """The second part's mark made the reader refuse its first line ('\\ufeffTY  - JOUR')."""
    path = tmp_path / name
    first, second = PARTS[name]
    path.write_bytes(BOM + first + BOM + second)
    assert [r.title for r in formats.read_file(path)] == ["Return to work", "Sick leave"]


@pytest.mark.parametrize(
    "text",
    [
        "Title,Authors,Year\nReturn to work,Smith J,2020\n\ufeffTitle,Authors,Year\nSick leave,Doe A,2021\n",
        "PT\tAU\tTI\tPY\nJ\tSmith, J\tReturn to work\t2020\nPT\tAU\tTI\tPY\nJ\tDoe, A\tSick leave\t2021\n",
    ],
    ids=["csv", "web-of-science-tab"],
)
def test_a_csv_header_row_repeated_inside_the_file_is_refused(tmp_path: Path, text: str) -> None:
    """It was imported as a record titled 'Title' (or 'TI'), which every screener then saw."""
    path = tmp_path / "joined.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        list(formats.read_file(path))
    assert caught.value.where == f"{path}:3"
    assert "repeats the header row" in caught.value.message


@pytest.mark.parametrize("line", ["TY  - JOUR", "PMID- 12345", "FN Clarivate Analytics"])
def test_our_bibtex_export_of_an_abstract_with_a_tagged_line_imports_again(
    tmp_path: Path, line: str
) -> None:
    """A line of a field's value (an abstract quoting a RIS or MEDLINE record) is no record of
    another format: the whole file was scanned, and our own export was refused on re-import."""
    from reviewkit.records import AbstractSection, Record

    record = Record(title="Return to work", authors=["Smith, J"], year=2020)
    record.abstract_sections = [AbstractSection("", f"Tagged records look like:\n{line}\nEnd.")]
    path = tmp_path / "included.bib"
    with path.open("w", encoding="utf-8") as out:
        formats.write([record], "bibtex", out)
    [back] = formats.read_file(path)
    assert line.split()[0] in back.abstract and back.title == "Return to work"


def test_a_ris_export_appended_to_a_bibtex_file_is_still_refused(tmp_path: Path) -> None:
    """Outside the entries (which BibTeX skips) a RIS record is refused by its line."""
    path = tmp_path / "joined.bib"
    path.write_text(
        "@article{a1,\n  title = {Return to work},\n  year = {2020}\n}\n\n"
        "TY  - JOUR\nTI  - Sick leave\nER  - \n",
        encoding="utf-8",
    )
    with pytest.raises(FormatError) as caught:
        list(formats.read_file(path))
    assert caught.value.where == f"{path}:6"
    assert "a RIS record starts" in caught.value.message


@pytest.mark.parametrize("line", ["TY  - JOUR", "@article{smith2020,"])
def test_our_csv_export_of_an_abstract_with_another_formats_line_is_read_as_csv(
    tmp_path: Path, line: str
) -> None:
    """A line inside a quoted cell is no line of the file: the CSV of a record whose abstract
    quotes a RIS record or a BibTeX entry was read as RIS ('expected TY to start a record') or
    as BibTeX (a broken entry), by the line its cell spans."""
    from reviewkit.records import AbstractSection, Record

    record = Record(title="Return to work", authors=["Smith, J"], year=2020)
    record.abstract_sections = [AbstractSection("", f"Exported as:\n{line}\nEnd.")]
    path = tmp_path / "included.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        formats.write([record], "csv", out)
    [back] = formats.read_file(path)
    assert line.split()[0] in back.abstract and back.title == "Return to work"
