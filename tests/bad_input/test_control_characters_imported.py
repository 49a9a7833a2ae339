"""Control characters (C0 but tab, line feed and carriage return; DEL) in a record's text, as
a record pasted from Word or a PDF into a reference manager carries them: taken out at import
in every format (formats.control_chars), the import's summary saying how many records held
them. They were stored, and printed as nothing (the screen) or made the report's XML invalid."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
TITLE = "Return to work\x01 with a\x0bcoordinator\x7f"
ABSTRACT = "A coordinator\x02 met the GP.\x0cWorkers returned\x08 sooner."
FILES = {
    "ris": f"TY  - JOUR\nTI  - {TITLE}\nAB  - {ABSTRACT}\nAU  - Smith\x1f, J\nPY  - 2020\nER  - \n",
    "nbib": f"PMID- 1001\nTI  - {TITLE}\nAB  - {ABSTRACT}\nAU  - Smith J\x03\nDP  - 2020\n"
    "SO  - J Occup Rehabil. 2020;1:1-2.\n",
    "bib": f"@article{{smith2020,\n  title = {{{TITLE}}},\n  abstract = {{{ABSTRACT}}},\n"
    "  author = {Smith, J},\n  year = {2020}\n}\n",
    "csv": f'title,abstract,year\n"{TITLE}","{ABSTRACT}",2020\n',
}


@pytest.mark.parametrize("ext", sorted(FILES))
def test_control_characters_are_taken_out_and_counted(ext, tmp_path, capsys) -> None:
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / f"pasted.{ext}"
    path.write_text(FILES[ext], encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 0
    err = capsys.readouterr().err
    assert f"warning: {path}: 1 record held control characters" in err
    line = 2 if ext == "csv" else 1  # where the record starts: a CSV's below its header
    assert "U+0001 ×1" in err and f"first: record at line {line})" in err
    with sqlite3.connect(project / "review.sqlite") as db:
        title, data = db.execute("SELECT title, data FROM records").fetchone()
    fields = json.loads(data)
    assert title == fields["title"] == "Return to work with a coordinator"
    text = " ".join(s["text"] for s in fields["abstract_sections"])
    assert text == "A coordinator met the GP. Workers returned sooner."
    assert all(a.startswith("Smith") and a.isprintable() for a in fields["authors"])


def test_a_file_without_them_says_nothing(tmp_path, capsys) -> None:
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / "plain.ris"
    path.write_text("TY  - JOUR\nTI  - Return to work\tafter leave\nPY  - 2020\nER  - \n")
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 0
    assert "warning" not in capsys.readouterr().err


def _shared_strings(path: Path) -> None:
    """The workbook at ``path`` (openpyxl writes its text inline) rewritten as Excel writes it:
    each text cell an index into xl/sharedStrings.xml."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist()}
    strings: list[str] = []

    def shared(m: re.Match) -> str:
        strings.append(m.group(1))
        return f"<v>{len(strings) - 1}</v>"

    sheet = parts["xl/worksheets/sheet1.xml"].replace('t="inlineStr"', 't="s"')
    parts["xl/worksheets/sheet1.xml"] = re.sub(r"<is><t>(.*?)</t></is>", shared, sheet)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{main}" count="{len(strings)}">{items}</sst>'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>",
        f'<Relationship Id="rIdS" Type="{rel}" Target="sharedStrings.xml"/></Relationships>',
    )
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>'
    )
    with zipfile.ZipFile(path, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared-strings"])
def test_an_excel_workbooks_escaped_control_characters(shared, tmp_path, capsys) -> None:
    """Excel writes a character XML cannot hold as '_xHHHH_' (ECMA-376 ST_Xstring: a Word line
    break pasted into a cell is '_x000B_'), and a '_' that opens such text as '_x005F_'. The
    escape was imported as six characters of the title; it is the character, taken out."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Title", "Abstract", "Year"])
    title = "Return to work_x000B_with a coordinator_x0001_"
    book.active.append([title, "Met the GP._x000C_Kept _x005F_x000B_ as typed.", 2020])
    path = tmp_path / "pasted.xlsx"
    book.save(path)
    if shared:
        _shared_strings(path)
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 0
    err = capsys.readouterr().err
    assert f"warning: {path}: 1 record held control characters" in err
    assert "U+0001 ×1" in err  # U+000B and U+000C: whitespace, which the readers make spaces
    with sqlite3.connect(project / "review.sqlite") as db:
        title, data = db.execute("SELECT title, data FROM records").fetchone()
    assert title == "Return to work with a coordinator"
    text = " ".join(s["text"] for s in json.loads(data)["abstract_sections"])
    assert text == "Met the GP. Kept _x000B_ as typed."


@pytest.mark.parametrize("char", ["\x0b", "&#x0B;"], ids=["raw", "reference"])
def test_an_endnote_xml_export_holding_one_is_refused_with_what_to_do(
    char, tmp_path, capsys
) -> None:
    """XML cannot hold a control character, so an EndNote XML export holding one is no XML
    and nothing is read; it said 'broken XML: PCDATA invalid Char value 11' and to export the
    library again, which writes the same file. Named now, with a way that reads."""
    fixture = REPO / "tests" / "core" / "fixtures" / "endnote_export.xml"
    text = fixture.read_text(encoding="utf-8")
    at = text.index("<title>") + len("<title>")
    path = tmp_path / "library.xml"
    path.write_text(text[:at] + char + text[at:], encoding="utf-8")
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:" in err and "a control character (U+000B)" in err
    assert "'RefMan (RIS) Export'" in err and "Traceback" not in err
