"""Duplicate review screen (``reviewkit dedup review``) on a large review: the time from each
key (s same, d different, z undo, j skip) to the next pair shown, and how many whole cluster maps
and link-table reads each key costs. Run by ``bench_tui`` (its ``main``) or alone:
``python -m benchmarks.bench_tui dedup``."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import time
from pathlib import Path

from benchmarks.bench_tui import HERE, PROTOCOL, built_before, reset_decisions
from benchmarks.measure import load_note, run_isolated

# --- duplicate review (``reviewkit dedup review``) on a large review --------------------------

DEDUP_WORK = HERE / ".work" / "tui-dedup-project"
DEDUP_RECORDS = 50_000
DEDUP_MERGED = 3_000  # duplicate links (clusters of two records)
DEDUP_QUEUE = 500  # uncertain pairs waiting for a person
DEDUP_SCREENED = 2_000  # records screened by two reviewers (none of them in a queued pair)
# before screening (the usual time for dedup) and once screening has started
DEDUP_CASES = {"unscreened": 0, "partly screened": DEDUP_SCREENED}
DEDUP_ROUNDS = 20  # each round presses s, z, d, z, j once
# j skips (as it goes on on every screen); k goes back to the pair skipped last since ux39,
# so the runs before it, which pressed k to skip, are read with their "k" as "j" (_as_now)
DEDUP_KEYS = ("s", "z", "d", "j")


def build_dedup_project(screened: int, folder: Path = DEDUP_WORK) -> Path:
    """50,000 generated records, 3,000 merged pairs, 500 queued pairs, ``screened`` records
    screened by two reviewers.

    Generated rather than imported: the dedup screen's cost grows with the records (every
    cluster map reads all ids), the links and the decisions, not with the text of a record.
    """
    from reviewkit.project import init_project
    from reviewkit.records import Record
    from reviewkit.store import decisions as decision_rows
    from reviewkit.store import duplicates as links
    from reviewkit.store import records as record_rows

    folder = folder.with_name(f"{folder.name}-{screened}")
    if built_before(folder, DEDUP_RECORDS):
        return folder
    project = init_project(folder, PROTOCOL)
    db = project.db
    recs = (
        Record(
            title=f"Generated study {i} of return to work after sick leave",
            authors=[f"Author{i % 997}, A"],
            year=1990 + i % 35,
            journal=f"Journal {i % 300}",
            source="PubMed",
            origin="bench-dedup",
            position=i + 1,
        )
        for i in range(DEDUP_RECORDS)
    )
    with db.transaction():
        import_id = record_rows.add_import(
            db, source="PubMed", path="generated", fmt="pubmed-xml", sha256="bench-tui-dedup"
        )
        ids = record_rows.add_records(db, recs, import_id=import_id)
        record_rows.finish_import(db, import_id, len(ids))
        merged = [
            (ids[2 * k], ids[2 * k + 1], "duplicate", 0.99, "rule:doi_exact", "bench")
            for k in range(DEDUP_MERGED)
        ]
        base = 2 * DEDUP_MERGED
        queued = [
            (
                ids[base + 2 * k],
                ids[base + 2 * k + 1],
                "uncertain",
                0.9 - k / 2000,
                "rule:fuzzy",
                "b",
            )
            for k in range(DEDUP_QUEUE)
        ]
        links.add_links(db, merged + queued)
        first = base + 2 * DEDUP_QUEUE
        decision_rows.add_decisions(
            db,
            (
                decision_rows.Decision(ids[first + i], "title-abstract", who, "include")
                for i in range(screened)
                for who in ("reviewer1", "reviewer2")
            ),
        )
    project.close()
    return folder


def dedup_keys(folder: str, rounds: int = DEDUP_ROUNDS) -> dict:
    """Per key of the dedup review screen: ms from the key's action to the next pair shown,
    and how many cluster maps it built and link-table scans it made (median over rounds).

    ``s`` is pressed a second time when the screen asks to confirm a merge that changes
    screening (``presses``): the figure is what it takes to merge the pair. The actions are called on the mounted screen (headless app) so that the figure is the
    screen's own work; one press of each key through Pilot is timed at the end as well.
    """
    from reviewkit.project import open_project
    from reviewkit.store import duplicates as links
    from reviewkit.tui.app import ReviewkitApp
    from reviewkit.tui.dedup_review import DedupReviewScreen

    counts = {"builds": 0, "scans": 0}
    real_cluster, real_current = links.cluster_map, links.current_links

    def counted_cluster(*args, **kw):
        counts["builds"] += 1
        return real_cluster(*args, **kw)

    def counted_current(*args, **kw):
        counts["scans"] += 1
        return real_current(*args, **kw)

    links.cluster_map, links.current_links = counted_cluster, counted_current
    result: dict = {k: {"ms": [], "builds": [], "scans": [], "presses": []} for k in DEDUP_KEYS}

    async def go() -> None:
        project = open_project(folder)
        screen = DedupReviewScreen(project, "bench")
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=(110, 35)) as pilot:
            await pilot.pause()
            presses = {
                "s": lambda: screen.action_decide("duplicate"),
                "d": lambda: screen.action_decide("not_duplicate"),
                "z": screen.action_undo,
                "j": screen.action_skip,
            }
            for _ in range(rounds):
                for key in ("s", "z", "d", "z", "j"):
                    counts.update(builds=0, scans=0)
                    started = time.perf_counter()
                    presses[key]()
                    pressed = 1
                    if key == "s" and screen.confirming is not None:
                        presses[key]()
                        pressed = 2
                    result[key]["presses"].append(pressed)
                    result[key]["ms"].append((time.perf_counter() - started) * 1000)
                    result[key]["builds"].append(counts["builds"])
                    result[key]["scans"].append(counts["scans"])
            result["pilot_ms"] = {}
            for key in ("s", "z", "d", "z", "j"):
                started = time.perf_counter()
                await pilot.press(key)
                result["pilot_ms"][key] = (time.perf_counter() - started) * 1000
            result["queue_left"] = screen.queue_size
        project.close()

    asyncio.run(go())
    return {
        **{
            k: {m: statistics.median(v[m]) for m in ("ms", "builds", "scans", "presses")}
            | {"n": len(v["ms"])}
            for k, v in result.items()
            if k in DEDUP_KEYS
        },
        "pilot_ms": result["pilot_ms"],
        "queue_left": result["queue_left"],
    }


def dedup_main(results_dir: Path) -> dict:
    """Measure the dedup review keys on a fresh copy of each generated project."""
    figures: dict = {
        "records": DEDUP_RECORDS,
        "merged_pairs": DEDUP_MERGED,
        "queued_pairs": DEDUP_QUEUE,
        "load_average_1min_before": round(os.getloadavg()[0], 2),
        "cases": {},
    }
    for case, screened in DEDUP_CASES.items():
        run = reset_decisions(build_dedup_project(screened))
        _, rss, keys = run_isolated(dedup_keys, str(run))
        shutil.rmtree(run, ignore_errors=True)
        figures["cases"][case] = {"screened_records": screened, "peak_rss_mb": round(rss, 1)}
        figures["cases"][case].update(keys)
    (results_dir / "tui-dedup.json").write_text(json.dumps(figures, indent=2) + "\n")
    return figures


def _dedup_row(case: str, key: str, now_f: dict, before: dict | None) -> str:
    names = {"s": "s (same)", "d": "d (different)", "z": "z (undo)", "j": "j (skip)"}
    k = now_f["cases"][case][key]
    b = before["cases"][case][key] if before else None
    cells = [case, names[key] + (f", {k['presses']:.0f} presses" if k["presses"] > 1 else "")]
    for m, fmt in (("ms", "{:.0f}"), ("builds", "{:.0f}"), ("scans", "{:.0f}")):
        cells += [fmt.format(b[m]) if b else "", fmt.format(k[m])]
    if b and b["presses"] > 1:
        cells[2] += f" ({b['presses']:.0f} presses)"
    return "| " + " | ".join(cells) + " |"


def _as_now(figures: dict) -> dict:
    """A results file as this benchmark writes it now: a run before ux39 pressed k to skip
    (k goes back now), so its "k" figures, and its Pilot press of k, are the skip key's, j."""
    for case in figures["cases"].values():
        for table in (case, case.get("pilot_ms", {})):
            if "k" in table and "j" not in table:
                table["j"] = table.pop("k")
    return figures


def dedup_markdown(results_dir: Path) -> list[str]:
    """The dedup section of tui.md: this run against ``tui-dedup-before.json`` when present."""
    now_f = _as_now(json.loads((results_dir / "tui-dedup.json").read_text()))
    before_path = results_dir / "tui-dedup-before.json"
    before = _as_now(json.loads(before_path.read_text())) if before_path.exists() else None
    lines = [
        "## Duplicate review screen",
        "",
        f"`python -m benchmarks.bench_tui dedup` — {now_f['records']:,} generated records, "
        f"{now_f['merged_pairs']:,} merged pairs, {now_f['queued_pairs']} queued pairs; "
        f"unscreened, and partly screened ({DEDUP_SCREENED:,} records screened by two reviewers, "
        "none in a queued pair). Each key's action is called on the mounted screen (headless app), "
        "from the key to the next pair shown; medians over "
        f"{DEDUP_ROUNDS} rounds of s, z, d, z, j. Builds: whole cluster maps made; scans: reads "
        "of the current links table. Before: `tui-dedup-before.json`, the same benchmark on the "
        "code before this change.",
        "",
        "| project | key | ms before | ms | builds before | builds | scans before | scans |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    lines += [_dedup_row(c, k, now_f, before) for c in DEDUP_CASES for k in DEDUP_KEYS]
    lines.append("")
    for case in DEDUP_CASES:
        pilot = now_f["cases"][case]["pilot_ms"]
        was = before["cases"][case]["pilot_ms"] if before else None
        lines.append(
            f"- {case}: one press of each key through Pilot (`pilot.press`, its idle waits "
            "included): "
            + ", ".join(f"{k} {v:.0f} ms" for k, v in pilot.items())
            + (
                " (before: " + ", ".join(f"{k} {v:.0f} ms" for k, v in was.items()) + ")"
                if was
                else ""
            )
            + f"; peak RSS {now_f['cases'][case]['peak_rss_mb']:.0f} MB."
        )
    load = now_f["load_average_1min_before"]
    lines += ["", f"1-minute load average {load} when the run started ({load_note(load)})."]
    if before:  # the two runs are compared: say what the machine was doing for each
        was = before["load_average_1min_before"]
        lines.append(f"Before: load average {was} when its run started ({load_note(was)}).")
    lines.append("")
    return lines


def write_dedup_section(results_dir: Path) -> None:
    """Replace the dedup section of tui.md (or add it) with this run's figures."""
    path = results_dir / "tui.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    head = text.split("## Duplicate review screen")[0].rstrip("\n")
    path.write_text(head + "\n\n" + "\n".join(dedup_markdown(results_dir)), encoding="utf-8")
