"""A project in a folder the user may not write: SQLite writes its write-ahead log and index
beside the database even to read, so every command fails to open it. The message must say the
folder or file is read-only and what to do, exit 2, and leave the database as it was."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from conftest import dump_database

import reviewkit.cli.core  # noqa: F401 (imported before the fork: the child may not read it)
from reviewkit.cli import main

PROTOCOL = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"
FIXTURES = Path(__file__).parent.parent / "core" / "fixtures"


def _as_other_user(argv: list[str]) -> tuple[int, str]:
    """``reviewkit ARGV`` in a forked child that cannot write the project (as root, the child
    becomes 'nobody', for whom the read-only modes hold): its exit code and output."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: only os._exit leaves it
        code = 3
        try:
            os.close(read)
            sys.stdout = sys.stderr = os.fdopen(write, "w", encoding="utf-8")  # pytest's capture
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            code = main(argv)
        finally:
            sys.stdout.flush()
            os._exit(code)
    os.close(write)
    with os.fdopen(read, encoding="utf-8", errors="replace") as out:
        output = out.read()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output


def test_read_only_project_says_what_to_do() -> None:
    base = Path(tempfile.mkdtemp())  # pytest's tmp_path sits in a 0700 folder 'nobody' can't enter
    try:
        base.chmod(0o755)
        project = base / "project"
        assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
        assert main(["import", str(FIXTURES / "sample.ris"), "--project", str(project)]) == 0
        db = project / "review.sqlite"
        before = dump_database(db)  # checkpointed: no -wal or -shm left to write into
        for leftover in (project / "review.sqlite-wal", project / "review.sqlite-shm"):
            leftover.unlink(missing_ok=True)
        db.chmod(0o444)
        project.chmod(0o555)
        code, output = _as_other_user(["status", "--project", str(project)])
        project.chmod(0o755)
        db.chmod(0o644)
        assert code == 2, output
        assert "Traceback" not in output, output
        assert f"error: {db}: " in output and "read-only" in output, output
        assert "make the folder and the database writable" in output, output
        assert dump_database(db) == before
    finally:
        for p in base.rglob("*"):
            p.chmod(0o755)
        shutil.rmtree(base)
