"""What watching for a search rerun costs the screening screen, on the 50,000-record project.

``nice -n 10 .venv/bin/python -m benchmarks.tui_rerun`` — the project of
:mod:`benchmarks.bench_tui` (the first 50,000 articles of the real PubMed snapshot), each
measurement in a fresh process:

* the look for changes (:meth:`ReviewerQueue.refresh` when nothing changed: a record count and
  the newest duplicate link), per call;
* keypress → next record over 300 decisions with the look (twice per decision: before the vote
  and before moving on) and with it switched off, alternated in the same run;
* a rerun while the screen is open: the next 12 articles of the snapshot stored as a search
  would store them, then ``j``: key to the next record painted with the 12 in the queue; and
  with the ranker on (its own process), from that key until the new set is ranked.

Writes ``benchmarks/results/tui_rerun.json`` and a section of ``tui_rerun.md``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import shutil
import statistics
import time
from pathlib import Path

from benchmarks.bench_tui import build_project, keypress_latency, snapshot_records
from benchmarks.measure import load_note, run_isolated

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work" / "tui-project-scr23-nlm"  # built here: other branches may build theirs
RUN = HERE / ".work" / "tui-run-rerun"
N_NEW = 12
N_DECISIONS = 300


def fresh_copy(folder: Path) -> Path:
    shutil.rmtree(RUN, ignore_errors=True)
    RUN.mkdir(parents=True)
    for name in ("protocol.toml", "review.sqlite"):
        shutil.copyfile(folder / name, RUN / name)
    return RUN


def look_cost(folder: str, n: int = 2000) -> dict:
    """Microseconds per :meth:`ReviewerQueue.refresh` that finds nothing new."""
    from reviewkit.project import open_project
    from reviewkit.screening import ReviewerQueue

    project = open_project(folder)
    queue = ReviewerQueue(project, "title-abstract", "reviewer1")
    samples = []
    for _ in range(n):
        t0 = time.perf_counter()
        assert queue.refresh() is None
        samples.append((time.perf_counter() - t0) * 1e6)
    project.close()
    samples.sort()
    return {"median_us": statistics.median(samples), "p95_us": samples[int(0.95 * (n - 1))]}


def latency(folder: str, look: bool) -> dict:
    """bench_tui's keypress latency, with the look for changes on or off."""
    if not look:
        from reviewkit.screening import ReviewerQueue

        ReviewerQueue.refresh = lambda self: None  # type: ignore[method-assign]
    return keypress_latency(folder, N_DECISIONS)


def next_articles(n: int):
    """The snapshot's articles after the project's 50,000: what a rerun would bring."""
    return list(itertools.islice(snapshot_records(), 50_000, 50_000 + n))


def rerun_while_open(folder: str, rank: bool) -> dict:
    """Key → next record painted when a rerun's records arrived; with ``rank``, until ranked."""
    from reviewkit.project import open_project
    from reviewkit.ranking.queue import QueueRanker
    from reviewkit.screening import ReviewerQueue
    from reviewkit.store import records as record_rows
    from reviewkit.tui.app import ReviewkitApp
    from reviewkit.tui.screening import ScreeningScreen

    new = next_articles(N_NEW)
    result: dict = {}

    async def go() -> None:
        project = open_project(folder)
        queue = ReviewerQueue(project, "title-abstract", "reviewer1")
        ranking = QueueRanker(queue) if rank else None
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(110, 35)) as pilot:
            screen = app.first_screen
            for i in range(12):  # a model: 6 includes, 6 excludes
                await pilot.press(*(["i"] if i % 2 else ["e", "1"]))
            if ranking is not None:
                assert ranking.wait_idle(300)
            before = len(queue.studies)
            db = project.db
            with db.transaction():  # what a search run stores
                run = record_rows.add_import(
                    db, source="PubMed", path="rerun", fmt="pubmed-xml", sha256="bench-rerun"
                )
                record_rows.add_records(db, new, import_id=run)
                record_rows.finish_import(db, run, len(new))
            t0 = time.perf_counter()
            await pilot.press("j")
            if screen.shown_at < t0:
                await pilot.pause()
            result["key_to_screen_ms"] = (screen.shown_at - t0) * 1000
            result["added"] = len(queue.studies) - before
            if ranking is not None:
                assert ranking.wait_idle(600)
                result["key_to_ranked_s"] = time.perf_counter() - t0
                result["order"] = ranking.status().describe()
                ranking.close()
        project.close()

    asyncio.run(go())
    return result


def main() -> dict:
    folder = build_project(WORK)
    load = os.getloadavg()[0]
    _, _, look = run_isolated(look_cost, str(fresh_copy(folder)))
    runs: dict[str, list[dict]] = {"on": [], "off": []}
    for _ in range(2):
        for mode in ("off", "on"):
            _, _, r = run_isolated(latency, str(fresh_copy(folder)), mode == "on")
            runs[mode].append(r)
    _, _, plain = run_isolated(rerun_while_open, str(fresh_copy(folder)), False)
    _, _, ranked = run_isolated(rerun_while_open, str(fresh_copy(folder)), True)
    shutil.rmtree(RUN, ignore_errors=True)
    figures = {
        "records": 50_000,
        "look_median_us": round(look["median_us"], 1),
        "look_p95_us": round(look["p95_us"], 1),
        "decisions_per_run": N_DECISIONS,
        "keypress": {
            mode: [
                {k: round(r[k], 2) for k in ("median_ms", "p95_ms", "cpu_median_ms", "cpu_p95_ms")}
                for r in rs
            ]
            for mode, rs in runs.items()
        },
        "rerun_new_records": N_NEW,
        "rerun_key_to_screen_ms": round(plain["key_to_screen_ms"], 1),
        "rerun_added": plain["added"],
        "rerun_ranked_key_to_screen_ms": round(ranked["key_to_screen_ms"], 1),
        "rerun_key_to_ranked_s": round(ranked["key_to_ranked_s"], 1),
        "rerun_order_after": ranked["order"],
        "load_average_1min_before": round(load, 2),
        "cores": os.cpu_count(),
    }
    out = HERE / "results"
    (out / "tui_rerun.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    write_markdown(out / "tui_rerun.md", figures)
    return figures


def write_markdown(path: Path, f: dict) -> None:
    def pair(mode: str, key: str) -> str:
        return " / ".join(f"{r[key]:.1f}" for r in f["keypress"][mode])

    lines = [
        "# Screening screen: watching for a search rerun",
        "",
        "`nice -n 10 .venv/bin/python -m benchmarks.tui_rerun` — the 50,000-record project of "
        "`benchmarks.bench_tui` (real PubMed snapshot, Review B protocol, reviewer1, "
        "title-abstract), headless under Pilot (110x35), each measurement in a fresh process.",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| the look for changes when nothing changed (record count + newest link), median / p95 "
        f"| {f['look_median_us']:.0f} / {f['look_p95_us']:.0f} µs |",
        f"| keypress → next record, median ms, look off (two runs of {f['decisions_per_run']}) "
        f"| {pair('off', 'median_ms')} |",
        f"| keypress → next record, median ms, look on (two per decision) | {pair('on', 'median_ms')} |",
        f"| keypress → next record, p95 ms, look off / on | {pair('off', 'p95_ms')} · {pair('on', 'p95_ms')} |",
        f"| CPU per keypress, median ms, look off / on | {pair('off', 'cpu_median_ms')} · "
        f"{pair('on', 'cpu_median_ms')} |",
        f"| {f['rerun_new_records']} new records stored while open: `j` → next record painted, "
        f"ranker off · on | {f['rerun_key_to_screen_ms']:.0f} · "
        f"{f['rerun_ranked_key_to_screen_ms']:.0f} ms ({f['rerun_added']} added to the queue) |",
        f"| … and until the ranker (its own process) has ranked the new set "
        f"| {f['rerun_key_to_ranked_s']:.1f} s |",
        f"| order line after that | {f['rerun_order_after']} |",
        "",
        f"Machine: {f['cores']} cores, 1-minute load average {f['load_average_1min_before']} "
        f"when the run started ({load_note(f['load_average_1min_before'])}).",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
