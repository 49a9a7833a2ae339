"""A text file that already holds U+FFFD (text lost to a wrong decoding before the file was
saved) is imported as it is, with a warning naming the file and the first line holding it."""

from __future__ import annotations

from pathlib import Path

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
RIS = (
    "TY  - JOUR\nTI  - Return to work after sick leave\nPY  - 2020\nER  - \n\n"
    "TY  - JOUR\nTI  - Arbeidsgivers rolle ved sykefrav\ufffdr\nPY  - 2021\nER  - \n"
)


def test_a_file_holding_the_replacement_character_is_imported_with_a_warning(
    tmp_path: Path, capsys
) -> None:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    export = tmp_path / "export.ris"
    export.write_text(RIS, encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(export), "--project", str(project)]) == 0
    out, err = capsys.readouterr()
    assert "2 records" in out
    assert f"warning: {export}:7: 1 record holds U+FFFD" in err
    assert "(first: record at line 6)" in err
    clean = tmp_path / "clean.ris"  # no warning for a file without it
    clean.write_text(RIS.replace("\ufffd", "ø"), encoding="utf-8")
    assert main(["import", str(clean), "--project", str(project)]) == 0
    assert "U+FFFD" not in capsys.readouterr().err


def test_a_replacement_character_in_the_file_name_only_is_no_lost_text(
    tmp_path: Path, capsys
) -> None:
    """A file named with U+FFFD (a name mangled when a zip was unpacked) but whose text is
    whole: the records keep the name as their origin, and no text of theirs was lost."""
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    export = tmp_path / "sykefrav\ufffdr.ris"
    export.write_text(RIS.replace("\ufffd", "ø"), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(export), "--project", str(project)]) == 0
    out, err = capsys.readouterr()
    assert "2 records" in out
    assert "U+FFFD" not in err
