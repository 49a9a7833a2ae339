"""Every problem of a RIS, MEDLINE/nbib or Web of Science file named in one run (up to the
limit), each by its line, as BibTeX's are: the streamed readers stopped at their first, so a
RIS file with a tag in lower case at line 3 and another at line 39 took two fixes and three
imports. After a damaged record the reader skips to the next one (RIS: its ER or the next TY
line; MEDLINE: the blank line ending it; Web of Science: its ER or the next PT); nothing of
the file is stored."""

from __future__ import annotations

from pathlib import Path

from bad_input.tagged_files import nbib_record, refused_import, ris_record


def test_two_tags_in_lower_case_are_both_named(tmp_path: Path, capsys) -> None:
    lines = []
    for n in range(1, 10):
        lines += ris_record(n, "kw  - sick leave") if n in (1, 8) else ris_record(n)
    low = [i for i, ln in enumerate(lines, 1) if ln.startswith("kw")]
    err, path = refused_import(tmp_path, capsys, lines)
    assert f"error: {path}:{low[0]}: 'kw  - ' is an RIS tag written in lower case" in err, err
    assert f"also {path}:{low[1]}: 'kw  - ' is an RIS tag written in lower case" in err, err
    assert "fix all 2 problems named" in err, err


def test_each_kind_of_damage_is_named_once_by_its_line(tmp_path: Path, capsys) -> None:
    """A record with no ER (the next TY opens a record: it is read), text outside the records
    (the lines up to the next TY skipped, named once), a record with no title nor identifier,
    an empty record: four problems, each named once."""
    lines = [*ris_record(1)[:-2], ""]  # no ER: line 1's record runs into the next TY
    lines += ris_record(2)
    lines += ["Some notes typed here", "and a second line of them", ""]
    lines += ["TY  - JOUR", "PY  - 2020", "ER  - ", ""]  # nothing to find it by
    lines += ris_record(4)
    lines += ["TY  - JOUR", "ER  - ", ""]  # empty
    lines += ris_record(6)
    err, path = refused_import(tmp_path, capsys, lines)
    notes = lines.index("Some notes typed here") + 1
    untitled = notes + 3
    empty = len(lines) - len(ris_record(6)) - 2
    assert f"error: {path}:5: record 1 starting at line 1 has no ER line" in err, err
    assert f"also {path}:{notes}: expected 'TY  - ' to start a record" in err, err
    assert "second line of them" not in err, err
    assert f"also {path}:{untitled}: " in err, err
    assert f"also {path}:{empty}: record " in err and "is empty" in err, err
    assert "fix all 4 problems named" in err, err


def test_every_problem_of_a_medline_file_is_named(tmp_path: Path, capsys) -> None:
    """MEDLINE/nbib, streamed: a PMID that is no number, a line that is no 'TAG - value' line
    (its record skipped to the blank line ending it) and another bad PMID, all named."""
    lines = nbib_record(1) + nbib_record(2) + ["PMID- abc", "TI  - A title.", "SO  - J.", ""]
    lines += nbib_record(4, "This line lost its tag", "and this one too") + nbib_record(5)
    lines += ["PMID- 12x", "TI  - Another.", "SO  - J.", ""] + nbib_record(7)
    err, path = refused_import(tmp_path, capsys, lines, "export.nbib")
    abc, lost, x12 = (
        lines.index(ln) + 1 for ln in ("PMID- abc", "This line lost its tag", "PMID- 12x")
    )
    assert f"error: {path}:{abc}: PMID 'abc' is not a PMID" in err, err
    assert f"also {path}:{lost}: expected a 'TAG - value' line" in err, err
    assert "and this one too" not in err, err
    assert f"also {path}:{x12}: PMID '12x' is not a PMID" in err, err
    assert "fix all 3 problems named" in err, err


def test_every_problem_of_a_web_of_science_file_is_named(tmp_path: Path, capsys) -> None:
    """Web of Science plain text, streamed: a line without its tag in the first record and in
    the third (each record skipped to its ER, its other untagged line not named), a record
    with no ER line: three problems."""

    def record(n: int, *extra: str) -> list[str]:
        return ["PT J", f"TI A study numbered {n}", *extra, "PY 2020", f"UT WOS:00000000000{n}"]

    lines = ["FN Clarivate Analytics Web of Science", "VR 1.0"]
    lines += [*record(1, "lost its tag", "lost too"), "ER", ""]
    lines += [*record(2), "ER", ""]
    lines += [*record(3, "no tag here"), "ER", ""]
    lines += [*record(4), ""]  # no ER
    lines += [*record(5), "ER", "", "EF"]
    err, path = refused_import(tmp_path, capsys, lines, "savedrecs.txt")
    lost, here = lines.index("lost its tag") + 1, lines.index("no tag here") + 1
    no_er = lines.index("TI A study numbered 5")  # record 5's PT line: record 4 found open
    assert f"error: {path}:{lost}: expected a two-character field tag" in err, err
    assert "lost too" not in err, err
    assert f"also {path}:{here}: expected a two-character field tag" in err, err
    assert f"also {path}:{no_er}: the record starting at line" in err, err
    assert "fix all 3 problems named" in err, err
