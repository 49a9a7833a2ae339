"""Screening TUI on a 50,000-record project: time to first screen, keypress-to-next-record latency.

The project is built once from the real PubMed snapshot (two NLM files, 50,788 article records; the
first 50,000 are kept) under ``benchmarks/.work/tui-project-nlm`` and reused. Each measurement
runs in a fresh process (``run_isolated``):

* time to first screen: from opening the project (protocol, database, canonical map, queue of
  50,000 studies) to the first record drawn by the app under Pilot; the spawn-to-screen wall
  time (Python start-up and imports included) is reported too;
* keypress latency: 500 decisions (include / uncertain / exclude with a reason number), each
  timed from the key press sent through Pilot to the moment the screen has painted the next
  record (the screen stamps ``shown_at`` in ``call_after_refresh``); the ``e`` press that opens
  an exclusion's reasons is timed the same way, to the reasons painted. Every decision is
  committed (synchronous=FULL) before the next record is shown. ``pilot.press()``'s own round
  trip is reported too: it adds Pilot's idle detection (two ``wait_for_idle`` sleeps), which an
  unbound key alone costs.
"""

from __future__ import annotations

import asyncio
import gzip
import itertools
import json
import os
import shutil
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.measure import run_isolated
from benchmarks.tui_report import write_markdown

if TYPE_CHECKING:
    from reviewkit.records import Record

HERE = Path(__file__).resolve().parent
# '-nlm': built from the files in NLM's order (pubfid12); the projects built before, of the
# update file first, stay in the shared cache for the branches that read them so
WORK = HERE / ".work" / "tui-project-nlm"
N_RECORDS = 50_000
N_DECISIONS = 500
SMALL_RECORDS = 3_000  # a review's size (Review B screened a few thousand): the first record's wait
SMALL = WORK.parent / "tui-project-small-nlm"
PROTOCOL = HERE.parent / "protocols" / "work-health-collaboration.toml"


def built_before(folder: Path, records: int) -> bool:
    """Whether ``folder`` holds a project of ``records`` records from an earlier run (reused);
    if not, whatever is there is removed so the caller builds it afresh. Read without opening
    it as a project, which would migrate it: the built project is shared by every checkout's
    runs (``.work``), and one migrated by newer code is refused by older code and by code
    whose migration of that number differs; each run migrates its own copy."""
    import sqlite3

    path = folder / "review.sqlite"
    if path.exists():
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            count = conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        except sqlite3.DatabaseError:
            count = None
        finally:
            conn.close()
        if count == records:
            return True
    shutil.rmtree(folder, ignore_errors=True)
    return False


def snapshot_records() -> Iterator[Record]:
    """The PubMed snapshot's records as an import reads them, its files in NLM's order (the
    2020 baseline chunk, then the 2021 update file: offline_data.pubmed_snapshot_files)."""
    from reviewkit.formats import pubmed_xml
    from reviewkit.offline_data import pubmed_snapshot_files

    for f in pubmed_snapshot_files():
        opener = gzip.open if str(f).endswith(".gz") else open
        with opener(f, "rb") as fh:
            yield from pubmed_xml.read(fh, str(f), source="PubMed")


def build_project(folder: Path = WORK, records: int = N_RECORDS) -> Path:
    """A project with the first ``records`` records of the PubMed snapshot (built once)."""
    from reviewkit.project import init_project
    from reviewkit.store import records as record_rows

    if built_before(folder, records):
        return folder
    project = init_project(folder, PROTOCOL)
    db = project.db
    with db.transaction():
        import_id = record_rows.add_import(
            db, source="PubMed", path="pubmed-snapshot", fmt="pubmed-xml", sha256="bench-tui"
        )
        chosen = itertools.islice(snapshot_records(), records)
        ids = record_rows.add_records(db, chosen, import_id=import_id)
        record_rows.finish_import(db, import_id, len(ids))
    project.close()
    return folder


def reset_decisions(folder: Path) -> Path:
    """A copy of the project without decisions, so that every run screens the same queue.

    The copy is flushed to disk first: otherwise the first WAL checkpoint of the run (after
    about 190 decisions) pays for writing out the whole freshly copied file, which no project
    in use has waiting.
    """
    # one copy per process: .work is shared by every checkout, and two runs at once (a probe
    # in one worktree, the benchmark in another) removed each other's copy mid-run
    copy = folder.parent / f"tui-run-{os.getpid()}"
    for left in folder.parent.glob("tui-run-*"):  # left by a run that was killed
        pid = left.name.removeprefix("tui-run-")
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(left, ignore_errors=True)
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir()
    for name in ("protocol.toml", "review.sqlite"):
        shutil.copyfile(folder / name, copy / name)
    _keep_notices(copy / "review.sqlite")
    for name in ("protocol.toml", "review.sqlite"):
        with open(copy / name, "rb+") as fh:
            os.fsync(fh.fileno())
    return copy


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _keep_notices(path: Path) -> None:
    """The notices about the records found and kept, as an import keeps them: the project is
    built by storing records directly, and otherwise the screen's start finds them in the
    background (once per rules, after an upgrade), its write holding the lock while the first
    keys are timed. Checkpointed, so the run's first checkpoint does not pay for it."""
    import sqlite3

    from reviewkit.dedup.concerns_kept import keep_project_concerns_at

    keep_project_concerns_at(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def first_screen(folder: str) -> dict:
    """Seconds from opening the project to the first record drawn (in this process)."""
    started = time.perf_counter()
    from reviewkit.project import open_project
    from reviewkit.screening import ReviewerQueue
    from reviewkit.tui.app import ReviewkitApp
    from reviewkit.tui.screening import ScreeningScreen

    imported = time.perf_counter()
    result: dict = {}

    async def go() -> None:
        project = open_project(folder)
        queue = ReviewerQueue(project, "title-abstract", "reviewer1")
        queued = time.perf_counter()
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=(110, 35)) as pilot:
            await pilot.pause()
            assert app.first_screen.current is not None
            result["queue_s"] = queued - imported
            result["first_screen_s"] = time.perf_counter() - imported
            result["queue_length"] = len(queue.studies)
        project.close()

    asyncio.run(go())
    result["imports_s"] = imported - started
    return result


def first_record_ranked(folder: str) -> dict:
    """As ``reviewkit screen`` runs by default (the ranker in a process of its own): seconds
    from opening the project to the first screen drawn (it says 'ordering…') and to the first
    record, the ranked order's first pick (the protocol's cold-start order), in this process."""
    started = time.perf_counter()
    from reviewkit.project import open_project
    from reviewkit.ranking.queue import QueueRanker
    from reviewkit.screening import ReviewerQueue
    from reviewkit.tui.app import ReviewkitApp
    from reviewkit.tui.screening import ScreeningScreen

    imported = time.perf_counter()
    result: dict = {"imports_s": imported - started}

    async def go() -> None:
        project = open_project(folder)
        queue = ReviewerQueue(project, "title-abstract", "reviewer1")
        seeded_first = queue.studies[0]
        ranking = QueueRanker(queue)
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(110, 35)) as pilot:
            await pilot.pause()
            screen = app.first_screen
            # painted (the screen stamps shown_at after its first refresh); the pause returns
            # later, once the ranker's process has been started as well
            result["first_screen_s"] = screen.shown_at - imported
            result["first_screen_pause_s"] = time.perf_counter() - imported
            result["ordering_shown"] = screen.ordering
            while screen.ordering and time.perf_counter() - imported < 900:
                await pilot.pause(0.05)
            result["first_record_s"] = time.perf_counter() - imported
            result["source"] = ranking.status().source
            result["first_is_seeded_first"] = screen.current == seeded_first
        ranking.close()
        project.close()

    asyncio.run(go())
    return result


def first_record_resumed(folder: str, votes: int = 5) -> dict:
    """A session resumed with the ready rule met (reviewer1's ``votes`` includes and ``votes``
    excludes, the seeded order's first records, in the log): seconds from opening the project
    to the first record, the model's first pick, which waits for the features (words, word
    pairs, TF-IDF) and the first fit; and the CPU of the ranking process up to then. The
    words come from the project's file (reviewkit.ranking.token_cache) when an earlier session
    on ``folder`` left it (:func:`reopened_twice`); ``votes`` 0 makes no new votes."""
    import resource

    from reviewkit.project import open_project
    from reviewkit.ranking.queue import QueueRanker
    from reviewkit.screening import ReviewerQueue
    from reviewkit.tui.app import ReviewkitApp
    from reviewkit.tui.screening import ScreeningScreen

    project = open_project(folder)
    queue = ReviewerQueue(project, "title-abstract", "reviewer1")
    for k, study in enumerate(queue.studies[: 2 * votes]):
        queue.decide(study, "include" if k < votes else "exclude")
    project.close()
    result: dict = {}

    async def go() -> None:
        started = time.perf_counter()
        project = open_project(folder)
        queue = ReviewerQueue(project, "title-abstract", "reviewer1")
        ranking = QueueRanker(queue)
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(110, 35)) as pilot:
            screen = app.first_screen
            while screen.ordering and time.perf_counter() - started < 900:
                await pilot.pause(0.05)
            result["first_record_s"] = time.perf_counter() - started
            result["source"] = ranking.status().source
            ranking.close()  # the ranking process ends here: its CPU is counted below
        project.close()

    asyncio.run(go())
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["ranking_cpu_s"] = children.ru_utime + children.ru_stime
    return result


def reopened_twice(folder: Path) -> tuple[dict, dict]:
    """:func:`first_record_resumed` on a fresh copy of ``folder`` without the words kept (the
    first session after an import), then reopened on the same copy (the words that session
    kept are read, no new votes): ``(no_file, kept)``."""
    run = reset_decisions(folder)
    try:
        _, _, no_file = run_isolated(first_record_resumed, str(run))
        _, _, kept = run_isolated(first_record_resumed, str(run), 0)
    finally:
        shutil.rmtree(run, ignore_errors=True)
    return no_file, kept


def live_changes(folder: str, partner_votes: int = 20_000) -> dict:
    """The screen's timed look for others' changes (every ScreeningScreen.CHANGES_S): what it
    costs when nothing changed, when only my own entries were made (the entries are counted
    then), and the queue's rebuild once a partner's ``partner_votes`` votes are in."""
    from reviewkit.project import open_project
    from reviewkit.screening import ReviewerQueue
    from reviewkit.store import decisions as decision_rows
    from reviewkit.store.decisions import Decision

    project = open_project(folder)
    queue = ReviewerQueue(project, "title-abstract", "reviewer1")

    def timed(call, n: int) -> float:
        samples = []
        for _ in range(n):
            t0 = time.perf_counter()
            assert call() is None
            samples.append(time.perf_counter() - t0)
        return statistics.median(samples) * 1e6

    studies = sorted(queue.studies)
    rows = [Decision(s, "title-abstract", "reviewer2", "include") for s in studies[:partner_votes]]
    decision_rows.add_decisions(project.db, rows)
    queue.refresh()  # taken, so that the looks below find nothing new
    result = {
        "partner_votes": partner_votes,
        "key_look_us": timed(lambda: queue.refresh(decisions=False), 1000),
        "idle_look_us": timed(queue.refresh, 1000),
    }
    own = []
    for study in queue.studies[:20]:  # my own vote: the entries are counted, nothing rebuilt
        queue.decide(study, "include")
        t0 = time.perf_counter()
        assert queue.refresh() is None
        own.append(time.perf_counter() - t0)
    result["look_after_my_vote_ms"] = statistics.median(own) * 1000
    decision_rows.add_decisions(
        project.db, [Decision(studies[-1], "title-abstract", "reviewer2", "exclude")]
    )
    t0 = time.perf_counter()
    assert queue.refresh() is not None
    result["rebuild_after_partner_vote_s"] = time.perf_counter() - t0
    project.close()
    return result


def keypress_latency(folder: str, n: int = N_DECISIONS, rank: bool = False) -> dict:
    """Per-decision latency (key press to next record on screen) over n decisions, ms; and
    the ``e`` press before every third (an exclusion), from the key to the reasons painted
    (``open_reasons_*``), which a reviewer waits on too.

    With ``rank`` the reviewer's ranker runs as ``reviewkit screen`` runs it by default:
    features built and the model retrained in a process of its own (``QueueRanker``'s
    ``isolate``); this process's listener thread receives each order.
    """
    from reviewkit.project import open_project
    from reviewkit.ranking.queue import QueueRanker
    from reviewkit.screening import ReviewerQueue
    from reviewkit.tui.app import ReviewkitApp
    from reviewkit.tui.screening import ScreeningScreen

    started = time.perf_counter()
    samples: list[float] = []  # key sent -> next record painted
    opens: list[float] = []  # e sent -> the reasons painted (every third decision)
    roundtrips: list[float] = []  # pilot.press() round trip, including Pilot's own idle waits
    cpu: list[float] = []  # process CPU time from the key to the paint (this process only)
    result: dict = {}

    async def go() -> None:
        project = open_project(folder)
        queue = ReviewerQueue(project, "title-abstract", "reviewer1")
        ranking = QueueRanker(queue) if rank else None
        app = ReviewkitApp(_reasons_stamped(ScreeningScreen)(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(110, 35)) as pilot:
            screen = app.first_screen
            while screen.ordering:  # with the ranker: no record before its first order
                await pilot.pause(0.05)
            result["first_order_s"] = time.perf_counter() - started
            for i in range(n):
                before = screen.current
                kind = i % 3
                if kind == 2:  # choosing 'exclude' opens the reasons: timed as a key of its own
                    t0 = time.perf_counter()
                    await pilot.press("e")
                    assert screen.excluding
                    if screen.shown_at < t0:  # not painted yet: wait for the next refresh
                        await pilot.pause()
                    opens.append((screen.shown_at - t0) * 1000)
                key = ("i", "u", str(1 + i % 7))[kind]
                t0, c0 = time.perf_counter(), time.process_time()
                await pilot.press(key)
                roundtrips.append((time.perf_counter() - t0) * 1000)
                assert screen.current != before and screen.last_committed is not None
                if screen.shown_at < t0:  # not painted yet: wait for the next refresh
                    await pilot.pause()
                samples.append((screen.shown_at - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            assert screen.queue.done == n
            result["rank_source"] = ranking.status().describe() if ranking else "off"
        if ranking is not None:
            ranking.close()
        project.close()

    asyncio.run(go())
    ordered = sorted(samples)
    return {
        **result,
        "decisions": n,
        "median_ms": statistics.median(ordered),
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))],
        "max_ms": ordered[-1],
        "max_at": samples.index(ordered[-1]) + 1,  # which decision (1-based) was the slowest
        "over_100ms": sum(1 for x in samples if x > 100),
        "mean_ms": statistics.fmean(ordered),
        **_spread("open_reasons_", opens),
        "cpu_median_ms": statistics.median(cpu),
        "cpu_p95_ms": sorted(cpu)[int(0.95 * (len(cpu) - 1))],
        "pilot_roundtrip_median_ms": statistics.median(roundtrips),
        "pilot_roundtrip_p95_ms": sorted(roundtrips)[int(0.95 * (len(roundtrips) - 1))],
    }


def _reasons_stamped(screen_class: type) -> type:
    """``screen_class`` (the screening screen) stamping ``shown_at`` also when the reasons that
    ``e`` opens are painted, as it stamps the next record painted after a decision: so the
    ``e`` press is timed as the decision keys are (to the first refresh after the key). The
    footer's greying of the keys the reasons turn off is in the figure: ``excluding`` asks the
    footer for it (``refresh_bindings``) before this stamp is asked for, and both run after the
    refresh that draws the reasons, the footer's first (traced: results/tui-notes.md). The
    screen's own code runs unchanged."""

    class ReasonsStamped(screen_class):  # type: ignore[misc, valid-type]
        def action_start_exclude(self) -> None:
            super().action_start_exclude()
            self.call_after_refresh(self._painted)

    return ReasonsStamped


def _spread(prefix: str, samples: list[float]) -> dict:
    """Median, p95, max and how many over 100 ms of ``samples`` (ms), named after ``prefix``."""
    ordered = sorted(samples)
    return {
        f"{prefix}presses": len(ordered),
        f"{prefix}median_ms": statistics.median(ordered),
        f"{prefix}p95_ms": ordered[int(0.95 * (len(ordered) - 1))],
        f"{prefix}max_ms": ordered[-1],
        f"{prefix}over_100ms": sum(1 for x in ordered if x > 100),
    }


def resumed(out: Path) -> dict:
    """:func:`first_record_resumed` on the 50,000- and the 3,000-record project, written to
    ``out`` (run once on each code to compare: results/tui-word-pairs.json)."""
    import reviewkit

    figures: dict = {"reviewkit": str(Path(reviewkit.__file__).parent)}
    for name, folder, n in (("50000", WORK, N_RECORDS), ("3000", SMALL, SMALL_RECORDS)):
        load = os.getloadavg()[0]
        no_file, kept = reopened_twice(build_project(folder, n))
        figures[name] = {"no_file": no_file, "kept": kept, "load": round(load, 2)}
        print(name, figures[name], flush=True)
    out.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    return figures


def on_a_fresh_copy(folder: Path, measure, *args) -> tuple:
    """``run_isolated(measure, ...)`` on :func:`reset_decisions`'s copy, removed after."""
    run = reset_decisions(folder)
    try:
        return run_isolated(measure, str(run), *args)
    finally:
        shutil.rmtree(run, ignore_errors=True)


def keypress_figures(latency: dict, prefix: str = "") -> dict:
    """The keypress figures of one :func:`keypress_latency` run, their names after ``prefix``."""
    return {
        f"{prefix}keypress_median_ms": round(latency["median_ms"], 2),
        f"{prefix}keypress_p95_ms": round(latency["p95_ms"], 2),
        f"{prefix}keypress_max_ms": round(latency["max_ms"], 2),
        f"{prefix}keypress_max_at": latency["max_at"],
        f"{prefix}keypress_over_100ms": latency["over_100ms"],
        # the e press before each exclusion's reason key (a key of its own, not a decision)
        f"{prefix}open_reasons_presses": latency["open_reasons_presses"],
        f"{prefix}open_reasons_median_ms": round(latency["open_reasons_median_ms"], 2),
        f"{prefix}open_reasons_p95_ms": round(latency["open_reasons_p95_ms"], 2),
        f"{prefix}open_reasons_max_ms": round(latency["open_reasons_max_ms"], 2),
        f"{prefix}open_reasons_over_100ms": latency["open_reasons_over_100ms"],
    }


def ranked_figures(ranked: dict, rss: float, pick: dict, small_pick: dict) -> dict:
    """The figures of the ranked queue: its keypresses, its first screen, and a small project's."""
    return {
        **keypress_figures(ranked, "ranked_"),
        "ranked_rank_source_at_end": ranked["rank_source"],
        "ranked_keys_from_s": round(ranked["first_order_s"], 1),
        "ranked_peak_rss_mb": round(rss, 1),
        "ranked_first_screen_s": round(pick["first_screen_s"], 3),
        "ranked_first_screen_pause_s": round(pick["first_screen_pause_s"], 3),
        "ranked_first_record_s": round(pick["first_record_s"], 2),
        "ranked_first_record_source": pick["source"],
        "ranked_first_is_seeded_first": pick["first_is_seeded_first"],
        "small_records": SMALL_RECORDS,
        "small_ranked_first_screen_s": round(small_pick["first_screen_s"], 3),
        "small_ranked_first_record_s": round(small_pick["first_record_s"], 2),
        "small_ranked_first_record_source": small_pick["source"],
    }


def resumed_and_live_figures(reopened: dict, reopened_kept: dict, live: dict) -> dict:
    """The figures of a reopened project (ranking kept or not) and of a partner's live votes."""
    return {
        "resumed_first_record_s": round(reopened["first_record_s"], 2),
        "resumed_first_record_source": reopened["source"],
        "resumed_ranking_cpu_s": round(reopened["ranking_cpu_s"], 2),
        "resumed_kept_first_record_s": round(reopened_kept["first_record_s"], 2),
        "resumed_kept_first_record_source": reopened_kept["source"],
        "resumed_kept_ranking_cpu_s": round(reopened_kept["ranking_cpu_s"], 2),
        "live_partner_votes": live["partner_votes"],
        "live_key_look_us": round(live["key_look_us"], 1),
        "live_idle_look_us": round(live["idle_look_us"], 1),
        "live_look_after_my_vote_ms": round(live["look_after_my_vote_ms"], 2),
        "live_rebuild_after_partner_vote_s": round(live["rebuild_after_partner_vote_s"], 2),
    }


def main(results_dir: Path, dedup: bool = True) -> dict:
    """Every measure; ``dedup`` False keeps the duplicate review section from its last run."""
    t0 = time.perf_counter()
    folder = build_project()
    build_s = time.perf_counter() - t0
    run = reset_decisions(folder)
    load_before = os.getloadavg()[0]
    wall, rss, first = run_isolated(first_screen, str(run))
    _, rss2, latency = run_isolated(keypress_latency, str(run))
    shutil.rmtree(run, ignore_errors=True)
    _, rss3, ranked = on_a_fresh_copy(folder, keypress_latency, N_DECISIONS, True)
    _, _, pick = on_a_fresh_copy(folder, first_record_ranked)
    small = build_project(SMALL, SMALL_RECORDS)
    _, _, small_pick = on_a_fresh_copy(small, first_record_ranked)
    _, _, live = on_a_fresh_copy(folder, live_changes)
    reopened, reopened_kept = reopened_twice(folder)
    figures = {
        "records": N_RECORDS,
        "project_build_s": round(build_s, 1),
        "time_to_first_screen_s": round(first["first_screen_s"], 3),
        "queue_build_s": round(first["queue_s"], 3),
        "imports_s": round(first["imports_s"], 3),
        "spawn_to_first_screen_wall_s": round(wall, 3),
        "first_screen_peak_rss_mb": round(rss, 1),
        **keypress_figures(latency),
        "keypress_mean_ms": round(latency["mean_ms"], 2),
        "decisions": latency["decisions"],
        "keypress_cpu_median_ms": round(latency["cpu_median_ms"], 2),
        "keypress_cpu_p95_ms": round(latency["cpu_p95_ms"], 2),
        "load_average_1min_before": round(load_before, 2),
        "cores": os.cpu_count(),
        "pilot_roundtrip_median_ms": round(latency["pilot_roundtrip_median_ms"], 2),
        "pilot_roundtrip_p95_ms": round(latency["pilot_roundtrip_p95_ms"], 2),
        "latency_peak_rss_mb": round(rss2, 1),
        **ranked_figures(ranked, rss3, pick, small_pick),
        **resumed_and_live_figures(reopened, reopened_kept, live),
        "targets": {"time_to_first_screen_s": 1.5, "keypress_p95_ms": 50},
    }
    figures["meets_targets"] = (
        figures["time_to_first_screen_s"] < 1.5
        and figures["ranked_first_screen_s"] < 1.5
        and figures["keypress_p95_ms"] < 50
        and figures["ranked_keypress_p95_ms"] < 50
    )
    write_markdown(results_dir / "tui.md", figures)
    from benchmarks.tui_dedup import dedup_main, write_dedup_section

    if dedup:
        dedup_main(results_dir)
    write_dedup_section(results_dir)
    return figures


if __name__ == "__main__":
    import sys

    from benchmarks.tui_dedup import dedup_main, write_dedup_section

    out = HERE / "results"
    if sys.argv[1:] == ["screening"]:  # the screening measures; the dedup section kept
        figures = main(out, dedup=False)
        (out / "tui.json").write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    if sys.argv[1:] == ["dedup"]:
        dedup_main(out)
        write_dedup_section(out)
    if sys.argv[1:2] == ["resumed"]:  # the reopened session's first pick, to OUT.json
        resumed(Path(sys.argv[2]))
    if sys.argv[1:] in (["screening"], ["dedup"]):
        print((out / "tui.md").read_text(encoding="utf-8"))
