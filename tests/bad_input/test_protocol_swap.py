"""A project's protocol.toml swapped for another review's (another [review] id): every command
is refused with both files and both ids named, exit 2, and nothing written. An edited protocol
with the same id is the review's own protocol, evolving, and still opens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from bad_input.protocol_helpers import REPO, SAMPLE, imported_project
from conftest import dump_database

from reviewkit.cli import main
from reviewkit.errors import ProjectError
from reviewkit.store import Store

OTHER = REPO / "protocols" / "rtw-systematic-reviews.toml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return imported_project(tmp_path / "project")


def files(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in folder.iterdir() if not p.name.endswith("-shm")}


def run(argv: list[str], capsys) -> tuple[int, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out + err


def make_pre_080(db: Path) -> None:
    """Turn the database into one made before migration 080: no review id recorded."""
    conn = sqlite3.connect(db)
    conn.executescript(
        "DROP TRIGGER review_identity_unchangeable; DROP TRIGGER review_identity_undeletable;"
        " DROP TABLE review_identity; DELETE FROM schema_migrations WHERE version = 80;"
        # and without the migrations after 080 (a database from before 080 has none of them)
        " DROP TABLE IF EXISTS review_versions; DROP TABLE IF EXISTS screen_claims;"
        " DROP TABLE IF EXISTS record_concerns; DROP TABLE IF EXISTS record_concerns_made;"
        " DROP TABLE IF EXISTS record_notices; DROP TABLE IF EXISTS record_concern_keys;"
        " DROP TABLE IF EXISTS record_concern_lookup; DROP TABLE IF EXISTS record_notice_targets;"
        " DROP TRIGGER IF EXISTS decision_link_mark; DROP TABLE IF EXISTS decision_link_marks;"
        " DROP TABLE IF EXISTS decision_study_records; DROP TABLE IF EXISTS record_section_categories;"
        " ALTER TABLE duplicate_links DROP COLUMN guard_reason;"
        " DELETE FROM schema_migrations WHERE version > 80;"
    )
    conn.close()


def test_another_reviews_protocol_is_refused_and_nothing_written(project: Path, capsys) -> None:
    db, protocol = project / "review.sqlite", project / "protocol.toml"
    protocol.write_bytes(OTHER.read_bytes())
    before, files_before = dump_database(db), files(project)
    out_dir = project.parent / "report-out"
    for argv in (
        ["status"],
        ["import", str(SAMPLE)],
        ["dedup", "report"],
        ["report", "--out", str(out_dir)],
    ):
        code, output = run([*argv, "--project", str(project)], capsys)
        assert code == 2, output
        assert "Traceback" not in output
        assert f"error: {protocol}: the protocol of another review" in output
        assert str(db) in output
        assert "'rtw-systematic-reviews'" in output and "'work-health-collaboration'" in output
        assert "hint: put back this review's protocol" in output
        assert "start a new project" in output
    assert dump_database(db) == before
    assert files(project) == files_before
    assert not out_dir.exists()


def test_an_edited_protocol_with_the_same_id_still_opens(project: Path, capsys) -> None:
    protocol = project / "protocol.toml"
    text = protocol.read_text(encoding="utf-8")
    edited = text.replace(
        'title = "Collaboration between', 'title = "Edited: collaboration between'
    )
    assert edited != text
    protocol.write_text(edited, encoding="utf-8")
    code, output = run(["status", "--project", str(project)], capsys)
    assert code == 0, output
    assert "Edited: collaboration" in output
    code, output = run(["import", str(SAMPLE), "--project", str(project)], capsys)
    assert code == 0, output


def test_a_database_from_before_the_id_records_it_at_the_first_write(project: Path, capsys) -> None:
    db = project / "review.sqlite"
    make_pre_080(db)
    assert run(["status", "--project", str(project)], capsys)[0] == 0  # migrates; no id yet
    with Store.open(db) as store:
        assert store.review_id() is None
    assert run(["import", str(SAMPLE), "--project", str(project)], capsys)[0] == 0
    with Store.open(db) as store:
        assert store.review_id() == "work-health-collaboration"
    (project / "protocol.toml").write_bytes(OTHER.read_bytes())
    code, output = run(["status", "--project", str(project)], capsys)
    assert code == 2 and "holds review 'work-health-collaboration'" in output


def test_a_different_id_recorded_by_another_process_refuses_the_write(project: Path) -> None:
    """Two processes open a database from before the id with different protocols: the first to
    write records its id; the other's write is refused and rolled back."""
    db = project / "review.sqlite"
    make_pre_080(db)
    with Store.open(db) as first, Store.open(db) as second:
        first.record_review_id_at_first_write("work-health-collaboration")
        second.record_review_id_at_first_write("rtw-systematic-reviews")
        with first.transaction():
            pass
        before = dump_database(db)
        refused = pytest.raises(ProjectError, match="belongs to review 'work-health-collaboration'")
        with refused, second.transaction() as conn:
            conn.execute("CREATE TABLE must_not_land (x)")
        assert dump_database(db) == before
