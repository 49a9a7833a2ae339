"""A full disk, simulated with a file-size limit (RLIMIT_FSIZE, as 'ulimit -f' sets it) in a real
subprocess: SQLite on a tiny tmpfs is not available in CI. A write the system refuses must end
with one message that says so and what to do, exit 2, no traceback, and the project database
whole and unchanged (not called damaged, nor its write-ahead log 'gone')."""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import dump_database

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
FIXTURES = REPO / "tests" / "core" / "fixtures"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(FIXTURES / "sample.ris"), "--project", str(folder)]) == 0
    return folder


def _limited(limit: int, *argv: str) -> subprocess.CompletedProcess[str]:
    """``reviewkit ARGV`` in a subprocess that may write no file beyond ``limit`` bytes."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "reviewkit", *argv],
        capture_output=True,
        text=True,
        preexec_fn=cap,  # noqa: PLW1509 (the limit is the point; no threads run yet)
        env={**os.environ, "COLUMNS": "200"},
        timeout=120,
    )


def _refused_cleanly(proc: subprocess.CompletedProcess[str], db: Path, before: list[str]) -> None:
    output = proc.stdout + proc.stderr
    assert proc.returncode == 2, output
    assert "Traceback" not in output, output
    assert f"error: {db}: a write was refused" in output, output
    assert "free some space" in output and "as it was before the command" in output, output
    assert "backup" not in output and "gone" not in output, output  # the file is not damaged
    assert dump_database(db) == before
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_import_over_the_file_size_limit(project: Path, tmp_path: Path) -> None:
    """An import that outgrows the limit (its staging file spills to disk, then the project's
    log): was a traceback, 'cannot rollback - no transaction is active'."""
    db = project / "review.sqlite"
    big = tmp_path / "big.ris"
    abstract = "Work and health services collaborate on return to work after sick leave. " * 60
    big.write_text(
        "".join(
            f"TY  - JOUR\nTI  - Return to work study {n}\nAB  - {abstract}\nPY  - 2020\nER  - \n\n"
            for n in range(800)
        ),
        encoding="utf-8",
    )
    before = dump_database(db)
    proc = _limited(db.stat().st_size + 60_000, "import", str(big), "--project", str(project))
    _refused_cleanly(proc, db, before)


def test_screen_when_the_index_cannot_grow(project: Path) -> None:
    """A limit below the 32 KB shared-memory index SQLite makes on opening (report, status and
    screen open the project alike): was called a write-ahead log 'gone or empty' (deleted under
    a running program)."""
    db = project / "review.sqlite"
    before = dump_database(db)
    proc = _limited(30_000, "screen", "--reviewer", "reviewer1", "--project", str(project))
    _refused_cleanly(proc, db, before)
