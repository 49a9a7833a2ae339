"""Screen in the real app while both NLM files (50,788 records) are imported: the write lock.

Run with ``python -m benchmarks import_lock``. A project gets 300 small records to screen;
then ``reviewkit import`` of both offline NLM files runs in another process while, in this
process, (a) the real screening app (Textual Pilot) presses a decision key every 0.25 s and
(b) a probe tries ``BEGIN IMMEDIATE`` without waiting every 2 ms. Figures: how long the import
held the write lock (the longest stretch the probe found it taken), the import's wall time,
keys pressed against decisions stored, and whether the app crashed.
"""

from __future__ import annotations

import asyncio
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.measure import load_note

SCREEN_RECORDS = 300


def _ris(n: int) -> str:
    return "".join(
        f"TY  - JOUR\nTI  - Return to work after sick leave, study {i}\n"
        f"AB  - A trial of a coordinator for people on sick leave ({i}).\nPY  - 2020\nER  - \n\n"
        for i in range(1, n + 1)
    )


class LockProbe(threading.Thread):
    """Tries to take the write lock without waiting; keeps the longest stretch it was taken."""

    def __init__(self, database: Path) -> None:
        super().__init__(daemon=True)
        self.database = database
        self.stop = threading.Event()
        self.longest = 0.0
        self.taken_stretches = 0

    def run(self) -> None:
        conn = sqlite3.connect(self.database, isolation_level=None, timeout=0)
        conn.execute("PRAGMA busy_timeout = 0")
        last_free = time.perf_counter()
        taken = False
        while not self.stop.is_set():
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("ROLLBACK")
                now = time.perf_counter()
                if taken:
                    self.longest = max(self.longest, now - last_free)
                    self.taken_stretches += 1
                taken, last_free = False, now
            except sqlite3.OperationalError:
                taken = True
            time.sleep(0.002)
        conn.close()


async def _screen_during(project_dir: Path, proc: subprocess.Popen) -> dict:
    from reviewkit import screening
    from reviewkit.project import open_project
    from reviewkit.tui.app import ReviewkitApp
    from reviewkit.tui.screening import ScreeningScreen

    project = open_project(project_dir)
    app = ReviewkitApp(
        ScreeningScreen(screening.ReviewerQueue(project, "title-abstract", "reviewer1"))
    )
    pressed = 0
    saw_busy = False
    async with app.run_test(size=(100, 34)) as pilot:
        while proc.poll() is None and pressed < SCREEN_RECORDS - 10:
            await pilot.press("i" if pressed % 3 else "u")
            pressed += 1
            saw_busy = saw_busy or "database busy" in app.first_screen.message
            await pilot.pause(0.25)
        for _ in range(200):  # let kept keys be saved once the import is done
            if not app.first_screen.waiting:
                break
            await pilot.pause(0.1)
        waiting = app.first_screen.waiting
        await pilot.press("q")
    project.close()
    return {"pressed": pressed, "saw_busy_message": saw_busy, "still_waiting": waiting}


def main(results_dir: Path) -> dict:
    from reviewkit import offline_data

    files = [str(f) for f in offline_data.pubmed_snapshot_files()]  # NLM's order
    root = Path(__file__).resolve().parents[1]
    reviewkit = [sys.executable, "-m", "reviewkit"]
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "review"
        protocol = root / "protocols" / "rtw-systematic-reviews.toml"
        subprocess.run([*reviewkit, "init", str(project), "--protocol", str(protocol)], check=True)
        ris = Path(tmp) / "screen.ris"
        ris.write_text(_ris(SCREEN_RECORDS))
        subprocess.run([*reviewkit, "import", "--project", str(project), str(ris)], check=True)
        probe = LockProbe(project / "review.sqlite")
        probe.start()
        started = time.perf_counter()
        proc = subprocess.Popen(
            [*reviewkit, "import", "--project", str(project), *files],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            screened = asyncio.run(_screen_during(project, proc))
        finally:
            out, err = proc.communicate()
        wall = time.perf_counter() - started
        probe.stop.set()
        probe.join()
        with sqlite3.connect(project / "review.sqlite") as conn:
            decisions = conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
            records = conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    figures = {
        "import_exit_code": proc.returncode,
        "import_stderr_traceback": "Traceback" in err,
        "records_after": records,
        "import_wall_s": round(wall, 1),
        "write_lock_longest_s": round(probe.longest, 2),
        "keys_pressed": screened["pressed"],
        "decisions_stored": decisions,
        "saw_busy_message": screened["saw_busy_message"],
        "keys_still_waiting": screened["still_waiting"],
        "load_1min": round(load, 2),
    }
    _write_md(results_dir / "import_lock.md", figures)
    return figures


def _write_md(path: Path, f: dict) -> None:
    path.write_text(
        "# Screening while 50,788 records are imported\n\n"
        "`reviewkit import` of both offline NLM files in one process; in another, the real\n"
        "screening app (Textual Pilot) pressing a decision key every 0.25 s, and a probe trying\n"
        "`BEGIN IMMEDIATE` without waiting every 2 ms.\n\n"
        "| measure | value |\n|---|---|\n"
        f"| import wall time | {f['import_wall_s']} s |\n"
        f"| import exit code | {f['import_exit_code']} |\n"
        f"| records after | {f['records_after']:,} |\n"
        f"| longest time the write lock was held | {f['write_lock_longest_s']} s |\n"
        f"| keys pressed during the import | {f['keys_pressed']} |\n"
        f"| decisions stored | {f['decisions_stored']} |\n"
        f"| screen said 'database busy' | {f['saw_busy_message']} |\n"
        f"| keys still waiting at the end | {f['keys_still_waiting']} |\n\n"
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; 1-minute load average at start {f['load_1min']} "
        f"({load_note(f['load_1min'])}).\n"
    )
