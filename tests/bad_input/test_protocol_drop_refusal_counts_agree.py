"""The refusal of a protocol that dropped something the logs use agrees in number with its
count: '1 decision … gives it', '1 study … would leave it out'."""

from __future__ import annotations

from pathlib import Path

from bad_input.protocol_helpers import edit, imported_project

from reviewkit.cli import main

REASON_LINE = '  { code = "health-only", label = "Work focus inside health care only" },\n'


def _project(tmp_path: Path) -> Path:
    """One exclusion for 'health-only' (one reviewer's), and one study confirmed 'workplace'."""
    from reviewkit import screening
    from reviewkit.project import open_project
    from reviewkit.reports.studies import all_reports

    folder = imported_project(tmp_path / "project")
    with open_project(folder) as p:
        first, second = sorted(all_reports(p))
        screening.decide(
            p.db, first, "title-abstract", "reviewer1", "exclude", reason="health-only",
            protocol=p.protocol,
        )  # fmt: skip
        for reviewer in ("reviewer1", "reviewer2"):
            for stage in ("title-abstract", "full-text"):
                screening.decide(p.db, second, stage, reviewer, "include", protocol=p.protocol)
    label = ["label", str(second), "model-type=workplace", "--reviewer", "reviewer1"]
    assert main([*label, "--project", str(folder)]) == 0
    return folder


def _refusal(folder: Path, capsys) -> str:
    capsys.readouterr()
    assert main(["status", "--project", str(folder)]) == 2
    return " ".join(capsys.readouterr().err.split())


def test_one_decision_gives_the_reason(tmp_path: Path, capsys) -> None:
    folder = _project(tmp_path)
    edit(folder, REASON_LINE, "")
    err = _refusal(folder, capsys)
    assert f"but 1 decision in {folder / 'review.sqlite'} gives it" in err, err


def test_one_study_the_report_would_leave_out(tmp_path: Path, capsys) -> None:
    folder = _project(tmp_path)
    protocol = folder / "protocol.toml"
    text = protocol.read_text(encoding="utf-8")
    start = text.index('[[schemes.model-type.labels]]\nid = "workplace"')
    protocol.write_text(text[:start] + text[text.index("[schemes.diagnosis]") :], "utf-8")
    err = _refusal(folder, capsys)
    assert "1 study in" in err and "(the report would leave it out)" in err, err
