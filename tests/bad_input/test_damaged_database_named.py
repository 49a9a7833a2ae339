"""A database damaged past its header names its own file, not the one this process opened last
(a second project, a ranking worker's connection, a project just made): the error is the one
the CLI prints for a damaged page met in the middle of a command (reviewkit.errors)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from reviewkit.cli import main
from reviewkit.errors import as_user_error
from reviewkit.project import open_project

HERE = Path(__file__).parent
DAMAGED = HERE / "cases" / "database" / "records-page-damaged.sqlite"
PROTOCOL = HERE.parent.parent / "protocols" / "work-health-collaboration.toml"
FIXTURES = HERE.parent / "core" / "fixtures"


def damaged_past_first_page(folder: Path) -> None:
    """A project whose records table's last leaf page is zeroed: it opens (opening reads only
    the first pages of each table, see Store.open), and a query reading every record meets it."""
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    for name in ("sample.ris", "sample.nbib"):
        assert main(["import", str(FIXTURES / name), "--project", str(folder)]) == 0
    db = folder / "review.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    leaves = conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'records' AND pagetype = 'leaf' ORDER BY path"
    ).fetchall()
    conn.close()
    assert len(leaves) > 1, "the records must fill more than one leaf page"
    data = bytearray(db.read_bytes())
    page = leaves[-1][0]
    data[(page - 1) * size : page * size] = bytes(size)
    db.write_bytes(bytes(data))


def test_the_damaged_database_is_named_when_another_was_opened_after_it(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged"
    damaged_past_first_page(damaged)
    healthy = tmp_path / "healthy"
    assert main(["init", str(healthy), "--protocol", str(PROTOCOL)]) == 0
    with open_project(damaged) as bad, open_project(healthy) as good:
        assert good.db.query("SELECT COUNT(*) FROM records")[0][0] == 0  # opened last, fine
        with pytest.raises(sqlite3.DatabaseError) as caught:
            bad.db.query("SELECT title FROM records")
        error = as_user_error(caught.value)
    assert error is not None
    assert error.where == str(damaged / "review.sqlite")
    assert "the project database is damaged" in error.message


def test_another_sqlite_file_is_not_called_the_project_database(tmp_path: Path) -> None:
    """A failure on another SQLite file (the PubMed snapshot's index) names that file."""
    other = tmp_path / "index.sqlite"
    shutil.copyfile(DAMAGED, other)
    healthy = tmp_path / "healthy"
    assert main(["init", str(healthy), "--protocol", str(PROTOCOL)]) == 0
    with open_project(healthy) as good:
        assert good.db.query("SELECT COUNT(*) FROM records")[0][0] == 0
        conn = sqlite3.connect(other)
        try:
            with pytest.raises(sqlite3.DatabaseError) as caught:
                conn.execute("SELECT title FROM records").fetchall()
            error = as_user_error(caught.value)
        finally:
            conn.close()
    assert error is not None
    assert error.where == str(other)
    assert "the database is damaged" in error.message
    # no 'restore review.sqlite': the file damaged is not the project's
    assert "review.sqlite" not in (error.hint or "") and "index" in (error.hint or "")
