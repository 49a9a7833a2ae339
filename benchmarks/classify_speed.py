"""What classification costs on the demo project: ``reviewkit classify`` and the confirm screen.

The demo project (``make demo``: ``build/demo/work-health``, or ``$REVIEWKIT_DEMO_PROJECT``)
holds 77 included studies with 48 and 49 of them confirmed in its two schemes, so both runs
train the learnt model (n + 1 fits: the model and leave-one-out). Each measurement works on a
copy of the project, so the demo stays as it was.

* **classify**: the whole command in a child process (``python -m reviewkit classify``); its
  CPU (user + system, from the child's resource usage), which the machine's load does not
  inflate, and the wall time, which it does.
* **confirm**: the confirm screen (headless, Textual's ``run_test``) from its start to the
  first model its trainer publishes (the model line then shows its accuracy, and M its
  suggestion when it beats the rules); the process's CPU over that time.

Before the one-BLAS-thread fix (commit 8371039, 2 cores at load 8): classify 91 s CPU,
178 s wall; the confirm screen's first model 53 s CPU, 131 s wall (see
:mod:`reviewkit.classify.model`).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "build" / "demo" / "work-health"


def demo_project() -> Path:
    """The demo's work-health project: $REVIEWKIT_DEMO_PROJECT, else make demo's (built now
    when missing, as ``make demo`` builds it)."""
    env = os.environ.get("REVIEWKIT_DEMO_PROJECT")
    if env:
        return Path(env)
    if not (DEMO / "review.sqlite").exists():
        from reviewkit.demo.run import run_demo

        run_demo(work_dir=DEMO.parent, out_dir=Path(tempfile.mkdtemp(prefix="demo-exports-")))
    return DEMO


def _copy(project: Path, into: Path) -> Path:
    target = into / "work-health"
    shutil.copytree(project, target)
    return target


def classify_cpu(project: Path) -> dict:
    """``reviewkit classify`` on a copy of the project: CPU and wall seconds, and its model lines."""
    with tempfile.TemporaryDirectory(prefix="classify-speed-") as tmp:
        copy = _copy(project, Path(tmp))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-m", "reviewkit", "classify", "--project", str(copy)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    models = [line for line in out.splitlines() if line.startswith("model for ")]
    studies = re.search(r"^(\d+) stud", out, re.MULTILINE)
    return {
        "cpu_s": round(cpu, 1),
        "wall_s": round(wall, 1),
        "studies": int(studies.group(1)) if studies else 0,
        "models": models,
    }


def confirm_first_model(project: Path, timeout: float = 900.0) -> dict:
    """The confirm screen on a copy of the project: seconds (CPU of the process, and wall)
    from its start to the first model its trainer publishes."""
    from reviewkit.project import open_project
    from reviewkit.reports.studies import included_reports
    from reviewkit.tui.app import ReviewkitApp
    from reviewkit.tui.classify import ConfirmScreen

    with tempfile.TemporaryDirectory(prefix="confirm-speed-") as tmp:
        proj = open_project(_copy(project, Path(tmp)))
        try:
            proto = proj.protocol
            scheme_id = proto.report.scheme if proto.report else next(iter(proto.schemes))
            ids = included_reports(proj)
            out: dict = {"scheme": scheme_id, "studies": len(ids)}

            async def scenario() -> None:
                cpu0, wall0 = time.process_time(), time.perf_counter()
                app = ReviewkitApp(ConfirmScreen(proj, scheme_id, ids, "bench"), keymap={})
                async with app.run_test(size=(120, 40)) as pilot:
                    await pilot.pause()
                    screen = app.screen
                    out["first_line"] = screen.model_status()
                    while screen.trainer.version == 0 and time.perf_counter() - wall0 < timeout:
                        await pilot.pause(0.05)
                    out["cpu_s"] = round(time.process_time() - cpu0, 1)
                    out["wall_s"] = round(time.perf_counter() - wall0, 1)
                    out["model_line"] = screen.model_status()
                    await pilot.press("q")

            asyncio.run(scenario())
        finally:
            proj.close()
    return out


def run() -> dict:
    """Both measurements on the demo project, each in a fresh process, as a user starts them
    (in the benchmark's own process, after Review B's runs, the screen's first model took 43 s
    of CPU against 5 s in a fresh one; the cause there was not traced)."""
    project = demo_project()
    child = [sys.executable, "-m", "benchmarks.classify_speed", str(project)]
    confirm = subprocess.run(child, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return {
        "project": str(project.relative_to(ROOT)) if project.is_relative_to(ROOT) else project.name,
        "classify": classify_cpu(project),
        "confirm": json.loads(confirm.strip().splitlines()[-1]),
    }


def markdown(speed: dict) -> list[str]:
    """The section of classify.md."""
    c, s = speed["classify"], speed["confirm"]
    return [
        "## Speed on the demo project",
        "",
        f"`{speed['project']}` (`make demo`): {c['studies']} included studies; each run on a copy."
        " CPU is what the machine's load does not inflate; wall time is given beside it.",
        "",
        "| measurement | CPU s | wall s | what |",
        "|---|---|---|---|",
        f"| `reviewkit classify` | {c['cpu_s']} | {c['wall_s']} | " + "; ".join(c["models"]) + " |",
        f"| confirm screen, start to first model | {s['cpu_s']} | {s['wall_s']} | "
        f"{s['studies']} studies, scheme {s['scheme']}; at start: '{s['first_line']}'; "
        f"then: '{s['model_line']}' |",
        "",
        "Before the fix (commit 8371039, same project, 2 cores at load about 8): `reviewkit "
        "classify` 91 s CPU and 178 s wall, the confirm screen's first model 53 s CPU and "
        "131 s wall. The "
        "time went to 99 small L-BFGS fits (the model and leave-one-out, per scheme), whose vector "
        "operations OpenBLAS split over both cores, its threads spinning between them; the fits "
        "now run with one BLAS thread and give the same model. Task 25 (same project, load "
        "4-8): leave-one-out counts the words once and derives each round's weighting from "
        "its training rows, and each study's rules are scored once per run: `reviewkit "
        "classify` 10.0 -> about 7.0 s CPU, the confirm screen's first model 5.0 -> about "
        "3.8 s CPU (before = commit cb49210's code).",
        "",
    ]


if __name__ == "__main__":  # the confirm screen's measurement in a process of its own (run())
    print(json.dumps(confirm_first_model(Path(sys.argv[1]))))
