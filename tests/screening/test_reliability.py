"""Nothing is lost: SIGKILL during a session, two processes at once (two reviewers at each
stage, the counts and kappa as their votes give them), undo after a restart."""

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
from reviewkit.agreement import agreement, compute
from reviewkit.project import open_project
from reviewkit.store.decisions import list_decisions

FT = "full-text"
DRIVER = str(Path(__file__).with_name("driver.py"))
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def read_lines(proc: subprocess.Popen, sink: list[str]) -> threading.Thread:
    def pump() -> None:
        for line in proc.stdout:
            sink.append(line.strip())

    t = threading.Thread(target=pump, daemon=True)
    t.start()
    return t


def check_log(path: Path, stages: tuple[str, ...] = ("title-abstract",)) -> dict[str, tuple]:
    """Integrity of the database and of every row (each at one of ``stages``); returns the
    rows by id."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = {
            r[0]: r
            for r in conn.execute(
                "SELECT id, record_id, stage, reviewer, label, reason, undoes FROM decisions"
            )
        }
    for _id, record_id, stage, reviewer, label, _reason, undoes in rows.values():
        assert record_id and stage in stages and reviewer
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


def _at_full_text(project, n: int) -> list[int]:
    """n records included at title-abstract by both reviewers: at full text, no votes yet."""
    ids = add_records(project, make_records(n))
    for rec in ids:
        for who in ("reviewer1", "reviewer2"):
            scr.decide(project.db, rec, "title-abstract", who, "include")
    return ids


def test_two_reviewers_at_full_text_at_once_lose_nothing_and_count_right(project_b, tmp_path):
    """Both reviewers' processes vote (and change every vote on a second pass) on the same
    full-text studies at once: every confirmed vote is in the log once, and the counts and
    kappa are those the votes each process was told were saved give."""
    studies = _at_full_text(project_b, 30)
    folder = project_b.folder
    rule = project_b.protocol.stages[FT]
    project_b.close()
    start = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, DRIVER, "core", str(folder), name, "60", str(start), FT],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        for name in ("reviewer1", "reviewer2")
    ]
    time.sleep(0.5)
    start.touch()
    outputs = [p.communicate(timeout=120) for p in procs]
    standing: dict[str, dict[int, str]] = {"reviewer1": {}, "reviewer2": {}}
    confirmed = set()
    for p, (out, err), name in zip(procs, outputs, standing, strict=True):
        assert p.returncode == 0, err
        for line in out.splitlines():
            _, entry, study, label = line.split()
            confirmed.add(entry)
            standing[name][int(study)] = label  # the newest told saved stands
    project = open_project(folder)
    try:
        log = list_decisions(project.db, stage=FT)
        assert sorted(d.id for d in log) == sorted(confirmed) and len(log) == 120
        pairs = [(standing["reviewer1"][s], standing["reviewer2"][s]) for s in studies]
        counts = scr.stage_counts(project, FT)
        assert counts.included == sum(1 for a, b in pairs if a == b == "include")
        assert counts.excluded == sum(1 for a, b in pairs if a == b == "exclude")
        assert counts.conflicts == sum(1 for a, b in pairs if a != b)
        assert counts.pending == 0 and counts.screened == len(studies)
        (got,) = agreement(project, FT)
        want = compute(FT, "reviewer1", "reviewer2", pairs)
        assert (got.n, got.table, got.kappa) == (want.n, want.table, want.kappa)
        assert rule.reason_required and all(d.reason for d in log if d.label == "exclude")
    finally:
        project.close()


def test_sigkill_in_the_middle_of_full_text_votes_loses_only_that_vote(project_b, tmp_path):
    """A reviewer's process killed at a random moment while voting at full text: every vote it
    was told was saved is in the log, whole; the database is sound and the next session
    goes on from the log."""
    _at_full_text(project_b, 20)
    folder, db_path = project_b.folder, project_b.database_path
    project_b.close()
    start = tmp_path / "go"
    start.touch()
    proc = subprocess.Popen(
        [sys.executable, DRIVER, "core", str(folder), "reviewer1", "1000", str(start), FT],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    lines: list[str] = []
    pump = read_lines(proc, lines)
    deadline = time.monotonic() + 60
    while len(lines) < 25 and proc.poll() is None:
        assert time.monotonic() < deadline, "driver too slow"
        time.sleep(0.002)
    time.sleep(random.Random(37).uniform(0, 0.02))  # often inside a decision's transaction
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    pump.join(timeout=5)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    confirmed = {x.split()[1] for x in lines if x.startswith("confirmed")}
    rows = check_log(db_path, stages=("title-abstract", FT))
    written = {i for i, r in rows.items() if r[2] == FT}
    assert confirmed <= written and len(written - confirmed) <= 1  # at most the one in flight
    project = open_project(folder)
    try:
        assert scr.stage_counts(project, FT).screened == min(len(written), 20)
    finally:
        project.close()
