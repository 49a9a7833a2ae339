"""The TUI benchmark times the e press that opens an exclusion's reasons as a key of its own."""

from __future__ import annotations

from pathlib import Path

from conftest import add_records
from screening.helpers import make_records

from benchmarks.bench_tui import PROTOCOL, keypress_figures, keypress_latency
from reviewkit.project import init_project


def test_the_e_press_is_timed_to_the_reasons_painted(tmp_path: Path) -> None:
    # before stop 44 the e press was sent untimed and only the reason key after it was timed
    project = init_project(tmp_path / "review", PROTOCOL)
    add_records(project, make_records(8))
    project.close()
    latency = keypress_latency(str(tmp_path / "review"), 6)
    figures = keypress_figures(latency)
    assert latency["decisions"] == 6
    assert figures["open_reasons_presses"] == 2  # decisions 3 and 6 are exclusions
    # stamped when the reasons were painted, after the key was sent (the record's stamp, from
    # before the key, would make it negative)
    assert 0 < figures["open_reasons_median_ms"] <= figures["open_reasons_max_ms"]
