"""The store: WAL, busy timeout, schema version and migrations, immutable records, append-only
decisions, all-or-nothing imports; and a core that never imports Textual."""

from __future__ import annotations

import json
import pkgutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import add_records

import reviewkit
from reviewkit import importer
from reviewkit.errors import FormatError
from reviewkit.project import Project
from reviewkit.records import AbstractSection, Record
from reviewkit.store import SCHEMA_VERSION, Store, lookup
from reviewkit.store import decisions as decision_rows
from reviewkit.store import records as record_rows
from reviewkit.store.db import BUSY_TIMEOUT_MS

FIXTURES = Path(__file__).parent / "fixtures"
MIGRATIONS = Path(reviewkit.__file__).parent / "store" / "migrations"


def test_pragmas_and_schema_version(tmp_path: Path) -> None:
    with Store.create(tmp_path / "db.sqlite") as db:
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS > 0
        assert db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.schema_version() == SCHEMA_VERSION
        recorded = [
            r[0] for r in db.query("SELECT version FROM schema_migrations ORDER BY version")
        ]
    on_disk = sorted(int(p.name.split("_", 1)[0]) for p in MIGRATIONS.glob("*.sql"))
    assert recorded == on_disk and recorded[0] == 1 and recorded[-1] == SCHEMA_VERSION


def test_migrations_are_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    Store.create(path).close()
    with Store.open(path) as db:
        assert db.migrate() == []  # nothing left to apply
        tables = db.query("SELECT name, sql FROM sqlite_master ORDER BY name")
        rows = db.query("SELECT version, name, applied_at FROM schema_migrations")
    with Store.open(path) as db:  # opening again changes nothing
        assert db.query("SELECT name, sql FROM sqlite_master ORDER BY name") == tables
        assert db.query("SELECT version, name, applied_at FROM schema_migrations") == rows


def test_an_old_database_is_migrated_on_open(tmp_path: Path) -> None:
    """A database at schema 0 (bookkeeping table only) gets every migration when opened."""
    fresh = tmp_path / "fresh.sqlite"
    conn = sqlite3.connect(fresh)
    conn.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    conn.commit()
    conn.close()
    with Store.open(fresh) as db:
        assert db.schema_version() == SCHEMA_VERSION
        assert db.query("SELECT COUNT(*) FROM records")[0][0] == 0


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    with Store.create(path) as db, db.transaction():
        db.conn.execute(
            "INSERT INTO schema_migrations VALUES (?, 'future', 'now')", (SCHEMA_VERSION + 100,)
        )
    with pytest.raises(Exception, match="newer than this reviewkit"):
        Store.open(path)


def _one_record(project: Project) -> int:
    db = project.db
    with db.transaction():
        import_id = record_rows.add_import(db, source="test", path="x", fmt="ris", sha256="abc")
        (rid,) = record_rows.add_records(
            db,
            [
                Record(
                    title="T",
                    abstract_sections=[AbstractSection("", "A")],
                    source="test",
                    origin="x",
                    position=1,
                    raw="TY  - JOUR",
                )
            ],
            import_id=import_id,
        )
    return rid


def test_records_are_immutable(project_a: Project) -> None:
    rid = _one_record(project_a)
    db = project_a.db
    with pytest.raises(sqlite3.DatabaseError, match="immutable"), db.transaction():
        db.conn.execute("UPDATE records SET title = 'changed' WHERE id = ?", (rid,))
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"), db.transaction():
        db.conn.execute("DELETE FROM records WHERE id = ?", (rid,))
    stored = record_rows.get_record(db, rid, with_raw=True)
    assert (stored.title, stored.abstract, stored.raw) == ("T", "A", "TY  - JOUR")


def test_original_text_is_stored_compressed_and_older_text_rows_still_read(
    project_a: Project,
) -> None:
    db = project_a.db
    raw = "<PubmedArticle>" + "<Author>Ødegård</Author>" * 200 + "</PubmedArticle>"
    with db.transaction():
        (new,) = record_rows.add_records(
            db,
            [Record(title="T", raw=raw, source="s", origin="f", position=1)],
            import_id=record_rows.add_import(db, source="s", path="f", fmt="x", sha256="1"),
        )
        old = record_rows.add_records(
            db,
            [Record(title="Old", source="s", origin="f", position=2)],
            import_id=record_rows.add_import(db, source="s", path="g", fmt="x", sha256="2"),
        )[0]
    stored = db.conn.execute("SELECT raw FROM records WHERE id = ?", (new,)).fetchone()[0]
    assert isinstance(stored, bytes) and len(stored) < len(raw.encode()) / 5
    assert record_rows.get_record(db, new, with_raw=True).raw == raw
    # a row written before schema 50 holds its text as TEXT (the immutability trigger forbids
    # an UPDATE, so the old row is made as an old version made it)
    data = db.conn.execute("SELECT data FROM records WHERE id = ?", (old,)).fetchone()[0]
    with db.transaction():
        db.conn.execute(
            "INSERT INTO records (import_id, source, origin, position, title, data, raw, added_at)"
            " SELECT import_id, source, origin, 3, title, ?, 'TY  - JOUR', added_at FROM records"
            " WHERE id = ?",
            (data, old),
        )
        text_row = db.conn.execute("SELECT MAX(id) FROM records").fetchone()[0]
    assert record_rows.get_record(db, text_row, with_raw=True).raw == "TY  - JOUR"


def test_decisions_are_append_only(project_a: Project) -> None:
    rid = _one_record(project_a)
    db = project_a.db
    first = decision_rows.Decision(
        record_id=rid, stage="title-abstract", reviewer="reviewer1", label="include"
    )
    second = decision_rows.Decision(
        record_id=rid,
        stage="title-abstract",
        reviewer="reviewer1",
        label="exclude",
        reason="wrong-outcome",
    )
    for d in (first, second):
        decision_rows.add_decision(db, d)
    assert [d.label for d in decision_rows.list_decisions(db)] == ["include", "exclude"]
    for sql in ("UPDATE decisions SET label = 'uncertain'", "DELETE FROM decisions"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"), db.transaction():
            db.conn.execute(sql)
    assert [d.id for d in decision_rows.list_decisions(db)] == [first.id, second.id]


def test_failed_import_leaves_nothing(project_a: Project, tmp_path: Path) -> None:
    db = project_a.db
    bad = tmp_path / "bad.ris"
    bad.write_text("TY  - JOUR\nTI  - fine\nER  - \n\nTY  - JOUR\nTI  - cut\n", encoding="utf-8")
    tables = [r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    before = {t: db.query(f"SELECT * FROM {t}") for t in tables}
    with pytest.raises(FormatError):
        importer.import_files(db, [FIXTURES / "sample.nbib", bad])
    assert {t: db.query(f"SELECT * FROM {t}") for t in tables} == before
    assert not db.conn.in_transaction


def test_import_files_stores_provenance(project_a: Project) -> None:
    (summary,) = importer.import_files(
        project_a.db, [FIXTURES / "sample.nbib"], source="PubMed export"
    )
    assert (summary.format, summary.source, summary.records) == ("medline", "PubMed export", 2)
    imports = record_rows.list_imports(project_a.db)
    assert [(i.format, i.record_count, i.sha256) for i in imports] == [
        ("medline", 2, importer.sha256_of(FIXTURES / "sample.nbib"))
    ]
    stored = [
        record_rows.get_record(project_a.db, rid, with_raw=True)
        for rid, _ in record_rows.iter_records(project_a.db)
    ]
    assert [(r.source, r.origin, r.position) for r in stored] == [
        ("PubMed export", str(FIXTURES / "sample.nbib"), 1),
        ("PubMed export", str(FIXTURES / "sample.nbib"), 2),
    ]
    assert stored[0].raw.startswith("PMID- 33000001") and stored[0].pmid == "33000001"
    row = project_a.db.query("SELECT data FROM records ORDER BY id LIMIT 1")[0]
    assert "raw" not in json.loads(row["data"])  # the original text is kept once, in its own column


def test_nested_transactions_roll_back_to_the_savepoint(tmp_path: Path) -> None:
    with Store.create(tmp_path / "db.sqlite") as db:
        with db.transaction():
            record_rows.add_import(db, source="a", path="a", fmt="ris", sha256="1")
            with pytest.raises(RuntimeError), db.transaction():
                record_rows.add_import(db, source="b", path="b", fmt="ris", sha256="2")
                raise RuntimeError("inner fails")
        assert [i.source for i in record_rows.list_imports(db)] == ["a"]


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(reviewkit.__path__, prefix="reviewkit."):
        if (
            info.name.startswith(("reviewkit.tui", "reviewkit.cli"))
            or info.name == "reviewkit.__main__"
        ):
            continue
        names.append(info.name)
    return names


def test_the_core_never_imports_textual() -> None:
    modules = _core_modules()
    for required in (
        "reviewkit.records",
        "reviewkit.store",
        "reviewkit.protocol",
        "reviewkit.query",
        "reviewkit.formats",
        "reviewkit.importer",
        "reviewkit.project",
        "reviewkit.status",
    ):
        assert required in modules
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_open_project_opens_the_database_once(cli_project: Path, monkeypatch) -> None:
    from reviewkit.project import open_project

    opened: list[Path] = []
    real_open = Store.open.__func__

    def counting_open(cls, path):
        opened.append(Path(path))
        return real_open(cls, path)

    monkeypatch.setattr(Store, "open", classmethod(counting_open))
    with open_project(cli_project) as project:
        assert project.db.review_id() == project.protocol.id
    assert opened == [cli_project / "review.sqlite"]


def test_lookups_by_many_ids_cross_sqlite_s_chunks(project_a: Project) -> None:
    """More ids than SQLite takes in one statement: every lookup by a list of ids (asked in
    chunks, store.db.rows_in) finds every record, each once."""
    recs = [Record(title=f"Study {i}", pmid=str(900_000 + i), year=2020) for i in range(2001)]
    ids = add_records(project_a, recs)
    db = project_a.db
    assert sorted(record_rows.get_records(db, ids)) == sorted(ids)
    assert sorted(record_rows.ranking_fields(db, ids)) == sorted(ids)
    assert sorted(lookup.record_keys(db, ids)) == sorted(ids)
    by_pmid = record_rows.ids_by_pmid(db, [r.pmid for r in recs])
    assert sorted(i for hits in by_pmid.values() for i in hits) == sorted(ids)
