"""One damage of a MEDLINE/nbib or Web of Science file is named once, as
test_tagged_problems_together asks of each: the lines the reader skips after a problem are the
damaged record's own, and what a cut file lacks is told by one line, not by two."""

from __future__ import annotations

from pathlib import Path

from bad_input.tagged_files import nbib_record, refused_import


def test_a_damaged_nbib_record_with_a_paragraph_break_is_named_once(tmp_path: Path, capsys) -> None:
    """PubMed writes an abstract's paragraph break as a continuation line of spaces only
    (StatPearls books): a damaged record holding one is skipped to its end, not to that line,
    after which its abstract's next line would be named as a second problem."""
    abstract = ["AB  - The first paragraph.", "      ", "      The second paragraph."]
    lines = nbib_record(1) + nbib_record(2, "This line lost its tag", *abstract) + nbib_record(3)
    err, path = refused_import(tmp_path, capsys, lines, "export.nbib")
    lost = lines.index("This line lost its tag") + 1
    assert f"error: {path}:{lost}: expected a 'TAG - value' line" in err, err
    assert "second paragraph" not in err, err
    assert "also " not in err, err


def _wos(n: int) -> list[str]:
    return ["PT J", f"TI A study numbered {n}", "PY 2020", f"UT WOS:00000000000{n}", "ER", ""]


def test_a_web_of_science_file_cut_in_a_record_is_named_once(tmp_path: Path, capsys) -> None:
    """A download cut in its last record: the record's missing ER says so; its missing EF is
    the same cut, not a second problem to fix."""
    lines = ["FN Clarivate Analytics Web of Science", "VR 1.0", *_wos(1), *_wos(2)[:3]]
    err, path = refused_import(tmp_path, capsys, lines, "savedrecs.txt")
    assert f"error: {path}:{len(lines)}: the last record (starting at line 9) has no ER" in err
    assert "no end of file line" not in err, err
    assert "also " not in err, err


def test_text_below_a_web_of_science_end_line_is_named_once(tmp_path: Path, capsys) -> None:
    """Notes typed below the EF line, then a record pasted in: the text after the EF is one
    damage, named at its first line, not again at the record's PT line."""
    lines = ["FN Clarivate Analytics Web of Science", "VR 1.0", *_wos(1), "EF"]
    lines += ["notes typed here", *_wos(2)]
    err, path = refused_import(tmp_path, capsys, lines, "savedrecs.txt")
    notes = lines.index("notes typed here") + 1
    assert f"error: {path}:{notes}: " in err, err
    assert "also " not in err, err


def _ovid_ris(n: int, tag: str = "A1") -> list[str]:
    return [
        f"{n}.",
        "TY  - JOUR",
        f"T1  - A study numbered {n}",
        f"{tag}  - Smith, J",
        "Y1  - 2019//",
        "ER  -",
        f"NL  - J Stud {n}",
        "",
        "Link to the Ovid Full Text or citation: https://ovidsp.ovid.com/",
        "",
    ]


def test_a_damaged_ovid_ris_record_is_named_without_its_trailer(tmp_path: Path, capsys) -> None:
    """Ovid's RIS writes the journal's abbreviation ('NL  - ') after a record's ER: a damaged
    record skipped to its ER leaves its trailer with it, not named as 'field NL outside a
    record'."""
    lines = _ovid_ris(1) + _ovid_ris(2, "a1") + _ovid_ris(3)
    err, path = refused_import(tmp_path, capsys, lines)
    low = lines.index("a1  - Smith, J") + 1
    assert f"error: {path}:{low}: 'a1  - ' is an RIS tag written in lower case" in err, err
    assert "also " not in err, err


def _cochrane(n: int, of: int, ty: str = "TY") -> list[str]:
    return [
        f"Record #{n} of {of}",
        "Provider: John Wiley & Sons, Ltd.",
        "",
        f"{ty}  - JOUR",
        f"TI  - A trial numbered {n}",
        "PY  - 2019",
        "ER  - ",
        "",
    ]


def test_a_cochrane_record_damaged_at_its_ty_line_is_named_once(tmp_path: Path, capsys) -> None:
    """The Cochrane Library's RIS numbers its records ('Record #2 of 3'): a record whose TY
    line is damaged is skipped, and its number is not then told as followed by no record (a
    file cut short), which it is not."""
    lines = _cochrane(1, 3) + _cochrane(2, 3, "ty") + _cochrane(3, 3)
    err, path = refused_import(tmp_path, capsys, lines)
    low = lines.index("ty  - JOUR") + 1
    assert f"error: {path}:{low}: 'ty  - ' is an RIS tag written in lower case" in err, err
    assert "also " not in err, err
    lines = _cochrane(1, 2) + _cochrane(2, 2)
    del lines[lines.index("TY  - JOUR", 4)]  # the last record's TY line lost
    (tmp_path / "lost").mkdir()
    err, path = refused_import(tmp_path / "lost", capsys, lines)
    assert "field TI outside a record" in err, err
    assert "also " not in err, err
