"""A line of another format's record (two exports joined) and a MEDLINE file cut short were
each named alone, before any other damage of the file: the joined line stopped the read at
once, the cut was judged before the records were read; a file with both and more damage took
a fix and an import for each. Now they are named with the file's other problems, in one run
(formats.read_problems), and the joined export's own lines are not named again."""

from __future__ import annotations

from pathlib import Path

from bad_input.protocol_helpers import import_refused


def _refused(tmp_path: Path, capsys, lines: list[str], file: str, end: str = "\n") -> str:
    path = tmp_path / file
    path.write_text("\n".join(lines) + end, encoding="utf-8")
    return import_refused(tmp_path, capsys, path).replace(str(path), "FILE")


def _ris(n: int, *extra: str) -> list[str]:
    return ["TY  - JOUR", f"TI  - A study numbered {n}", *extra, "PY  - 2020", "ER  - ", ""]


# a PubMed record pasted between two RIS records: its tags are RIS-shaped ('TI  - '), so its
# lines would be read into the records or named one by one
NBIB = ["PMID- 31234567", "TI  - A pasted PubMed record.", "AU  - Berg T", "SO  - J. 2020.", ""]


def test_a_joined_record_and_a_lower_case_tag_are_both_named(tmp_path: Path, capsys) -> None:
    lines = _ris(1) + _ris(2) + NBIB + _ris(3) + _ris(4, "kw  - sick leave") + _ris(5)
    err = _refused(tmp_path, capsys, lines, "export.ris")
    joined = lines.index(NBIB[0]) + 1
    low = lines.index("kw  - sick leave") + 1
    assert f"error: FILE:{joined}: a MEDLINE/nbib record starts on this line" in err, err
    assert f"also FILE:{low}: 'kw  - ' is an RIS tag written in lower case" in err, err
    assert "fix all 2 problems named" in err, err


def _nbib(n: int, *lines: str) -> list[str]:
    return [
        f"PMID- {n}",
        *lines,
        f"TI  - A study numbered {n}.",
        "DP  - 2020",
        f"SO  - J. {n}.",
        "",
    ]


def test_a_cut_medline_file_with_other_damage_names_both(tmp_path: Path, capsys) -> None:
    lines = _nbib(1) + ["PMID- abc", "TI  - A title.", "SO  - J.", ""] + _nbib(3)
    lines += ["PMID- 4", "TI  - A study cut in the midd"]
    err = _refused(tmp_path, capsys, lines, "export.nbib", end="")
    assert f"error: FILE:{lines.index('PMID- abc') + 1}: PMID 'abc' is not a PMID" in err, err
    assert f"also FILE:{len(lines)}: the file ends in the middle of a record" in err, err
    assert "fix all 2 problems named" in err, err


def test_a_joined_ris_record_in_a_cut_medline_file_names_both(tmp_path: Path, capsys) -> None:
    """The joined record's lines are skipped up to the next PMID line, its blank line kept
    (it ends the record above): no record is read as two, nothing is named twice."""
    ris = _ris(9)
    lines = _nbib(1) + ris + _nbib(2) + ["PMID- 4", "TI  - A study cut in the midd"]
    err = _refused(tmp_path, capsys, lines, "export.nbib", end="")
    assert f"error: FILE:{lines.index(ris[0]) + 1}: a RIS record starts on this line" in err, err
    assert f"also FILE:{len(lines)}: the file ends in the middle of a record" in err, err
    assert "fix all 2 problems named" in err, err
