"""Shared set-up for bad-input tests on a project: the sample imported, every study included,
a hand edit, and a file a fresh project must refuse to import."""

from __future__ import annotations

from pathlib import Path

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
SAMPLE = REPO / "tests" / "core" / "fixtures" / "sample.ris"


def imported_project(folder: Path) -> Path:
    """``folder`` made a project under PROTOCOL with SAMPLE imported, through the CLI."""
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(SAMPLE), "--project", str(folder)]) == 0
    return folder


def import_refused(tmp_path: Path, capsys, path: Path) -> str:
    """Import ``path`` into a fresh project under PROTOCOL (``tmp_path / "project"``) through
    the CLI: it must refuse (exit 2) and store nothing; what the import said."""
    from reviewkit.project import open_project
    from reviewkit.store import records as record_rows

    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    with open_project(project) as p:
        assert record_rows.record_count(p.db) == 0
    return capsys.readouterr().err


def imported_records(tmp_path: Path, capsys, path: Path) -> list:
    """Import ``path`` into a fresh project under PROTOCOL (``tmp_path / "project"``) through
    the CLI: it must be read (exit 0, what it said shown otherwise); the records stored, in
    the order of their ids."""
    from reviewkit.project import open_project
    from reviewkit.store import records as record_rows

    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(project)]) == 0, capsys.readouterr().err
    with open_project(project) as p:
        return [record for _, record in record_rows.iter_records(p.db)]


def include_everything(
    folder: Path, reviewers: tuple[str, ...] = ("reviewer1", "reviewer2")
) -> None:
    """Every report of the project at ``folder`` included by ``reviewers`` at both stages."""
    from reviewkit import screening
    from reviewkit.project import open_project
    from reviewkit.reports.studies import all_reports

    with open_project(folder) as p:
        for rid in all_reports(p):
            for stage in ("title-abstract", "full-text"):
                for reviewer in reviewers:
                    screening.decide(p.db, rid, stage, reviewer, "include", protocol=p.protocol)


def edit(project: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the project's protocol.toml with ``new`` (it must be there)."""
    path = project / "protocol.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
