"""The RIS, MEDLINE, Web of Science, Cochrane Library and RefWorks readers name up to 20
problems and then say whether the file holds more: 'and more' when it does, nothing when the
20 are its every one. They read on past the 20th to a 21st (a line costs little), so they never
leave the user guessing with 'maybe more' as BibTeX must when it stops before chunks it never
parsed; there they stop, and say the file was not read further. The Cochrane and RefWorks
readers read to the file's end whatever they had found before round 25."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.tagged_files import nbib_record, refused_import, ris_record

Damaged = int | tuple[int, ...]  # the first n records, or these records


def _bad(n: int, damaged: Damaged) -> bool:
    """Whether record ``n`` of a file is damaged."""
    return n in damaged if isinstance(damaged, tuple) else n <= damaged


def _ris(damaged: Damaged, records: int) -> list[str]:
    lines: list[str] = []
    for n in range(1, records + 1):
        lines += ris_record(n, "kw  - sick leave") if _bad(n, damaged) else ris_record(n)
    return lines


def _medline(damaged: Damaged, records: int) -> list[str]:
    lines: list[str] = []
    for n in range(1, records + 1):
        lines += nbib_record(n, "This line lost its tag") if _bad(n, damaged) else nbib_record(n)
    return lines


def _wos(damaged: Damaged, records: int) -> list[str]:
    lines = ["FN Clarivate Analytics Web of Science", "VR 1.0"]
    for n in range(1, records + 1):
        lost = ["lost its tag"] if _bad(n, damaged) else []
        lines += ["PT J", f"TI A study numbered {n}", *lost, f"UT WOS:{n:015d}", "ER", ""]
    return [*lines, "EF"]


def _cochrane(damaged: Damaged, records: int) -> list[str]:
    lines: list[str] = []
    for n in range(1, records + 1):  # a record without a title or an ID: a problem
        own = [] if _bad(n, damaged) else [f"ID: CN-{n:08d}", f"TI: A study numbered {n}"]
        lines += [f"Record #{n} of {records}", *own, "AU: Berg T", "YR: 2020"]
        lines += [f"US: https://example.org/{n}", ""]
    return lines


def _refworks(damaged: Damaged, records: int) -> list[str]:
    lines: list[str] = []
    for n in range(1, records + 1):
        title = [] if _bad(n, damaged) else [f"T1 A study numbered {n}"]  # untitled: a problem
        lines += ["RT Journal Article", *title, "A1 Berg, Tor", "YR 2020", ""]
    return lines


READERS = [
    (_ris, "export.ris"),
    (_medline, "export.nbib"),
    (_wos, "savedrecs.txt"),
    (_cochrane, "cochrane.txt"),
    (_refworks, "refworks.txt"),
]


@pytest.mark.parametrize(("make", "file"), READERS)
@pytest.mark.parametrize(
    ("damaged", "records", "said"),
    [(20, 20, ""), (20, 22, ""), (21, 22, "and more"), ((*range(1, 20), 40), 40, "")],
    ids=["20-of-20", "20-of-22", "21-of-22", "19-and-the-last"],
)
def test_the_limit_says_more_only_when_there_is_more(
    tmp_path: Path, capsys, make, file: str, damaged: Damaged, records: int, said: str
) -> None:
    """20 problems are named whole, the 20th in the file's last record too (the file is read
    to its end below the limit: 20 named is all 19 at the start and the last); 'and more' only
    for a 21st."""
    err, _path = refused_import(tmp_path, capsys, make(damaged, records), file)
    assert "fix all 20 problems named" in err, err
    assert "maybe more" not in err, err
    assert ("and more: only the first 20 problems are named" in err) == bool(said), err


@pytest.mark.parametrize(("make", "file"), READERS)
def test_past_the_limit_the_reading_stops_and_says_so(
    tmp_path: Path, capsys, make, file: str
) -> None:
    """A file damaged throughout (a wrong format, an export cut many times) is read to its 21st
    problem, not to its end: the message says the file was not read further."""
    err, _path = refused_import(tmp_path, capsys, make(300, 300), file)
    assert "fix all 20 problems named" in err, err
    assert err.count("\n  also ") == 19, err
    said = "and more: only the first 20 problems are named; the file was not read further"
    assert said in err, err
