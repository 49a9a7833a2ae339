"""`python -m benchmarks.bench_ranking --sets A,B`: only those sets, the committed results kept.
(No benchmark is run: the simulation is replaced by a fixed one.)"""

from __future__ import annotations

import pytest

from benchmarks import asreview_runner
from benchmarks import bench_ranking as bench


def test_sets_are_parsed_from_a_comma_list():
    args = bench.parse_args(["--sets", "Cohen_2006_ADHD, Nagtegaal_2019"])
    assert args.sets == ["Cohen_2006_ADHD", "Nagtegaal_2019"] and not args.rebuild
    whole = bench.parse_args([])
    assert whole.sets is None and not whole.rebuild
    assert bench.parse_args(["--rebuild"]).rebuild


def test_sets_and_rebuild_do_not_go_together(capsys):
    with pytest.raises(SystemExit) as exc:
        bench.parse_args(["--rebuild", "--sets", "Cohen_2006_ADHD"])
    assert exc.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def test_an_unknown_set_is_named_with_the_available_ones():
    available = ["Cohen_2006_ADHD", "Nagtegaal_2019"]
    assert bench.chosen_sets(["Nagtegaal_2019"], available) == ["Nagtegaal_2019"]
    with pytest.raises(ValueError, match="unknown set.*ADHD2.*available: Cohen_2006_ADHD"):
        bench.chosen_sets(["ADHD2"], available)


def test_a_partial_run_prints_its_sets_and_writes_nothing(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("Small", "Other"):
        (data / f"{name}.csv").write_text(
            "title,abstract,label_included\nA,b,1\nC,d,0\nE,f,1\nG,h,0\n"
        )
    monkeypatch.setattr(asreview_runner, "DATA", data)
    monkeypatch.setattr(asreview_runner, "CACHE", tmp_path / "cache")
    ran = []

    def fake_run(csv_path, seed):
        ran.append(seed)
        return {
            "n_records": 4,
            "n_includes": 2,
            "wss95": 0.25,
            "recall_at_10": 0.5,
            "recall_at_20": 0.5,
            "labels_in_order": [1, 1, 0, 0],
            "process_cpu_s": 1.0,
            "process_wall_s": 1.0,
        }

    monkeypatch.setattr(bench, "run_reviewkit", fake_run)
    results = tmp_path / "results"
    results.mkdir()
    (results / "ranking.md").write_text("committed\n")
    before = {p.name: p.read_text() for p in results.iterdir()}
    text = bench.run_sets(["Small"], results)
    assert "| Small |" in text and "| Other |" not in text
    assert "not written to results/" in text
    assert ran == bench.SEEDS  # one input: the set has no keywords, so its runs serve both
    assert {p.name: p.read_text() for p in results.iterdir()} == before
