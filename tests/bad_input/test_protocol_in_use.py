"""A protocol edited after screening began so that a reason code or a label id the logs use is
gone: every command refuses the project with the protocol's file and line, what went and how
often the log uses it, exit 2, and writes nothing (the report dropped a confirmed study from
every table, and decisions with the reason from the exclusion counts' names). Renaming a
reason's label, or a label's name, stays free."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import (
    PROTOCOL,
    SAMPLE,
    edit,
    imported_project,
    include_everything,
)
from conftest import dump_database

from reviewkit.cli import main

REASON_LINE = '  { code = "health-only", label = "Work focus inside health care only" },\n'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two records: the first excluded for 'health-only' by both reviewers, the second
    included at both stages and confirmed as model type 'workplace'."""
    from reviewkit import screening
    from reviewkit.project import open_project
    from reviewkit.reports.studies import all_reports

    folder = imported_project(tmp_path / "project")
    with open_project(folder) as p:
        first, second = sorted(all_reports(p))
        for reviewer in ("reviewer1", "reviewer2"):
            screening.decide(
                p.db, first, "title-abstract", reviewer, "exclude", reason="health-only",
                protocol=p.protocol,
            )  # fmt: skip
            for stage in ("title-abstract", "full-text"):
                screening.decide(p.db, second, stage, reviewer, "include", protocol=p.protocol)
    label = ["label", str(second), "model-type=workplace", "--reviewer", "reviewer1"]
    assert main([*label, "--project", str(folder)]) == 0
    return folder


def refused_everywhere(project: Path, capsys, says: list[str]) -> None:
    db = project / "review.sqlite"
    before = dump_database(db)
    out_dir = project.parent / "report-out"
    for argv in (
        ["status"],
        ["report", "--out", str(out_dir)],
        ["import", str(SAMPLE), "--again"],
        ["decisions", "export", str(project.parent / "d.jsonl"), "--reviewer", "reviewer1"],
    ):
        code = main([*argv, "--project", str(project)])
        out, err = capsys.readouterr()
        assert code == 2, out + err
        assert "Traceback" not in out + err
        for text in says:
            assert text in err, err
    assert dump_database(db) == before
    assert not out_dir.exists() and not (project.parent / "d.jsonl").exists()


def test_a_reason_in_use_removed_from_the_protocol(project: Path, capsys) -> None:
    capsys.readouterr()
    edit(project, REASON_LINE, "")
    refused_everywhere(
        project,
        capsys,
        [
            f"error: {project / 'protocol.toml'}:44: stages.title-abstract.exclusion_reasons",
            "the reason 'health-only' is gone from the protocol, but 2 decisions in",
            'hint: put it back ({ code = "health-only"',
        ],
    )


def test_a_confirmed_label_removed_from_the_protocol(project: Path, capsys) -> None:
    capsys.readouterr()
    protocol = project / "protocol.toml"
    text = protocol.read_text(encoding="utf-8")
    start = text.index('[[schemes.model-type.labels]]\nid = "workplace"')
    protocol.write_text(text[:start] + text[text.index("[schemes.diagnosis]") :], "utf-8")
    refused_everywhere(
        project,
        capsys,
        [
            f"error: {protocol}:87: schemes.model-type.labels",
            "the label 'workplace' is gone from the protocol, but 1 study in",
            "has it confirmed",
            "'reviewkit label'",
        ],
    )


def test_renamed_reason_labels_and_label_names_still_open(project: Path, capsys) -> None:
    edit(project, '"Work focus inside health care only"', '"Only work focus in health care"')
    edit(project, 'name = "Workplace', 'name = "Renamed: workplace')
    code = main(["status", "--project", str(project)])
    assert code == 0, capsys.readouterr()


WRONG_OUTCOME = '  { code = "wrong-outcome", label = "No return-to-work outcome" },\n'


def test_a_reason_given_once_and_undone_can_be_removed(
    project: Path, tmp_path: Path, capsys
) -> None:
    """An exclusion undone at once decides nothing (no report, count or exchange uses it), so
    its reason may leave the protocol; a log exported with the undone entry still imports into
    a project whose protocol lacks the reason (the undo comes with it)."""
    from reviewkit import screening
    from reviewkit.project import open_project
    from reviewkit.reports.studies import all_reports

    with open_project(project) as p:
        # the first study: the second has votes at full text, so its title-abstract votes
        # cannot change (README, the screening keys' z)
        first = sorted(all_reports(p))[0]
        screening.decide(
            p.db, first, "title-abstract", "reviewer1", "exclude", reason="wrong-outcome",
            protocol=p.protocol,
        )  # fmt: skip
        screening.undo(p.db, "title-abstract", "reviewer1")
    exported = tmp_path / "reviewer1.jsonl"
    argv = ["decisions", "export", str(exported), "--reviewer", "reviewer1"]
    assert main([*argv, "--project", str(project)]) == 0
    assert '"wrong-outcome"' in exported.read_text(encoding="utf-8")
    edit(project, WRONG_OUTCOME, "")  # the title-abstract stage's
    capsys.readouterr()
    assert main(["status", "--project", str(project)]) == 0, capsys.readouterr()

    other = tmp_path / "other"
    assert main(["init", str(other), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(SAMPLE), "--project", str(other)]) == 0
    edit(other, WRONG_OUTCOME, "")
    capsys.readouterr()
    code = main(["decisions", "import", str(exported), "--project", str(other)])
    assert code == 0, capsys.readouterr()
    assert main(["status", "--project", str(other)]) == 0, capsys.readouterr()


def _table_rows(folder: Path) -> dict[str, int]:
    """Report table (label id) -> its rows, from the CSV tables of a report."""
    import csv

    rows = {}
    for table in sorted((folder / "tables").glob("*.csv")):
        with table.open(encoding="utf-8-sig", newline="") as fh:
            rows[table.stem] = len(list(csv.reader(fh))) - 1  # the header row
    return rows


def test_a_suggested_label_renamed_in_the_protocol_leaves_no_study_out(
    tmp_path: Path, capsys
) -> None:
    """Suggestions are the rules', made again by classify, so renaming a label id that only
    suggestions use is free. Until classify runs again such a study is unlabelled ('none of
    these'), as one never classified: the report put it in no table, and the evidence map in
    a row of the old id."""
    folder = imported_project(tmp_path / "project")
    include_everything(folder)
    assert main(["classify", "--scheme", "model-type", "--project", str(folder)]) == 0
    report = ["report", "--format", "csv,md", "--project", str(folder), "--out"]
    assert main([*report, str(tmp_path / "before")]) == 0
    before = _table_rows(tmp_path / "before")
    assert before.get("workplace") == 1, before  # the rules suggest it for the first record
    edit(folder, 'id = "workplace"', 'id = "workplace-centred"')
    assert main([*report, str(tmp_path / "stale")]) == 0
    stale = _table_rows(tmp_path / "stale")
    assert sum(stale.values()) == sum(before.values()), stale
    assert stale["none"] == before["none"] + 1 and "workplace" not in stale
    evidence_map = (tmp_path / "stale" / "evidence-map" / "evidence-map.md").read_text("utf-8")
    assert "| workplace |" not in evidence_map
    assert main(["classify", "--scheme", "model-type", "--project", str(folder)]) == 0
    assert main([*report, str(tmp_path / "again")]) == 0
    assert _table_rows(tmp_path / "again")["workplace-centred"] == 1
    capsys.readouterr()


def test_a_confirmed_label_removed_from_a_utf16_protocol_names_its_line(
    project: Path, capsys
) -> None:
    """Notepad's 'Unicode' (UTF-16, its BOM) protocol is read; the refusal named no line, as
    the line was looked up in the file read again as UTF-8 (it is read as the protocol was)."""
    capsys.readouterr()
    protocol = project / "protocol.toml"
    text = protocol.read_text(encoding="utf-8")
    start = text.index('[[schemes.model-type.labels]]\nid = "workplace"')
    protocol.write_text(text[:start] + text[text.index("[schemes.diagnosis]") :], "utf-16")
    assert main(["status", "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"error: {protocol}:87: schemes.model-type.labels" in err
