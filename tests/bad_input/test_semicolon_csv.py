"""An extraction CSV edited in a spreadsheet with a Norwegian or German locale comes back
separated by semicolons (with a byte-order mark): it is read as the comma file it was."""

from __future__ import annotations

from pathlib import Path

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
RIS = "TY  - JOUR\nTI  - Return to work with a coordinator\nPY  - 2020\nER  -\n"


def test_extraction_csv_with_semicolons_is_read(tmp_path: Path, capsys) -> None:
    project = tmp_path / "project"
    (tmp_path / "one.ris").write_text(RIS, encoding="utf-8")
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(tmp_path / "one.ris"), "--project", str(project)]) == 0
    edited = tmp_path / "edited.csv"
    edited.write_text("\ufeffrecord_id;country;design\n1;Norge;RCT, two arms\n", encoding="utf-8")
    args = ["--reviewer", "lead", "--project", str(project)]
    assert main(["extract", "import", str(edited), *args]) == 0
    out = tmp_path / "out.csv"
    assert main(["extract", "export", str(out), "--all", "--project", str(project)]) == 0
    capsys.readouterr()
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("1,") and "Norge" in rows[1] and '"RCT, two arms"' in rows[1]


def test_extraction_csv_with_empty_unnamed_columns_is_read(tmp_path: Path, capsys) -> None:
    """Excel keeps a cleared column as a trailing separator with no name in the header: such
    columns are left out while empty (they were 'two columns named ''' or 'unknown field ''')."""
    project = tmp_path / "project"
    (tmp_path / "one.ris").write_text(RIS, encoding="utf-8")
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(tmp_path / "one.ris"), "--project", str(project)]) == 0
    edited = tmp_path / "edited.csv"
    edited.write_bytes(b"\xef\xbb\xbfrecord_id;country;;\r\n1;Norge;;\r\n")
    args = ["--reviewer", "lead", "--project", str(project)]
    assert main(["extract", "import", str(edited), *args]) == 0
    out = tmp_path / "out.csv"
    assert main(["extract", "export", str(out), "--all", "--project", str(project)]) == 0
    capsys.readouterr()
    assert "Norge" in out.read_text(encoding="utf-8").splitlines()[1]
