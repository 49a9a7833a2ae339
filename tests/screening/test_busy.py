"""A busy database never takes screening down: keys are kept while another process writes.

The app test holds the project's write lock from another process (what a long import did
before imports were staged, and what any writer does for a moment) instead of running a
50,000-record import: it makes the same point deterministically and fast. The real 50,788-record
import is measured in benchmarks/bench_import_lock.py.
"""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Caught, add_records
from screening.helpers import conflict_on, make_records

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.errors import DatabaseBusy
from reviewkit.project import open_project
from reviewkit.status import project_status
from reviewkit.store import db as store_db
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.messages import Decided, Resolved
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"

_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO imports (source, path, format, sha256, record_count, imported_at)"
             " VALUES ('holder', 'holder', 'ris', 'holder', 0, 'now')")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
print("released", flush=True)
"""


class LockHolder:
    """Another process holding the project's write lock until :meth:`release`."""

    def __init__(self, database: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _HOLDER, str(database)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "locked"

    def release(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "released"
        self.proc.wait()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def holder_for():
    holders: list[LockHolder] = []

    def make(project) -> LockHolder:
        holders.append(LockHolder(project.database_path))
        return holders[-1]

    yield make
    for h in holders:
        h.kill()


def committed(project) -> list[tuple[int, str, str]]:
    with sqlite3.connect(project.database_path) as conn:
        return conn.execute(
            "SELECT record_id, label, reason FROM decisions WHERE label <> 'note' ORDER BY rowid"
        ).fetchall()


def test_screening_keeps_every_key_while_another_process_holds_the_write_lock(
    project_b, holder_for
):
    add_records(project_b, make_records(6))
    app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project_b, TA, "reviewer1")), keymap={})
    decided = Caught(Decided)

    async def go():
        async with app.run_test(size=(100, 34), message_hook=decided) as pilot:
            screen = app.first_screen
            order = list(screen.queue.studies)
            await pilot.press("i")  # saved at once: the database is free
            holder = holder_for(project_b)
            await pilot.press("e", "1")  # exclude with reason 1: busy, kept
            assert "database busy" in screen.message
            await pilot.press("u", "k", "i")  # more keys, kept in order behind it
            assert screen.waiting == 4
            assert "4 keys kept" in screen.message
            assert len(committed(project_b)) == 1  # nothing written while locked
            await pilot.pause()
            assert [(d.study, d.label) for d in decided] == [(order[0], "include")]
            holder.release()
            for _ in range(100):
                if not screen.waiting:
                    break
                await pilot.pause(0.1)
            assert screen.waiting == 0
            reason = screen.rule.exclusion_reasons[0].code
            assert committed(project_b) == [
                (order[0], "include", ""),
                (order[1], "exclude", reason),
                (order[2], "uncertain", ""),
                (order[2], "include", ""),  # k went back to it, i changed the vote
            ]
            await pilot.pause()
            # one message per decision, posted once it was written: the kept ones in order
            assert [(d.study, d.label, d.reason) for d in decided] == committed(project_b)
            await pilot.press("q")

    asyncio.run(go())
    assert app.return_code == 0


def test_conflicts_screen_keeps_a_final_decision_while_the_database_is_busy(project_b, holder_for):
    from reviewkit.tui.conflicts import ConflictsScreen

    (study,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [study], TA, "wrong-population", checked=True)
    app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
    resolved = Caught(Resolved)

    async def go():
        async with app.run_test(size=(100, 34), message_hook=resolved) as pilot:
            screen = app.first_screen
            holder = holder_for(project_b)
            await pilot.press("e", "1")
            assert "database busy" in screen.message
            await pilot.pause()
            assert resolved == []  # not written yet: no message
            holder.release()
            for _ in range(100):
                if not screen.waiting:
                    break
                await pilot.pause(0.1)
            assert committed(project_b)[-1][:2] == (study, "final-exclude")
            await pilot.pause()
            assert [(r.study, r.label, r.resolver) for r in resolved] == [
                (study, "exclude", "lead")
            ]
            await pilot.press("q")

    asyncio.run(go())


def test_read_only_commands_open_a_project_while_another_process_writes(
    project_b, holder_for, monkeypatch
):
    add_records(project_b, make_records(2))
    project_b.close()
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)  # a lock wait would fail fast
    holder = holder_for(project_b)
    with open_project(project_b.folder) as project:
        assert project_status(project).records == 2
    holder.release()


def test_a_cli_write_on_a_busy_database_ends_with_a_message_not_a_traceback(
    project_b, holder_for, monkeypatch, tmp_path, capsys
):
    project_b.close()
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)
    ris = tmp_path / "one.ris"
    ris.write_text("TY  - JOUR\nTI  - A study of sick leave\nER  - \n")
    holder = holder_for(project_b)
    code = main(["import", "--project", str(project_b.folder), str(ris)])
    err = capsys.readouterr().err
    assert code == 2
    assert "the project database is busy" in err and "Traceback" not in err
    assert "or another program that has review.sqlite open" in err  # the holder is one
    holder.release()
    with sqlite3.connect(project_b.database_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 0


def test_store_raises_database_busy_when_the_lock_stays_taken(project_b, holder_for):
    holder = holder_for(project_b)
    project_b.db.set_busy_timeout(50)
    with pytest.raises(DatabaseBusy), project_b.db.transaction():
        pass
    holder.release()
