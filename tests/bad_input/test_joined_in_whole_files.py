"""A second export joined to a file read whole (the Cochrane Library's text, RefWorks' tagged
format, and RIS, MEDLINE/nbib or Web of Science read with --encoding or in UTF-16) stopped the
read at its first line, before the reader looked at the rest: the file's other damage was
learnt an import later. Now the joined line is named with the file's other problems in one
run, as the streamed readers name it (formats.read_problems), the joined export's own lines
neither read into records nor named one by one, every line number kept; and the Cochrane and
RefWorks readers, which stopped at their own first problem, name each of theirs."""

from __future__ import annotations

from pathlib import Path

from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

FIXTURES = Path(__file__).parent.parent / "core" / "fixtures"
BIB = ["@article{berg2020,", "  title = {A pasted BibTeX entry},", "  year = {2020}", "}", ""]


def _refused(
    tmp_path: Path, capsys, lines: list[str], file: str, *options: str, encoding: str = "utf-8"
) -> str:
    path = tmp_path / file
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), *options, "--project", str(project)]) == 2
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0
    return capsys.readouterr().err.replace(str(path), "FILE")


def _cochrane(n: int, of: int, *, link: bool = True) -> list[str]:
    ident = f"CN-0{n:07d}"
    lines = [f"Record #{n} of {of}", f"ID: {ident}", f"TI: A trial numbered {n}", "YR: 2020"]
    url = f"US: https://www.cochranelibrary.com/central/doi/10.1002/central/{ident}/full"
    return [*lines, *([url] if link else []), "", ""]


def test_cochrane_joined_bibtex_and_a_cut_record_both_named(tmp_path: Path, capsys) -> None:
    """The BibTeX entry's lines are skipped up to the next 'Record #' line: they are not read
    into record 1's link, and its '}' and fields are not named one by one."""
    lines = _cochrane(1, 3) + BIB + _cochrane(2, 3) + _cochrane(3, 3, link=False)
    err = _refused(tmp_path, capsys, lines, "central.txt")
    at = lines.index(BIB[0]) + 1
    assert f"error: FILE:{at}: a BibTeX record starts on this line of a Cochrane" in err, err
    assert f"also FILE:{len(lines)}: record 3, the last, ends at its YR field without" in err, err
    assert "fix all 2 problems named" in err, err
    assert err.count("FILE:") == 2, err


def _refworks(n: int, *, title: bool = True) -> list[str]:
    return ["RT Journal Article", *([f"T1 A study numbered {n}"] if title else []), "YR 2020", ""]


def test_refworks_joined_ris_and_an_unfindable_record_both_named(tmp_path: Path, capsys) -> None:
    ris = ["TY  - JOUR", "TI  - A pasted RIS record", "PY  - 2020", "ER  - ", ""]
    lines = _refworks(1) + ris + _refworks(2) + _refworks(3, title=False)
    err = _refused(tmp_path, capsys, lines, "export.txt")
    at = lines.index(ris[0]) + 1
    assert f"error: FILE:{at}: a RIS record starts on this line of a RefWorks file" in err, err
    assert f"also FILE:{len(lines) - 2}: record 3 has neither a title nor" in err, err
    assert "fix all 2 problems named" in err, err


def test_ris_read_whole_names_a_joined_record_with_the_rest(tmp_path: Path, capsys) -> None:
    """--encoding reads the file whole: the joined record was named alone."""
    nbib = ["PMID- 31234567", "TI  - A pasted PubMed record.", "SO  - J. 2020.", ""]
    ris = ["TY  - JOUR", "TI  - A study", "PY  - 2020", "ER  - ", ""]
    lines = ris + nbib + ris + ["TY  - JOUR", "TI  - Another", "kw  - sick leave", "ER  - ", ""]
    err = _refused(tmp_path, capsys, lines, "export.ris", "--encoding", "latin-1")
    assert f"error: FILE:{len(ris) + 1}: a MEDLINE/nbib record starts on this line" in err, err
    low = lines.index("kw  - sick leave") + 1
    assert f"also FILE:{low}: 'kw  - ' is an RIS tag written in lower case" in err, err
    assert "fix all 2 problems named" in err, err


def test_a_joined_export_alone_is_named_alone(tmp_path: Path, capsys) -> None:
    lines = _cochrane(1, 2) + _cochrane(2, 2) + BIB
    err = _refused(tmp_path, capsys, lines, "central.txt")
    assert f"error: FILE:{len(lines) - len(BIB) + 1}: a BibTeX record starts" in err, err
    assert "also" not in err and "fix all" not in err, err


# BibTeX's reader names a joined export with the file's other damage (formats.bibtex_split);
# a file whose first entry is short was sniffed as MEDLINE or RIS by a record within the
# sniff's first lines, and read so: its entries were named as the joined lines
SHORT = ["@article{a2020, title = {A first entry}, year = {2020}}", ""]
BROKEN = ["@article{c2020,", "  title = {A broken entry", "  year = {2021}", "}", ""]


def test_bibtex_joined_medline_below_a_short_entry_and_a_broken_one(tmp_path: Path, capsys) -> None:
    nbib = ["PMID- 31234567", "TI  - A pasted PubMed record.", "SO  - J. 2020.", ""]
    lines = SHORT + nbib + BROKEN
    err = _refused(tmp_path, capsys, lines, "library.bib")
    at = lines.index(nbib[0]) + 1
    assert f"error: FILE:{at}: a MEDLINE/nbib record starts on this line of a BibTeX" in err, err
    assert f"also FILE:{lines.index(BROKEN[0]) + 1}: broken BibTeX entry" in err, err
    assert "fix all 2 problems named" in err, err


def test_bibtex_joined_ris_below_a_short_entry_and_a_broken_one(tmp_path: Path, capsys) -> None:
    ris = ["TY  - JOUR", "TI  - A pasted RIS record", "PY  - 2020", "ER  - ", ""]
    lines = SHORT[:1] + ris + BROKEN
    err = _refused(tmp_path, capsys, lines, "library.bib")
    assert "error: FILE:2: a RIS record starts on this line of a BibTeX" in err, err
    assert f"also FILE:{lines.index(BROKEN[0]) + 1}: broken BibTeX entry" in err, err


def test_bibtex_joined_ris_between_entries_and_a_broken_one(tmp_path: Path, capsys) -> None:
    """Named together before this round too (a guard): the joined record below whole entries."""
    entry = ["@article{b2020,", "  title = {A second entry},", "  year = {2020}", "}", ""]
    ris = ["TY  - JOUR", "TI  - A pasted RIS record", "PY  - 2020", "ER  - ", ""]
    lines = entry + ris + BROKEN
    err = _refused(tmp_path, capsys, lines, "library.bib")
    at = lines.index(ris[0]) + 1
    assert f"error: FILE:{at}: a RIS record starts on this line of a BibTeX" in err, err
    assert f"also FILE:{lines.index(BROKEN[0]) + 1}: broken BibTeX entry" in err, err


def test_utf16_web_of_science_names_a_joined_record_with_the_rest(tmp_path: Path, capsys) -> None:
    """A file in UTF-16 is read whole, as --encoding reads it."""
    head = ["FN Clarivate Analytics Web of Science", "VR 1.0"]
    ris = ["TY  - JOUR", "TI  - A pasted RIS record", "ER  - ", ""]
    lines = [*head, "PT J", "TI A study", "PY 2020", "UT WOS:000000000000001", "ER", "", *ris]
    lines += ["PT J", "TI Another study", "PY 2020", "UT WOS:000000000000002", "ER", "", "EF"]
    lines[lines.index("TI Another study")] = "ti Another study"
    err = _refused(tmp_path, capsys, lines, "savedrecs.txt", encoding="utf-16")
    assert f"error: FILE:{lines.index(ris[0]) + 1}: a RIS record starts on this line" in err, err
    assert f"also FILE:{lines.index('ti Another study') + 1}:" in err, err
    assert "fix all 2 problems named" in err, err


def test_ovid_names_each_joined_export_and_reads_on_at_its_next_record(
    tmp_path: Path, capsys
) -> None:
    """Ovid's text is read whole, its records opened by '<2. >' (no PMID line): the reading
    goes on there after a joined export, so a second one further down is named too."""
    ovid = (FIXTURES / "ovid_medline.txt").read_text(encoding="utf-8").splitlines()
    second = ovid.index("<2. >")
    ris = ["TY  - JOUR", "TI  - A pasted RIS record", "ER  - ", ""]
    lines = ovid[:second] + BIB + ovid[second:] + ["", *ris]
    err = _refused(tmp_path, capsys, lines, "ovid.txt")
    assert f"error: FILE:{second + 1}: a BibTeX record starts on this line" in err, err
    assert f"also FILE:{lines.index(ris[0]) + 1}: a RIS record starts on this line" in err, err
    assert "fix all 2 problems named" in err, err


# The Cochrane and RefWorks readers stopped at their own first problem too: each is named now,
# the reader going on at the next record


def test_cochrane_names_every_problem_of_its_own_with_a_joined_export(
    tmp_path: Path, capsys
) -> None:
    ris = ["TY  - JOUR", "TI  - A pasted RIS record", "ER  - ", ""]
    untagged = ["Record #2 of 4", "A line with no tag", "ID: CN-00000002", "TI: Lost", ""]
    lines = _cochrane(1, 4) + untagged + ris + _cochrane(3, 4) + _cochrane(9, 4)
    err = _refused(tmp_path, capsys, lines, "central.txt")
    assert f"error: FILE:{lines.index(untagged[1]) + 1}: expected a 'TAG: value' line" in err, err
    assert f"also FILE:{lines.index(ris[0]) + 1}: a RIS record starts on this line" in err, err
    at = lines.index("Record #9 of 4") + 1
    assert f"also FILE:{at}: 'Record #9 of 4': the numbering runs from 1" in err, err
    assert "fix all 3 problems named" in err, err


def test_refworks_names_every_record_it_cannot_keep_with_a_joined_export(
    tmp_path: Path, capsys
) -> None:
    lines = _refworks(1, title=False) + _refworks(2) + BIB + _refworks(3, title=False)
    err = _refused(tmp_path, capsys, lines, "export.txt")
    assert "error: FILE:1: record 1 has neither a title nor" in err, err
    assert f"also FILE:{lines.index(BIB[0]) + 1}: a BibTeX record starts on this line" in err, err
    assert f"also FILE:{len(lines) - 2}: record 3 has neither a title nor" in err, err
    assert "fix all 3 problems named" in err, err


def test_refworks_cut_in_a_tag_is_named_once_with_the_rest(tmp_path: Path, capsys) -> None:
    """The record cut is not named again for its missing title: one damage, one problem."""
    lines = _refworks(1, title=False) + ["RT Journal Article", "J"]
    path = tmp_path / "export.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err.replace(str(path), "FILE")
    assert "error: FILE:1: record 1 has neither a title nor" in err, err
    assert f"also FILE:{len(lines)}: the file ends in the middle of a field tag" in err, err
    assert "fix all 2 problems named" in err, err


def test_a_cochrane_export_cut_in_its_last_record_is_named_once(tmp_path: Path, capsys) -> None:
    """A guard: the numbering stopping before its count and the last record's missing link
    are one cut, named once, with a joined export's line."""
    lines = _cochrane(1, 5) + BIB + _cochrane(2, 5) + _cochrane(3, 5, link=False)
    err = _refused(tmp_path, capsys, lines, "central.txt")
    assert f"error: FILE:{lines.index(BIB[0]) + 1}: a BibTeX record starts" in err, err
    assert f"also FILE:{len(lines)}: the export ends after record #3 of its 5" in err, err
    assert "fix all 2 problems named" in err, err
