"""A benchmark's peak memory is the measured process's own, not its parent's (benchmarks.measure)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.asreview_runner import run_measured
from benchmarks.bench_dedup import runner_command
from benchmarks.bench_import import import_measured
from benchmarks.measure import TreeMemory, run_isolated
from reviewkit.formats import pubmed_xml
from reviewkit.workers import process_pool

PARENT_MB = 200
SAMPLE_XML = Path(__file__).parent / "fixtures" / "sample.xml"


def _nothing() -> None:
    """A job that holds next to nothing (a spawned Python: some 20 MB)."""


def test_a_child_does_not_report_its_parents_peak():
    # The parent's peak before the spawn, each page touched (ru_maxrss, which Linux carries
    # across the exec, made the child report it: the TUI benchmark's 196 MB at stop 41)
    _parent_peak()
    _, peak_mb, _ = run_isolated(_nothing)
    assert peak_mb < PARENT_MB / 2


def _parent_peak() -> None:
    """Make this (the parent) process's peak some PARENT_MB, every page touched."""
    big = bytearray(PARENT_MB * 2**20)
    big[:: 2**12] = b"x" * len(big[:: 2**12])
    del big


def _dies() -> None:
    os._exit(3)


def _idle_worker() -> int:
    time.sleep(0.5)  # sampled several times (every 50 ms) even at a high load
    return 1


def test_a_command_reports_its_own_peak_not_this_processs():
    # asreview_runner.run_measured (ASReview's and reviewkit's ranking runs): wait4's
    # ru_maxrss had carried this process's peak (ranking.json: 100-102 MB on the small sets)
    _parent_peak()
    done = run_measured([sys.executable, "-c", "import time; time.sleep(0.3)"])
    assert done["returncode"] == 0
    assert 0 < done["peak_rss_mb"] < PARENT_MB / 2


def test_a_command_smaller_than_this_process_still_reports_what_it_grew_to():
    _parent_peak()
    grow = "b = bytearray(120 * 2**20); b[:: 2**12] = b'x' * len(b[:: 2**12]); "
    # held 1 s: sampled (every 50 ms) at a high load too
    done = run_measured([sys.executable, "-c", grow + "import time; time.sleep(1)"])
    assert 120 <= done["peak_rss_mb"] < PARENT_MB


def test_worker_processes_report_their_own_peak():
    # bench_pubmed's parser workers: their ru_maxrss (RUSAGE_CHILDREN) had carried the
    # client's peak at their spawn
    _parent_peak()
    with TreeMemory() as memory, process_pool(1) as pool:
        assert pool.submit(_idle_worker).result() == 1
    assert memory.largest_child_mb is not None
    assert memory.largest_child_mb < PARENT_MB / 2


def test_the_import_benchmark_reports_its_parser_workers_own_peak(tmp_path, monkeypatch):
    # bench_import's parser workers: their ru_maxrss (RUSAGE_CHILDREN) carried the importing
    # process's peak at their spawn
    monkeypatch.setattr(pubmed_xml, "PARALLEL_MIN_BYTES", 0)  # the sample read by workers
    _parent_peak()
    done = import_measured(str(SAMPLE_XML), str(tmp_path))
    assert done["stored"] == done["records"] > 0
    assert done["worker_peak_mb"] is not None
    assert 0 < done["worker_peak_mb"] < PARENT_MB / 2


def test_the_bib_dedupe_runner_reports_its_own_peak(tmp_path):
    # bench_dedup's runner in bib-dedupe's venv, here on a stand-in bib_dedupe package
    fake = tmp_path / "fake" / "bib_dedupe"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "bib_dedupe.py").write_text(
        "import pandas as pd\n"
        "def prep(df, **kw): return df\n"
        "block = prep\n"
        "def match(df, **kw): return pd.DataFrame({'duplicate_label': []})\n"
        "def cluster(m, **kw): return []\n"
    )
    records = tmp_path / "records.csv"
    records.write_text("ID,title\n1,A trial\n")
    out = tmp_path / "out.json"
    _parent_peak()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "fake")}
    subprocess.run(runner_command(sys.executable, [str(records)], str(out)), check=True, env=env)
    assert json.loads(out.read_text())["peak_mb"] < PARENT_MB / 2


def test_a_job_that_dies_is_an_error_not_a_wait_forever():
    with pytest.raises(RuntimeError, match="exit code 3"):
        run_isolated(_dies)
