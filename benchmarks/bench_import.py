"""Import the real NLM update file (20,788 articles) into a fresh project: speed and memory.

Run with ``python -m benchmarks import``. The import goes through ``importer.import_files``,
as ``reviewkit import`` does, in a fresh process (so peak RSS is this job's alone).
Targets on a 2-core machine: under 15 s and under 400 MB.
"""

from __future__ import annotations

import os
import platform
import resource
import tempfile
import time
from pathlib import Path

from benchmarks.measure import load_note, run_isolated

TARGET_SECONDS = 15.0
TARGET_MB = 400.0
DATA_MEMBER = "data/pubmed21n1298.xml.gz"


def _import(data_file: str, folder: str) -> dict:
    from reviewkit import importer
    from reviewkit.project import init_project
    from reviewkit.store import records as record_rows

    started = time.process_time()
    root = Path(__file__).resolve().parents[1]
    project = init_project(
        Path(folder) / "review", root / "protocols" / "rtw-systematic-reviews.toml"
    )
    try:
        (summary,) = importer.import_files(project.db, [data_file], source="PubMed")
        stored = record_rows.record_count(project.db)
    finally:
        project.close()
    size = (Path(folder) / "review" / "review.sqlite").stat().st_size
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the parser worker processes
    return {
        "records": summary.records,
        "stored": stored,
        "database_mb": round(size / 2**20, 1),
        "cpu_seconds": round(
            time.process_time() - started + children.ru_utime + children.ru_stime, 2
        ),
        "worker_peak_mb": round(children.ru_maxrss / 1024, 1),
        "workers": os.cpu_count() or 2,
    }


def main(results_dir: Path) -> dict:
    from reviewkit import offline_data

    data_file = offline_data.path("pubmed-snapshot", DATA_MEMBER)
    with tempfile.TemporaryDirectory() as tmp:
        wall, peak_mb, result = run_isolated(_import, str(data_file), tmp)
    figures = {
        "file": DATA_MEMBER,
        "records": result["records"],
        "wall_seconds": round(wall, 2),
        "cpu_seconds": result["cpu_seconds"],  # less sensitive than wall time to other jobs
        "records_per_second": round(result["records"] / wall),
        "peak_rss_mb": round(peak_mb, 1),  # the importing process
        "worker_peak_rss_mb": result["worker_peak_mb"],  # the largest parser worker
        # upper bound of the job's total: importing process + every worker at its peak at once
        "total_peak_mb_upper_bound": round(
            peak_mb + result["workers"] * result["worker_peak_mb"], 1
        ),
        "database_mb": result["database_mb"],
        "target_seconds": TARGET_SECONDS,
        "target_mb": TARGET_MB,
        "meets_targets": wall < TARGET_SECONDS
        and peak_mb + result["workers"] * result["worker_peak_mb"] < TARGET_MB,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_at_start": round(os.getloadavg()[0], 2),
    }
    assert result["stored"] == result["records"] == 20_788, result
    results_dir.mkdir(parents=True, exist_ok=True)
    rows = [
        ("records", f"{figures['records']:,}", ""),
        ("wall time", f"{figures['wall_seconds']} s", f"< {TARGET_SECONDS:g} s"),
        ("CPU time (all processes)", f"{figures['cpu_seconds']} s", ""),
        ("records / s", f"{figures['records_per_second']:,}", ""),
        ("peak RSS, importing process", f"{figures['peak_rss_mb']} MB", ""),
        ("peak RSS, largest parser worker", f"{figures['worker_peak_rss_mb']} MB", ""),
        (
            "peak RSS, all processes (upper bound)",
            f"{figures['total_peak_mb_upper_bound']} MB",
            f"< {TARGET_MB:g} MB",
        ),
        ("database size", f"{figures['database_mb']} MB", ""),
    ]
    table = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    (results_dir / "import.md").write_text(
        "# Import benchmark\n\n"
        f"Importing `{DATA_MEMBER}` (a real 2021 NLM update file) into a new project with\n"
        "`reviewkit.importer.import_files`, in a fresh process.\n\n"
        "| measure | value | target |\n|---|---|---|\n"
        f"{table}\n\n"
        f"Machine: {figures['machine']}; 1-minute load average at start {figures['load_average_at_start']}"
        f" ({load_note(figures['load_average_at_start'])}).\n",
        encoding="utf-8",
    )
    return figures
