"""What keeping the notices costs an import, on a 50,000-record project (issue 14).

``nice -n 10 .venv/bin/python -m benchmarks.notices_keep [LABEL]`` — the first 50,000
articles of the real PubMed snapshot (the project of :mod:`benchmarks.bench_tui`, built once
in ``.work/notices-keep-project-nlm``), each measurement in a fresh process on a fresh copy:

* the first find: :func:`~reviewkit.dedup.concerns_kept.keep_project_concerns` with nothing kept;
* then an import of the next 10 articles of the snapshot (stored as an import stores them)
  and :func:`keep_project_concerns` again, as ``import`` runs it: CPU seconds of that call;
* the same with 10 records of which one is a notice (an erratum about the project's first
  article, with the next 9 articles);
* then 5 further articles imported, and the find of a reader bringing them up to date during
  whose lookups another process imports 5 more and keeps its own (finishing before the
  reader's lookups end): CPU seconds of the reader alone (the other keep's own subtracted).

CPU seconds (process time), so that a loaded machine moves them little. ``LABEL`` (default
``after``) names the code measured; for ``before``, run it from a folder holding the earlier
``reviewkit`` (``python -m`` puts the current folder first) with this checkout after it on
``PYTHONPATH``, and before any newer code has migrated the built project. Writes
``results/notices-keep.json`` (one entry a label) and ``results/notices-keep.md``.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from benchmarks.bench_tui import build_project, snapshot_records
from benchmarks.measure import load_note, run_isolated

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work" / "notices-keep-project-nlm"  # the files in NLM's order
RUN = HERE / ".work" / "notices-keep-run"
N_RECORDS = 50_000
N_NEW = 10


def _next_records() -> tuple[list, list, list]:
    """The snapshot's next 10 articles after the project's, 9 of them with an erratum about
    the project's first article (the snapshot has no notice after its first 50,000), and the
    10 articles after those."""
    from reviewkit.dedup.follow_on import notice_about_a_paper
    from reviewkit.records import Record

    records = snapshot_records()
    first = next(records)
    after = itertools.islice(records, N_RECORDS - 1, N_RECORDS + 2000)
    plain = [r for r in after if not notice_about_a_paper(r)]
    articles, later = plain[:N_NEW], plain[N_NEW : 2 * N_NEW]
    notice = Record(title=f"Erratum to: {first.title}", year=first.year)
    return articles, [*articles[: N_NEW - 1], notice], later


def _timed_writes(held: list[tuple[float, float]]) -> None:
    """Time every outermost write transaction of this process (wall and CPU seconds from
    BEGIN IMMEDIATE to COMMIT: how long it holds the write lock) into ``held``."""
    from reviewkit.store.db import Store

    plain = Store.transaction

    @contextmanager
    def timed(self, *args, **kwargs):  # noqa: ANN001, ANN202 - wraps Store.transaction
        outermost = not self.conn.in_transaction
        wall, cpu = time.perf_counter(), time.process_time()
        with plain(self, *args, **kwargs) as conn:
            yield conn
        if outermost:
            held.append((time.perf_counter() - wall, time.process_time() - cpu))

    Store.transaction = timed  # type: ignore[method-assign]


def _import(db, records: list, name: str) -> None:  # noqa: ANN001 - a Store
    """``records`` stored as an import stores them."""
    from reviewkit.store.records import add_import, add_records, finish_import

    with db.transaction():
        made = add_import(db, source="PubMed", path=name, fmt="pubmed-xml", sha256=name)
        ids = add_records(db, records, import_id=made)
        finish_import(db, made, len(ids))


def _mid_lookup(db, later: list) -> dict:  # noqa: ANN001 - a Store
    """CPU seconds of a reader bringing the kept notices up to date for half of ``later``
    while another process (a connection of its own) imports the other half and keeps its own
    during the reader's lookups, that keep's CPU seconds subtracted; and that keep's."""
    from reviewkit.dedup import concerns_added
    from reviewkit.dedup.concerns_kept import keep_project_concerns
    from reviewkit.store.db import Store

    half = len(later) // 2
    _import(db, later[:half], "later-a.xml")
    other = Store.open(db.path)
    plain = concerns_added.stored_lookups
    others: list[float] = []

    def lookups(*args):  # noqa: ANN002, ANN202 - stored_lookups' own
        if not others:
            others.append(0.0)
            started = time.process_time()
            _import(other, later[half:], "later-b.xml")
            keep_project_concerns(other)
            others[0] = time.process_time() - started
        return plain(*args)

    concerns_added.stored_lookups = lookups  # type: ignore[assignment]
    started = time.process_time()
    keep_project_concerns(db)
    reader = time.process_time() - started - sum(others)
    concerns_added.stored_lookups = plain  # type: ignore[assignment]
    other.close()
    return {
        "mid_lookup_find_cpu_s": round(reader, 2),
        "mid_lookup_other_keep_cpu_s": round(sum(others), 2),
    }


def _measure(folder: str, records: list, later: list) -> dict:
    """CPU seconds of the first find (and the longest time it held the write lock), then of
    the find after an import of ``records``, then of one during whose lookups another
    process keeps its own (:func:`_mid_lookup`, with ``later``)."""
    from reviewkit.dedup.concerns_kept import keep_project_concerns
    from reviewkit.project import open_project

    project = open_project(folder)
    db = project.db
    held: list[tuple[float, float]] = []
    _timed_writes(held)
    started = time.process_time()
    first = keep_project_concerns(db)
    first_cpu = time.process_time() - started
    longest = max(held, default=(0.0, 0.0))
    writes = len(held)
    _import(db, records, "next.xml")
    started = time.process_time()
    after = keep_project_concerns(db)
    import_cpu = time.process_time() - started
    mid = _mid_lookup(db, later)
    # an upgrade that changes the rules: all found again, the kept keys replaced
    from reviewkit.dedup import concerns_kept

    concerns_kept.rules_fingerprint = lambda: "upgraded"  # type: ignore[assignment]
    held.clear()
    started = time.process_time()
    keep_project_concerns(db)
    upgrade_cpu = time.process_time() - started
    upgrade_longest = max(held, default=(0.0, 0.0))
    project.close()
    return {
        "first_find_cpu_s": round(first_cpu, 2),
        "first_find_writes": writes,
        "first_find_longest_lock_s": round(longest[0], 3),
        "first_find_longest_lock_cpu_s": round(longest[1], 3),
        "import_find_cpu_s": round(import_cpu, 2),
        "upgrade_find_cpu_s": round(upgrade_cpu, 2),
        "upgrade_find_writes": len(held),
        "upgrade_longest_lock_s": round(upgrade_longest[0], 3),
        "upgrade_longest_lock_cpu_s": round(upgrade_longest[1], 3),
        "records_with_notices_before": len(first),
        "records_with_notices_after": len(after),
        **mid,
    }


# a key of the screening screen: how long its write waits for the lock before it is told
# busy, and how soon it is tried again (reviewkit.tui.widgets.WRITE_WAIT_MS, RETRY_S)
KEY_WAIT_MS, KEY_RETRY_S, KEY_EVERY_S = 200, 0.5, 0.15


def _key_waits(folder: str) -> dict:
    """A screen's thread keeping the notices (:func:`keep_project_concerns_at`, the first find
    and then after an upgrade) while a key is pressed every 0.15 s from its first write on,
    each a write waiting 200 ms and tried again every 0.5 s as the screen's: the longest wall
    seconds a key waited, and how many were pressed."""
    import threading

    from reviewkit.dedup import concerns_kept
    from reviewkit.errors import DatabaseBusy
    from reviewkit.project import open_project

    project = open_project(folder)
    key = project.db
    key.set_busy_timeout(KEY_WAIT_MS)
    out: dict = {}
    for run in ("first_find", "upgrade"):
        if run == "upgrade":
            concerns_kept.rules_fingerprint = lambda: "upgraded"  # type: ignore[assignment]
        thread = threading.Thread(
            target=concerns_kept.keep_project_concerns_at, args=(project.database_path,)
        )
        thread.start()
        while thread.is_alive() and not str(_kept_rules(key)).startswith("writing"):
            time.sleep(0.002)  # until the thread's first write (it finds them first)
        waits: list[float] = []
        while thread.is_alive():
            pressed = time.perf_counter()
            while True:
                try:
                    with key.transaction():
                        pass
                    break
                except DatabaseBusy:
                    time.sleep(KEY_RETRY_S)
            waits.append(time.perf_counter() - pressed)
            time.sleep(KEY_EVERY_S)
        thread.join()
        out[f"{run}_key_longest_wait_s"] = round(max(waits, default=0.0), 3)
        out[f"{run}_keys_pressed"] = len(waits)
    project.close()
    return out


def _kept_rules(db) -> str | None:  # noqa: ANN001 - a Store
    row = db.conn.execute("SELECT rules FROM record_concerns_made").fetchone()
    return None if row is None else row[0]


def _fresh_copy() -> str:
    shutil.rmtree(RUN, ignore_errors=True)
    RUN.mkdir(parents=True)
    for name in ("protocol.toml", "review.sqlite"):
        shutil.copyfile(WORK / name, RUN / name)
    return str(RUN)


def main(argv: list[str]) -> int:
    label = argv[0] if argv else "after"
    load = os.getloadavg()[0]
    build_project(WORK, N_RECORDS)
    articles, with_notice, later = _next_records()
    figures = {
        "articles": run_isolated(_measure, _fresh_copy(), articles, later)[2],
        "with_a_notice": run_isolated(_measure, _fresh_copy(), with_notice, later)[2],
        "keys": run_isolated(_key_waits, _fresh_copy())[2],
        "load_average_1min_before": round(load, 2),
        "cores": os.cpu_count(),
    }
    shutil.rmtree(RUN, ignore_errors=True)
    out = HERE / "results" / "notices-keep.json"
    every = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    every[label] = figures
    out.write_text(json.dumps(every, indent=2) + "\n", encoding="utf-8")
    write_markdown(out.with_suffix(".md"), every)
    print(json.dumps(figures, indent=2))
    return 0


def write_markdown(path: Path, every: dict) -> None:
    """The results page at ``path``: one row a label of ``every`` (the JSON's entries)."""
    lines = [
        "# Keeping the notices: what an import pays (benchmarks/notices_keep.py)",
        "",
        "`nice -n 10 .venv/bin/python -m benchmarks.notices_keep LABEL` — the first 50,000 "
        "articles of the real PubMed snapshot, Review B's protocol; in a fresh process on a "
        "fresh copy each: the first find of the notices (nothing kept), then an import of the "
        "snapshot's next 10 articles, or of 9 of them and an erratum about the project's first "
        "article, and the find the import runs; then the find after an upgrade that changed "
        "the rules (all found again, the kept keys replaced). CPU seconds. `before`: main at "
        "9772938a (kept notices brought up to date for added records, but every record read "
        "again for a batch holding a notice); `after`: the batch's notices, and kept ones "
        "naming a new record, looked up by the keys kept of every record "
        "(`reviewkit/dedup/concerns_stored.py`, migration 098); the first find writes those "
        "keys; both on the project read update file first. `merged`: main after this change "
        "and pubfid12, the project's 50,000 records read in NLM's order (the baseline chunk, "
        "then the update file). `main`: main at 8a3b18f3; `notices12`: the keys kept in short "
        "writes (`reviewkit/store/concerns.py`, 5,000 records' keys a write, the kept state "
        "last).",
        "",
        "The write lock: the longest time one write held it (BEGIN IMMEDIATE to COMMIT) in the "
        "first find and in the find after an upgrade, as CPU seconds (wall seconds, which a "
        "loaded machine and the disk's syncs stretch), and how many writes each made. A key: "
        "the screen's thread keeping the notices (the first find, then after an upgrade) while "
        "a key is pressed every 0.15 s from its first write on, each a write waiting 200 ms for "
        "the lock and tried again every 0.5 s, as the screening screen's: the longest a key "
        "waited, wall seconds (how many were pressed). `rd42d`: each write of the series gives "
        "way to a write of the same process waiting for the lock (`store/lock_holders.py`).",
        "",
        "A keep mid-lookup: after the import, 5 further articles imported, and the find that "
        "brings them up to date while, during its lookups, another connection imports 5 more "
        "and keeps its own, finishing first: the reader's CPU seconds (the other keep's "
        "subtracted), after the 10 articles / after 9 and a notice. `main43`: main at 9fc0a5c6, "
        "which read every record again; `merges43`: a reader whose base another keep replaced "
        "while it was read brings up to date from what that keep kept "
        "(`reviewkit/dedup/concerns_added.py`).",
        "",
        "| code | load (1 min) | first find | import of 10 articles | of 9 and a notice "
        "| longest lock, first find | longest lock, after an upgrade | writes "
        "| a key's longest wait | a keep mid-lookup |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, f in every.items():
        a, n = f["articles"], f["with_a_notice"]
        lines.append(
            f"| {label} | {f['load_average_1min_before']:.2f} "
            f"| {a['first_find_cpu_s']:.2f} / {n['first_find_cpu_s']:.2f} "
            f"| {a['import_find_cpu_s']:.2f} | {n['import_find_cpu_s']:.2f} "
            f"| {_lock(a, n, 'first_find_longest_lock')} | {_lock(a, n, 'upgrade_longest_lock')} "
            f"| {_writes(a)} | {_key_wait(f.get('keys'))} | {_mid(a, n)} |"
        )
    lines += ["", load_note(max(f["load_average_1min_before"] for f in every.values())), ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _lock(a: dict, n: dict, key: str) -> str:
    """The longest lock of both runs: CPU seconds (wall seconds); '—' where not measured."""
    if key + "_s" not in a:
        return "—"
    cpu = max(a[key + "_cpu_s"], n[key + "_cpu_s"])
    return f"{cpu:.3f} ({min(a[key + '_s'], n[key + '_s']):.2f}–{max(a[key + '_s'], n[key + '_s']):.2f})"


def _mid(a: dict, n: dict) -> str:
    key = "mid_lookup_find_cpu_s"
    return f"{a[key]:.2f} / {n[key]:.2f}" if key in a else "—"


def _key_wait(k: dict | None) -> str:
    if not k:
        return "—"
    return (
        f"{k['first_find_key_longest_wait_s']:.2f} ({k['first_find_keys_pressed']})"
        f" / {k['upgrade_key_longest_wait_s']:.2f} ({k['upgrade_keys_pressed']})"
    )


def _writes(a: dict) -> str:
    if "first_find_writes" not in a:
        return "—"
    return f"{a['first_find_writes']} / {a['upgrade_find_writes']}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
