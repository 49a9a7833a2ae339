"""benchmarks/results/import-text.md gave one load per run ('after: load 8.45') over rows that a
run of some cases had kept from another run (ris, medline, wos: load 12.35): each figure now
gives the load of the run that measured it."""

from __future__ import annotations

from benchmarks.bench_import_text import table


def _figure(cpu: float, load: float | None) -> dict:
    got = {"file_mb": 1.0, "records": 10, "cpu_seconds": cpu, "baseline_mb": 20.0}
    got["peak_mb"] = 30.0
    if load is not None:
        got["load_average_at_start"] = load
    return got


def test_each_row_gives_the_load_of_the_run_that_measured_it() -> None:
    saved = {
        "before": {"load_average_at_start": 3.0, "figures": {"ris": _figure(1.5, None)}},
        "after": {
            "load_average_at_start": 8.45,
            "figures": {"ris": _figure(2.5, 12.35), "bibtex": _figure(3.5, 8.45)},
        },
    }
    rows = {line.split(" | ")[0]: line for line in table(saved).splitlines() if " CPU-s" in line}
    assert rows["| ris"].endswith("2.5 CPU-s, peak 30.0 MB (+10.0), load 12.35 |"), rows
    assert "1.5 CPU-s, peak 30.0 MB (+10.0), load in its note |" in rows["| ris"], rows
    assert rows["| bibtex"].endswith("3.5 CPU-s, peak 30.0 MB (+10.0), load 8.45 |"), rows
    assert "load 3.0" not in table(saved)  # a run's load is no figure's
