"""Zotero's CSV export writes a standalone note, attachment or annotation as a row of its own
(Item Type 'note', 'attachment', 'annotation'): no work to screen. They are left out, as
Zotero's own RIS export leaves them out, and the import says how many and on which lines; a
file of nothing else is refused, saying so."""

from __future__ import annotations

from bad_input.protocol_helpers import import_refused, imported_records

HEADER = '"Key","Item Type","Publication Year","Author","Title","Publication Title","Notes"\n'
WORK = '"W{n}","journalArticle","2019","Berg, Tor","Return to work {n}","J Occup Rehabil",""\n'
NOTE = '"N{n}","note","","","Ask the authors {n}","","<p>Ask the authors {n}</p>"\n'
FILE = '"A{n}","attachment","","","Full Text PDF","",""\n'
MARK = '"H{n}","annotation","","","A highlight {n}","",""\n'


def test_zotero_notes_and_attachments_are_left_out_and_counted(tmp_path, capsys):
    rows = [WORK, NOTE, FILE, WORK, NOTE, MARK]
    path = tmp_path / "zotero.csv"
    path.write_text(HEADER + "".join(r.format(n=n) for n, r in enumerate(rows)), "utf-8")
    records = imported_records(tmp_path, capsys, path)
    assert [(r.title, r.position) for r in records] == [
        ("Return to work 0", 1),
        ("Return to work 3", 2),
    ]
    err = capsys.readouterr().err
    assert f"warning: {path}:3: left out 4 rows" in err
    assert "1 annotation, 1 attachment and 2 notes" in err
    assert "on lines 3, 4, 6 and 7" in err


def test_a_zotero_file_of_notes_only_is_refused_saying_so(tmp_path, capsys):
    path = tmp_path / "notes.csv"
    path.write_text(HEADER + NOTE.format(n=1) + FILE.format(n=2), "utf-8")
    err = import_refused(tmp_path, capsys, path)
    assert "holds only 2 rows, Zotero's 1 attachment and 1 note" in err
    assert "no works to import" in err


def test_a_note_type_in_another_column_is_a_record(tmp_path, capsys):
    """Guard: Scopus' 'Document Type' 'Note' (a journal's short piece) is a work, and so is a
    row named 'Note' in an 'Item Type' column not written by Zotero (its case differs)."""
    path = tmp_path / "scopus.csv"
    path.write_text(
        "Title,Year,DOI,Document Type\nOn sick leave,2019,10.1000/rk.1,Note\n"
        "On return to work,2020,10.1000/rk.2,Article\n",
        "utf-8",
    )
    assert len(imported_records(tmp_path, capsys, path)) == 2
    other = tmp_path / "other"
    other.mkdir()
    path = other / "other.csv"
    path.write_text("Title,Year,Item Type\nOn sick leave,2019,Note\n", "utf-8")
    assert [r.publication_types for r in imported_records(other, capsys, path)] == [["Note"]]
