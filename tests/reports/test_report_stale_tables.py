"""A report removes the table files the last report wrote in tables/ and this one does not (a
table per label of another scheme, after report.scheme changed), never a file of the user's."""

from __future__ import annotations

from pathlib import Path

from reviewkit.cli import main

PROTOCOL = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"


def test_tables_of_the_last_reports_scheme_are_removed_a_users_file_is_kept(
    tmp_path: Path, capsys
) -> None:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    out = tmp_path / "out"
    report = ["report", "--project", str(project), "--out", str(out)]
    assert main(report) == 0
    before = {p.name for p in (out / "tables").glob("*.csv")}
    assert "multidisciplinary-team.csv" in before  # a model-type label's table
    mine = out / "tables" / "my-own.csv"
    mine.write_text("kept\n", encoding="utf-8")
    toml = project / "protocol.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('scheme = "model-type"', 'scheme = "diagnosis"'), "utf-8")
    assert main(report) == 0, capsys.readouterr()
    after = {p.name for p in (out / "tables").iterdir()}
    assert "musculoskeletal.csv" in after and "musculoskeletal.notes.txt" in after
    assert not {"multidisciplinary-team.csv", "multidisciplinary-team.notes.txt"} & after
    assert mine.read_text(encoding="utf-8") == "kept\n"
