"""Valid exports as the vendors write them are read, not refused (hand-made from their docs).

Each shape here was once refused or misread by a check meant for damaged files; every test
imports through the CLI into a fresh project (exit 0) and checks the fields read.
"""

from __future__ import annotations

from pathlib import Path

from reviewkit import formats
from reviewkit.cli import main
from reviewkit.records import Record

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
PROTOCOL = ROOT / "protocols" / "rtw-systematic-reviews.toml"


def imported(tmp_path: Path, path: Path, *args: str) -> list[Record]:
    """Import ``path`` into a fresh project through the CLI (must exit 0); its records."""
    folder = tmp_path / "review"
    if not folder.exists():
        assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(folder), *args]) == 0
    return list(formats.read_file(path))


def test_pubmed_nbib_ending_with_a_book_record(tmp_path: Path) -> None:
    # NCBI Bookshelf records (PT Book) have no SO line: they close with the bookaccession AID
    journal, ahead_of_print, book = imported(tmp_path, FIXTURES / "pubmed_book_last.nbib")
    assert journal.title.endswith("wraps onto a second line.")
    assert journal.authors == ["Smith, John A", "Doe, Jane"]
    assert (journal.year, journal.doi) == (2019, "10.1000/rtw.2019.1")
    assert journal.section("RESULTS") == "Return to work was faster."
    assert (ahead_of_print.doi, ahead_of_print.year, ahead_of_print.abstract) == (
        "10.1000/aop.2",
        2024,
        "",
    )
    assert book.title == "A Handbook of Work Disability"
    assert (book.authors, book.year, book.pmid) == (["Author, Bob"], 2010, "20000003")
    assert "Book" in book.publication_types
