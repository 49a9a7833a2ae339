"""A project database that cannot be used as it is: a folder in its place, a lock held by
another program, a read-only file. Each is refused with the database's path, exit 2 and no
traceback, and leaves the file as it was (the file-content cases are in cases/database/)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import dump_database

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
RIS = "TY  - JOUR\nTI  - A record that must not land\nPY  - 2020\nER  - \n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    (tmp_path / "new.ris").write_text(RIS, encoding="utf-8")
    return folder


def refused(argv: list[str], capsys) -> str:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "Traceback" not in out + err
    return out + err


def test_a_folder_named_review_sqlite(project: Path, capsys) -> None:
    db = project / "review.sqlite"
    db.unlink()
    db.mkdir()
    output = refused(["status", "--project", str(project)], capsys)
    assert f"error: {db}: a folder, not a database file" in output


def test_a_database_another_program_holds_locked(project: Path, capsys, monkeypatch) -> None:
    """A second process holds an exclusive lock (as a database browser or an old reviewkit in
    rollback-journal mode can): every command, even a read, says the file is locked."""
    import reviewkit.store.db as store_db

    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)  # no 30 s wait in the test suite
    db = project / "review.sqlite"
    before = dump_database(db)
    holder = textwrap.dedent(
        f"""
        import sqlite3, sys
        conn = sqlite3.connect({str(db)!r}, isolation_level=None)
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("CREATE TABLE held (x)")
        print("locked", flush=True)
        sys.stdin.readline()
        conn.execute("ROLLBACK")
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "locked"
        for argv in (["status"], ["import", str(project.parent / "new.ris")]):
            output = refused([*argv, "--project", str(project)], capsys)
            assert f"error: {db}: the project database is locked" in output
    finally:
        proc.communicate("\n", timeout=30)
    assert dump_database(db) == before


def test_a_read_only_database(project: Path, capsys, monkeypatch) -> None:
    """SQLite refuses every write (SQLITE_READONLY): the command names the file, says nothing
    was written, and the file is as it was. A read-only file cannot be made for root (CI runs
    as root), so SQLite's own read-only switch (PRAGMA query_only) gives the same refusal."""
    import reviewkit.store.db as store_db

    real_connect = store_db._connect

    def read_only(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.execute("PRAGMA query_only = ON")
        return conn

    db = project / "review.sqlite"
    assert main(["import", str(project.parent / "new.ris"), "--project", str(project)]) == 0
    capsys.readouterr()
    before = dump_database(db)
    monkeypatch.setattr(store_db, "_connect", read_only)
    output = refused(["dedup", "--project", str(project)], capsys)
    assert str(db) in output and "read-only; nothing was written" in output
    assert dump_database(db) == before


def test_a_project_without_its_protocol(project: Path, capsys) -> None:
    """review.sqlite without protocol.toml beside it: the message names the missing file and
    says what to put there (it said only 'protocol file not found', with no way on)."""
    db = project / "review.sqlite"
    before = dump_database(db)
    (project / "protocol.toml").unlink()
    new = str(project.parent / "new.ris")
    output = refused(["import", new, "--project", str(project)], capsys)
    assert f"error: {project / 'protocol.toml'}: the project's protocol.toml is missing" in output
    assert "copy the protocol the project was made with" in output
    assert dump_database(db) == before


def test_a_database_link_that_leads_nowhere(project: Path, capsys) -> None:
    """review.sqlite a symbolic link to a moved file (or to itself): named as such, not called a
    folder without a project whose hint says to move the protocol out and run init."""
    db = project / "review.sqlite"
    db.unlink()
    db.symlink_to("review.sqlite")  # a loop: exists() is false, as for a link to a gone file
    output = refused(["status", "--project", str(project)], capsys)
    assert f"error: {db}: review.sqlite is a link that leads nowhere" in output
    assert "init" not in output


def test_init_that_sqlite_refuses_leaves_nothing_behind(tmp_path: Path, capsys) -> None:
    """SQLite cannot make the database (here a folder stands where its WAL goes): init names
    the file, and neither the protocol copy nor an empty review.sqlite is left behind (it was
    a traceback, and the protocol alone then made every later init refuse the folder)."""
    folder = tmp_path / "review"
    (folder / "review.sqlite-wal").mkdir(parents=True)
    output = refused(["init", str(folder), "--protocol", str(PROTOCOL)], capsys)
    wal = folder / "review.sqlite-wal"  # the folder in the way is named, and what to do
    assert f"error: {wal}: cannot open the database: review.sqlite-wal beside it is a folder" in (
        output
    )
    assert "hint: move the folder" in output
    assert sorted(p.name for p in folder.iterdir()) == ["review.sqlite-wal"]
