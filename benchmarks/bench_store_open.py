"""Opening a large project database: what ``Store.open`` costs, and its first-page probe.

Run with ``python -m benchmarks store_open``. The project holds bib-dedupe's depression set
(79,880 records, the largest labelled set; ``python -m reviewkit.offline_data fetch bib-dedupe``),
added as one import under ``benchmarks/.work/store-open-project`` (built once, reused). Each
figure comes from a fresh process (``run_isolated``), the file already in the page cache as it
is for a reviewer who reopens a project; median of REPEATS runs:

* ``Store.open`` wall time, and the part of it spent in ``read_first_pages`` (the probe that
  reads the first entry of every table and index, so a damaged root page is met on opening);
* the pages those read: bytes this process read from files (``rchar`` in /proc/self/io, which
  counts pread calls, cached or not) divided by the page size;
* ``import reviewkit.store`` and ``open_project`` (protocol validated too) for scale, and
  ``screen`` start-up from ``results/tui.json`` (a 50,000-record project, time to first screen).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import time
from pathlib import Path

from benchmarks.measure import run_isolated

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work" / "store-open-project"
PROTOCOL = HERE.parent / "protocols" / "work-health-collaboration.toml"
SET = "depression"
REPEATS = 7


def build_project(folder: Path = WORK) -> Path:
    """A project holding the depression set as one import (built once, reused)."""
    from benchmarks.bench_dedup import load_records
    from reviewkit.project import init_project
    from reviewkit.store import records as record_rows

    if (folder / "review.sqlite").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    _ids, recs = load_records(SET)
    project = init_project(folder, PROTOCOL)
    db = project.db
    with db.transaction():
        import_id = record_rows.add_import(
            db, source="bib-dedupe", path=SET, fmt="csv", sha256="bench-store-open"
        )
        added = record_rows.add_records(db, recs, import_id=import_id)
        record_rows.finish_import(db, import_id, len(added))
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    project.close()
    return folder


def _bytes_read() -> int:
    """Bytes this process has read from files and pipes so far (Linux /proc/self/io)."""
    with open("/proc/self/io") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("rchar:"))


def open_once(folder: str) -> dict:
    """One fresh process: import, Store.open (probe timed apart), open_project."""
    started = time.perf_counter()
    import reviewkit.store.db as store_db
    from reviewkit.project import open_project

    imported = time.perf_counter() - started
    probe = {"s": 0.0, "bytes": 0}
    real_probe = store_db.read_first_pages

    def timed_probe(conn) -> None:
        before, t0 = _bytes_read(), time.perf_counter()
        real_probe(conn)
        probe["s"], probe["bytes"] = time.perf_counter() - t0, _bytes_read() - before

    store_db.read_first_pages = timed_probe  # the name Store.open calls
    database = Path(folder) / "review.sqlite"
    before, t0 = _bytes_read(), time.perf_counter()
    store = store_db.Store.open(database)
    opened, open_bytes = time.perf_counter() - t0, _bytes_read() - before
    page = store.conn.execute("PRAGMA page_size").fetchone()[0]
    trees = store.conn.execute(
        "SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table','index') AND rootpage > 0"
    ).fetchone()[0]
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.close()
    t0 = time.perf_counter()
    open_project(folder).close()
    project = time.perf_counter() - t0
    return {
        "import_store_s": imported,
        "store_open_s": opened,
        "store_open_pages": open_bytes / page,
        "probe_s": probe["s"],
        "probe_pages": probe["bytes"] / page,
        "open_project_s": project,
        "btrees": trees,
        "file_pages": pages,
        "file_mb": pages * page / 2**20,
    }


def main(results_dir: Path) -> dict:
    folder = build_project()
    runs = [run_isolated(open_once, str(folder))[2] for _ in range(REPEATS)]

    def median(key: str, scale: float = 1000.0) -> float:
        return round(statistics.median(r[key] for r in runs) * scale, 2)

    from reviewkit.store import records as record_rows
    from reviewkit.store.db import Store

    with Store.open(folder / "review.sqlite") as db:
        count = record_rows.record_count(db)
    tui = results_dir / "tui.json"
    screen = json.loads(tui.read_text()) if tui.exists() else {}
    figures = {
        "set": SET,
        "records": count,
        "repeats": REPEATS,
        "file_mb": round(runs[0]["file_mb"], 1),
        "file_pages": runs[0]["file_pages"],
        "btrees": runs[0]["btrees"],
        "import_store_ms": median("import_store_s"),
        "store_open_ms": median("store_open_s"),
        "store_open_pages": round(statistics.median(r["store_open_pages"] for r in runs)),
        "first_pages_probe_ms": median("probe_s"),
        "first_pages_probe_pages": round(statistics.median(r["probe_pages"] for r in runs)),
        "open_project_ms": median("open_project_s"),
        "screen_first_screen_ms_tui_json": round(
            1000 * screen.get("time_to_first_screen_s", float("nan")), 1
        ),
        "load_1min": round(os.getloadavg()[0], 2),
    }
    _write_markdown(results_dir / "store_open.md", figures)
    return figures


def _write_markdown(path: Path, f: dict) -> None:
    lines = [
        "# Opening a project database (`python -m benchmarks store_open`)",
        "",
        f"Project: bib-dedupe's {f['set']} set, {f['records']:,} records in one import;"
        f" {f['file_mb']} MB, {f['file_pages']:,} pages, {f['btrees']} tables and indexes.",
        f"Median of {f['repeats']} fresh processes, file in the page cache;"
        f" load average {f['load_1min']} at the end.",
        "",
        "| what | ms | pages read |",
        "| --- | ---: | ---: |",
        f"| `import reviewkit.store` (+ project) | {f['import_store_ms']} | |",
        f"| `Store.open` | {f['store_open_ms']} | {f['store_open_pages']} |",
        f"| of it, `read_first_pages` | {f['first_pages_probe_ms']} |"
        f" {f['first_pages_probe_pages']} |",
        f"| `open_project` (protocol validated too) | {f['open_project_ms']} | |",
        f"| `screen`: time to first screen (tui.json, 50,000 records) |"
        f" {f['screen_first_screen_ms_tui_json']} | |",
        "",
        f"The first-page probe reads {f['first_pages_probe_pages']} of {f['file_pages']:,} pages"
        " (a root page and the first page below it for each table and index; the count grows"
        " with the schema, not with the records) in under a millisecond: no real cost for"
        " `screen`'s start-up, so `Store.open` keeps it (it is what meets a damaged root page"
        " before any command writes).",
        "",
    ]
    path.write_text("\n".join(lines))


if __name__ == "__main__":
    print(json.dumps(main(HERE / "results"), indent=2))
