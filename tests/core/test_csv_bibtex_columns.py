"""A CSV with BibTeX's field names (CoLRev's, bib-dedupe's): read through the import path as
the benchmark's own loader reads it."""

from __future__ import annotations

from pathlib import Path

from reviewkit import formats

HEADER = '"ID","ENTRYTYPE","journal","title","year","number","author","booktitle"\n'


def _read(tmp_path: Path, rows: str) -> list:
    path = tmp_path / "records.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return list(formats.read_file(path))


def test_booktitle_is_the_venue_of_a_conference_paper(tmp_path: Path) -> None:
    rows = (
        '"a","inproceedings","","Gig work","2020","","Lee, A.","Intl Conf on Information Systems"\n'
        '"b","article","MIS Quarterly","Gig work","2020","2","Lee, A.",""\n'
        '"c","incollection","Annals of X","Platform labour","2019","","Kim, B.","Book of Y"\n'
    )
    records = _read(tmp_path, rows)
    assert [r.journal for r in records] == [
        "Intl Conf on Information Systems",
        "MIS Quarterly",
        "Annals of X",  # a journal given is the venue, not the book's title
    ]
    assert records[1].issue == "2"


def test_booktitle_without_a_journal_column(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text('title,booktitle\n"Gig work","Proc. ICIS 2020"\n', encoding="utf-8")
    assert [r.journal for r in formats.read_file(path)] == ["Proc. ICIS 2020"]


def test_serial_and_before_the_last_author(tmp_path: Path) -> None:
    rows = '"a","article","J","T","2020","","Cui, G.; Lui, H.-K.; and Guo, X.",""\n'
    assert _read(tmp_path, rows)[0].authors == ["Cui, G.", "Lui, H.-K.", "Guo, X."]


def test_surname_with_jr_and_given_name_is_one_author(tmp_path: Path) -> None:
    rows = '"a","article","J","T","2020","","West Jr., Lawrence A.",""\n'
    assert _read(tmp_path, rows)[0].authors == ["West Jr., Lawrence A."]


def test_and_inside_a_semicolon_list_separates_names(tmp_path: Path) -> None:
    rows = (
        '"a","article","J","T","2020","","Garrido, Cynthia; Martinez, Ruben and Strobel, Stefanie",""\n'
        '"b","article","J","T","2020","","Lee, A.; Society for Surgery and Medicine",""\n'
    )
    records = _read(tmp_path, rows)
    assert records[0].authors == ["Garrido, Cynthia", "Martinez, Ruben", "Strobel, Stefanie"]
    assert records[1].authors == ["Lee, A.", "Society for Surgery and Medicine"]
