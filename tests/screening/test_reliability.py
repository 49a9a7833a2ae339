"""Nothing is lost: SIGKILL during a session, two processes at once, undo after a restart."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.project import open_project
from reviewkit.store.decisions import list_decisions

DRIVER = str(Path(__file__).with_name("driver.py"))
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def read_lines(proc: subprocess.Popen, sink: list[str]) -> threading.Thread:
    def pump() -> None:
        for line in proc.stdout:
            sink.append(line.strip())

    t = threading.Thread(target=pump, daemon=True)
    t.start()
    return t


def check_log(path: Path) -> dict[str, tuple]:
    """Integrity of the database and of every row; returns the rows by id."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = {
            r[0]: r
            for r in conn.execute(
                "SELECT id, record_id, stage, reviewer, label, reason, undoes FROM decisions"
            )
        }
    for _id, record_id, stage, reviewer, label, _reason, undoes in rows.values():
        assert record_id and stage == "title-abstract" and reviewer
        assert label in ("include", "exclude", "uncertain", "note", "undo")
        assert (label == "undo") == (undoes is not None) and (undoes is None or undoes in rows)
    return rows


def test_sigkill_during_a_screening_session_loses_no_confirmed_decision(project_b):
    add_records(project_b, make_records(40))
    folder, db_path = project_b.folder, project_b.database_path
    project_b.close()
    rng = random.Random(20240601)
    total_confirmed = 0
    for round_no in range(3):
        proc = subprocess.Popen(
            [sys.executable, DRIVER, "tui", str(folder), "reviewer1", str(round_no)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        lines: list[str] = []
        pump = read_lines(proc, lines)
        deadline = time.monotonic() + 30
        want = rng.randint(3, 10)
        while sum(1 for x in lines if x.startswith("confirmed")) < want and proc.poll() is None:
            assert time.monotonic() < deadline, "driver too slow"
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))  # kill at a random moment, often mid-keypress
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        pump.join(timeout=5)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
        confirmed = [x.split()[1] for x in lines if x.startswith("confirmed")]
        rows = check_log(db_path)
        assert set(confirmed) <= set(rows)
        total_confirmed += len(confirmed)
    assert total_confirmed >= 9
    project = open_project(folder)  # the project opens and screening resumes after the kills
    try:
        assert scr.ReviewerQueue(project, "title-abstract", "reviewer1").remaining < 40
    finally:
        project.close()


def test_two_processes_deciding_at_once(project_b, tmp_path):
    add_records(project_b, make_records(60))
    folder = project_b.folder
    project_b.close()
    start = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, DRIVER, "core", str(folder), name, "120", str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        for name in ("reviewer1", "reviewer2")
    ]
    time.sleep(0.5)
    start.touch()
    outputs = [p.communicate(timeout=60) for p in procs]
    for p, (out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err.lower()
        assert out.count("confirmed") == 120
    project = open_project(folder)
    try:
        log = list_decisions(project.db)
        assert len(log) == 240
        confirmed = {line.split()[1] for out, _ in outputs for line in out.splitlines()}
        assert confirmed == {d.id for d in log}
        assert sum(1 for d in log if d.reviewer == "reviewer2") == 120
    finally:
        project.close()
