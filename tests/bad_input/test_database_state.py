"""Database states the corpus cannot express (a second process, a file removed under it): the
write-ahead log deleted while another program has the project open, or left without its
database. The command names the database and the log, says what to do, exits 2 and leaves the
files as they were."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
SAMPLE = REPO / "tests" / "core" / "fixtures" / "sample.ris"


def test_the_wal_deleted_while_another_program_holds_the_project(tmp_path: Path, capsys) -> None:
    """Another process wrote into the WAL and keeps it open; the file is deleted (a cleanup
    script, a sync tool). SQLite's index (-shm) still points into it, so opening fails with a
    disk I/O error: it was called 'cannot open the database' with a hint about permissions."""
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    db = project / "review.sqlite"
    holder = textwrap.dedent(
        f"""
        import sqlite3, sys
        conn = sqlite3.connect({str(db)!r}, isolation_level=None)
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("BEGIN IMMEDIATE")  # pages written to the WAL and never merged back
        conn.execute("INSERT INTO schema_migrations SELECT version + 1000, name, applied_at"
                     " FROM schema_migrations")
        conn.execute("DELETE FROM schema_migrations WHERE version >= 1000")
        conn.execute("COMMIT")
        print("written", flush=True)
        sys.stdin.readline()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "written"
        wal = project / "review.sqlite-wal"
        assert wal.stat().st_size > 0
        wal.unlink()
        before = db.read_bytes()
        capsys.readouterr()
        for argv in (["status"], ["import", str(SAMPLE)]):
            code = main([*argv, "--project", str(project)])
            out, err = capsys.readouterr()
            assert code == 2, out + err
            assert "Traceback" not in out + err
            assert f"error: {db}: cannot read the database" in err
            assert "write-ahead log review.sqlite-wal is gone or empty" in err
            assert "hint: close every reviewkit" in err
        assert db.read_bytes() == before
    finally:
        proc.communicate("\n", timeout=30)


def _log_without_its_database(tmp_path: Path) -> Path:
    """A folder holding what a copy made while a command wrote holds when the database has
    not arrived yet (a sync tool sends the small files first) or was deleted: the protocol,
    review.sqlite-wal with committed changes, and review.sqlite-shm."""
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    copy = tmp_path / "copy"
    copy.mkdir()
    conn = sqlite3.connect(project / "review.sqlite", isolation_level=None)
    try:
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("BEGIN IMMEDIATE")  # pages written to the log, not yet to the database
        conn.execute(
            "INSERT INTO schema_migrations SELECT version + 1000, name, applied_at"
            " FROM schema_migrations"
        )
        conn.execute("DELETE FROM schema_migrations WHERE version >= 1000")
        conn.execute("COMMIT")
        for name in ("protocol.toml", "review.sqlite-wal", "review.sqlite-shm"):
            shutil.copyfile(project / name, copy / name)
    finally:
        conn.close()
    assert (copy / "review.sqlite-wal").stat().st_size > 0
    return copy


@pytest.mark.parametrize("command", ["status", "import", "init"])
def test_a_write_ahead_log_without_its_database(command: str, tmp_path: Path, capsys) -> None:
    """It was 'not a review project (no review.sqlite)', with the hint to move the protocol out
    and run init there: init made a new database, and SQLite deleted the log with the changes
    it held. Now every command names the log, says to put the database back, and leaves it."""
    copy = _log_without_its_database(tmp_path)
    wal = (copy / "review.sqlite-wal").read_bytes()
    if command == "init":  # the log alone, the protocol moved out as the old hint said
        (copy / "protocol.toml").unlink()
        argv = ["init", str(copy), "--protocol", str(PROTOCOL)]
    else:
        argv = [command, *([str(SAMPLE)] if command == "import" else []), "--project", str(copy)]
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "Traceback" not in out + err
    assert f"error: {copy}: " in err and "write-ahead log review.sqlite-wal" in err, err
    assert "hint: copy the project's review.sqlite" in err, err
    assert not (copy / "review.sqlite").exists()
    assert (copy / "review.sqlite-wal").read_bytes() == wal
