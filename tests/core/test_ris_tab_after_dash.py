"""An RIS tag whose hyphen is followed by a tab, not RIS's space ('TI  -<TAB>value': a file
typed in a spreadsheet or an editor that turns spaces into tabs) is a tag. It was read as a
wrapped line of the field above: the title went into the type line and the record was read
without it, silently. RIS writes 'two letters, two spaces, a hyphen, a space'; a line of two
letters, two spaces and a hyphen starts no sentence, whatever white space follows (Catmandu's
RIS importer splits at '\\s\\s-\\s' likewise)."""

from __future__ import annotations

from pathlib import Path

from bad_input.protocol_helpers import imported_records

from reviewkit import formats
from reviewkit.cli import main

PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "work-health-collaboration.toml"
RIS = (
    "TY  - JOUR\r\nTI  -\tReturn to work after sick leave\r\nAU  - Berg, Tor\r\n"
    "PY  -\t2019\r\nJO  - J Occup Rehabil\r\nER  -\t\r\n"
)


def test_a_tab_after_the_hyphen_is_a_tag(tmp_path: Path) -> None:
    path = tmp_path / "tabbed.ris"
    path.write_text(RIS, encoding="utf-8")
    [record] = formats.read_file(path)
    assert (record.title, record.year, record.authors) == (
        "Return to work after sick leave",
        2019,
        ["Berg, Tor"],
    )


def test_imported_through_the_cli(tmp_path: Path, capsys) -> None:
    path = tmp_path / "tabbed.ris"
    path.write_text(RIS, encoding="utf-8")
    stored = [(r.title, r.year) for r in imported_records(tmp_path, capsys, path)]
    assert stored == [("Return to work after sick leave", 2019)]


# the TY line itself with a tab after its hyphen: the sniff looked for 'TY  - ' alone, so the file
# was no RIS to detect (and a .txt of it was refused), and the joined-file check missed such a
# record appended to another export; one definition of the tag line (text_sniff.ris_tag_line)
# serves the reader, the sniff and the check
TY_TABBED = RIS.replace("TY  - JOUR", "TY  -\tJOUR")


def test_a_tab_after_the_type_hyphen_is_sniffed_as_ris(tmp_path: Path, capsys) -> None:
    path = tmp_path / "tabbed.txt"  # no .ris suffix: the sniff alone says what it is
    path.write_text(TY_TABBED, encoding="utf-8")
    assert formats.detect(path) == "ris"
    stored = [(r.title, r.year) for r in imported_records(tmp_path, capsys, path)]
    assert stored == [("Return to work after sick leave", 2019)]


def test_a_tabbed_ris_record_joined_to_a_medline_file_is_refused(tmp_path: Path, capsys) -> None:
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    medline = "PMID- 31000001\nTI  - Sick leave and return to work.\nDP  - 2019\n\n"
    path = tmp_path / "joined.nbib"
    path.write_text(medline + TY_TABBED, encoding="utf-8")
    assert main(["import", str(path), "--project", str(project)]) != 0
    err = capsys.readouterr().err
    assert "joined.nbib:5: a RIS record starts on this line" in err, err
