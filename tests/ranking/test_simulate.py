"""Simulation: reproducible with a seed, clearly better than random, plot and metrics."""

from __future__ import annotations

import dataclasses

import pytest
from ranking.conftest import write_csv

from reviewkit.errors import UserError
from reviewkit.ranking.simulate import (
    load_labelled_set,
    metrics,
    plot_recall,
    prior_rows,
    simulate,
    simulate_from_zero,
)


def test_same_seed_same_run(labelled_csv):
    a = simulate(labelled_csv, seed=3)
    b = simulate(labelled_csv, seed=3)
    assert a.order == b.order and a.labels_in_order == b.labels_in_order
    untimed = {"seconds": 0, "cpu_seconds": 0}
    assert a.summary() | untimed == b.summary() | untimed


@pytest.mark.parametrize("run", [simulate, simulate_from_zero])
def test_a_loaded_set_runs_as_its_file(labelled_csv, run):
    """The CLI loads the set once to fail fast and passes it on: the same run as from the path."""
    loaded = load_labelled_set(labelled_csv)
    renamed = dataclasses.replace(loaded, name="given.csv")  # the object given is the one used
    from_path, from_set = run(labelled_csv, seed=2), run(renamed, seed=2)
    assert from_set.order == from_path.order and from_set.dataset == "given.csv"
    assert from_set.labels_in_order == from_path.labels_in_order


def test_seed_picks_the_priors(labelled_csv):
    a, b = simulate(labelled_csv, seed=0), simulate(labelled_csv, seed=1)
    assert a.order[:2] != b.order[:2]
    assert a.labels_in_order[:2] == [1, 0]  # one include, one exclude


def test_beats_random_on_a_separable_set(labelled_csv):
    result = simulate(labelled_csv, seed=0)
    assert result.n_records == 200 and result.n_includes == 20
    assert sorted(result.order) == list(range(200))
    assert result.wss95 > 0.5
    assert result.recall_at_20 > 0.9
    assert result.recall_at_10 > 0.5


def test_metrics_by_hand():
    # priors [1, 0]; then 10 records with includes at positions 1 and 4
    m = metrics([1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    assert m["n95"] == 4
    assert m["wss95"] == pytest.approx((10 - 4) / 10 - 0.05)
    assert m["recall_at_10"] == 1 / 2 and m["recall_at_20"] == 1 / 2
    # a run that stopped at the last include is padded with excludes
    assert metrics([1, 0, 1, 0, 0, 1], n_records=12) == m


def test_prior_rows_follow_the_seed():
    import numpy as np

    labels = np.array([0, 1, 0, 1, 0, 0, 1, 0])
    inc, exc = prior_rows(labels, 5)
    assert labels[inc] == 1 and labels[exc] == 0
    assert prior_rows(labels, 5) == (inc, exc)


def test_plot_is_a_png(labelled_csv, tmp_path):
    out = plot_recall(simulate(labelled_csv, seed=0), tmp_path / "curve.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_keywords_column_is_used(tmp_path, records):
    rows = [(t, "", "; ".join(a.split()), y) for t, a, y in records]
    path = write_csv(
        tmp_path / "kw.csv", rows, header=("title", "abstract", "keywords", "label_included")
    )
    assert simulate(path, seed=0).wss95 > 0.3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("title,abstract\nA,b\n", "no label column"),
        ("name,label_included\nA,1\nB,0\n", "no 'title' column"),
        ("title,label_included\nA,0\nB,0\n", "no includes"),
        ("title,label_included\nA,1\nB,maybe\n", "not 0 or 1"),  # yes/no are labels
        ("", "file is empty"),
    ],
)
def test_bad_csv(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(UserError, match=message):
        simulate(path)


def test_not_a_csv(tmp_path):
    path = tmp_path / "set.xlsx"
    path.write_bytes(b"PK\x03\x04\0\0")
    with pytest.raises(UserError, match="zip archive cut short or corrupt, not a CSV sheet"):
        simulate(path)


@pytest.mark.parametrize(("eager", "fraction"), [(100, 0.01), (10, 0.2)])
def test_retrain_schedule(labelled_csv, eager, fraction):
    import math

    result = simulate(labelled_csv, seed=1, eager=eager, batch_fraction=fraction)
    last_include = max(k for k, y in enumerate(result.labels_in_order) if y)
    labelled, fits = (
        2,
        0,
    )  # a fit after every decision below `eager` labelled, then every `fraction`
    while labelled <= last_include:
        fits += 1
        labelled += 1 if labelled < eager else math.ceil(fraction * labelled)
    assert result.n_fits == fits


def test_plot_title_and_note(labelled_csv):
    from reviewkit.ranking.simulate import plot_text

    result = simulate(labelled_csv, seed=0)
    title, note = plot_text(result)
    assert ".csv" not in title
    assert title.startswith("set: 200 records, 20 includes")
    n95 = metrics(result.labels_in_order)["n95"]
    assert f"95 % recall after {n95} of 198 records" in note
    assert f"WSS@95 = {result.wss95:.3f}" in note


def test_module_entry_writes_the_labels_in_order(labelled_csv, tmp_path):
    import json
    import subprocess
    import sys

    out = tmp_path / "run.json"
    cmd = [sys.executable, "-m", "reviewkit.ranking.simulate", str(labelled_csv), "2", str(out)]
    subprocess.run(cmd, check=True)
    run = json.loads(out.read_text())
    again = simulate(labelled_csv, seed=2)
    assert run["labels_in_order"] == again.labels_in_order and run["wss95"] == again.wss95
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewkit.ranking.simulate",
            str(tmp_path / "x.csv"),
            "0",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "no such file" in bad.stderr and "Traceback" not in bad.stderr


def test_same_order_in_any_process(labelled_csv, tmp_path):
    """The screening order depends on the data and the seed only: not on the process's hash
    seed (set and dict order), its number of BLAS threads, nor what ran before it."""
    import json
    import os
    import subprocess
    import sys

    orders = []
    for hash_seed, threads in (("1", "1"), ("2", "2"), ("random", "4")):
        out = tmp_path / f"run{hash_seed}.json"
        env = os.environ | {"PYTHONHASHSEED": hash_seed, "OPENBLAS_NUM_THREADS": threads}
        cmd = [sys.executable, "-m", "reviewkit.ranking.simulate", str(labelled_csv), "1", str(out)]
        subprocess.run(cmd, check=True, env=env)
        orders.append(json.loads(out.read_text())["order"])
    simulate(labelled_csv, seed=0)  # another run first, in this process
    orders.append(simulate(labelled_csv, seed=1).order)
    assert all(order == orders[0] for order in orders)


def test_unlabelled_record_says_every_record_needs_a_label(tmp_path):
    """An ASReview export still holding records nobody screened (an empty label) is named as
    such, on its line, with what a simulation needs."""
    path = tmp_path / "export.csv"
    path.write_text("title,label_included\nA,1\nB,0\nC,\nD,1\n")
    with pytest.raises(UserError, match="the record has no label") as caught:
        simulate(path)
    assert caught.value.where.endswith("export.csv:4")
    assert "every record labelled" in caught.value.hint
