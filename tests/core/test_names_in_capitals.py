"""Author lists written in capitals: 'SMITH, MAHA' is four initials in a list that writes
initials (old Web of Science: 'JONES, JM') and a given name in one that writes given names
('JONES, PETER'); every importer gives the list alike and every reader of names agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.dedup.names import first_person_key
from reviewkit.name_forms import bibtex_name_parts
from reviewkit.records import Record
from reviewkit.reports.tables import reference


def _readings(authors: list[str]) -> tuple[str, str, tuple[str, str, str] | None]:
    """The first author as dedup keys it, as a reference cites it, as BibTeX writes it."""
    ref = reference(Record(title="x", authors=authors, year=1998)).split(".")[0].split(",")[0]
    return first_person_key(authors), ref, bibtex_name_parts(authors[0], authors)


@pytest.mark.parametrize(
    ("authors", "initials"),
    [
        (["SMITH, MAHA", "LEE, JM", "KIM, J"], True),  # the list writes initials
        # one co-author's initials against the name's own word: a list of given names that
        # lacks one author's names as likely as four initials that read as a word
        (["SMITH, MAHA", "JONES, J"], False),
        (["SMITH, MAHA", "JONES, PETER"], False),  # the list writes given names
        # a list of given names writes initials where it lacks an author's names
        (["SMITH, MAHA", "JONES, PETER", "LEE, JM"], False),
        (["SMITH, MAHA"], False),  # nothing else to read: the letters alone, a given name
    ],
)
def test_the_rest_of_the_list_tells_initials_from_a_given_name(
    authors: list[str], initials: bool
) -> None:
    key, ref, bib = _readings(authors)
    if initials:
        assert (key, ref) == ("m a h a smith", "SMITH MAHA")
        assert bib == ("SMITH", "", "M. A. H. A.")
    else:
        assert (key, ref) == ("m smith", "SMITH M")
        assert bib == ("SMITH", "", "MAHA")


def test_a_given_name_beside_one_author_with_initials_only_stays_a_given_name() -> None:
    """'SMITH, JOHN; JONES, J': an export in capitals that lacks the second author's names is
    the same person as 'Smith, John' elsewhere, not J. O. H. N. Smith."""
    assert first_person_key(["SMITH, JOHN", "JONES, J"]) == first_person_key(["Smith, John"])
    assert _readings(["SMITH, JOHN", "JONES, J"])[1:] == ("SMITH J", ("SMITH", "", "JOHN"))


def test_capitals_after_a_surname_in_mixed_case_are_initials_up_to_six() -> None:
    """Web of Science's AU field writes a surname and up to five initials ('van Lier, ALHMW'):
    the same person as MEDLINE's 'van Lier ALHMW', five initials, not a given name."""
    assert first_person_key(["van Lier, ALHMW"]) == first_person_key(["van Lier ALHMW"])
    assert first_person_key(["van Lier, ALHMW"]) == "a l h m w lier"
    assert _readings(["van Lier, ALHMW", "de Groot, LCPGM"])[1] == "van Lier ALHMW"


FILES = {
    "ris": "TY  - JOUR\n{}TI  - Return to work\nPY  - 1998\nER  - \n",
    "bib": "@article{{a,\n  author = {{{}}},\n  title = {{Return to work}},\n  year = {{1998}}\n}}\n",
    "nbib": "PMID- 1\nTI  - Return to work\n{}DP  - 1998\n\n",
    "csv": 'Title,Authors,Year\nReturn to work,"{}",1998\n',
    "txt": "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n{}TI Return to work\nPY 1998\nER\n\nEF\n",
}


def _file(suffix: str, names: list[str]) -> str:
    lists = {
        "ris": "".join(f"AU  - {n}\n" for n in names),
        "bib": " and ".join(names),
        "nbib": "".join(f"FAU - {n}\n" for n in names),
        "csv": "; ".join(names),
        "txt": "AU " + "\n   ".join(names) + "\n",
    }
    return FILES[suffix].format(lists[suffix])


@pytest.mark.parametrize("suffix", sorted(FILES))
@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["SMITH, MAHA", "JONES, JM", "LEE, PK"], "m a h a smith"),
        (["SMITH, MAHA", "JONES, PETER"], "m smith"),
    ],
)
def test_every_importer_gives_a_list_in_capitals_one_reading(
    suffix: str, names: list[str], key: str, tmp_path: Path
) -> None:
    """RIS, BibTeX, MEDLINE, CSV and Web of Science give the list as written, and it is read
    as the list writes its names; exported to BibTeX and read again it is the same person."""
    path = tmp_path / f"names.{suffix}"
    path.write_text(_file(suffix, names), encoding="utf-8")
    (rec,) = formats.read_file(path)
    assert rec.authors == names
    assert first_person_key(rec.authors) == key
    out = tmp_path / "back.bib"
    with out.open("w", encoding="utf-8") as fh:
        formats.write([rec], "bibtex", fh)
    (back,) = formats.read_file(out)
    assert first_person_key(back.authors) == key
    assert reference(back).split(".")[0] == reference(rec).split(".")[0]


def test_a_long_list_in_capitals_is_read_once_not_once_a_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """BibTeX and a reference ask for every name of a list how the list writes its names: a
    consortium's names in capitals are split a few times each, not once per name per name
    (3,000 names took minutes)."""
    import reviewkit.author_names as author_names
    import reviewkit.names_in_capitals as names_in_capitals

    names = [f"SMITH{n}, JOHN" for n in range(150)]
    names += ["LEE, JM", "KIM, JH"]
    calls = 0
    split = author_names.split_name

    def counted(name: str) -> author_names.NameParts:
        nonlocal calls
        calls += 1
        return split(name)

    monkeypatch.setattr(names_in_capitals, "split_name", counted)
    rec = Record(title="x", authors=names, year=2000)
    with (tmp_path / "out.bib").open("w", encoding="utf-8") as fh:
        formats.write([rec], "bibtex", fh)
    assert reference(rec).startswith("SMITH0 J, SMITH1 J")
    assert calls < 10 * len(names)
