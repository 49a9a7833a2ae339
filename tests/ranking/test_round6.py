"""Round 6's model (benchmarks/ranking_round6_model.py, measured by benchmarks/ranking_round6.py):
a lam grid whose weights come from closed-form leave-one-out fits. Each criterion reduces to the
product's model where it should, and the closed form equals refitting without the record.
(The tests import the benchmark as tests/ranking/test_round5.py does.)"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from ranking.conftest import write_csv

from benchmarks import asreview_runner as asr
from benchmarks import ranking_round6 as round6
from benchmarks.ranking_round5 import runs_file
from benchmarks.ranking_round6_model import COMBINE, GridKernelLeastSquares, grid_weights, loo_fits
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features, record_text


def _data(records):
    X = build_features([record_text(t, a) for t, a, _ in records])
    y = np.array([r[2] for r in records])
    rows = np.r_[np.flatnonzero(y == 1)[:6], np.flatnonzero(y == 0)[:30]]
    return X, rows, y[rows]


def _problem(records):
    X, rows, y = _data(records)
    K = (X[rows] @ X[rows].T).toarray() + 1.0
    n_inc = y.sum()
    c = np.where(y == 1, 1.0, n_inc / (9.8 * (len(y) - n_inc)))
    return K, c * len(c) / c.sum(), np.where(y == 1, 1.0, -1.0)


def test_leave_one_out_scores_equal_refits_without_the_record(records):
    K, c, t = _problem(records)
    lams = np.array([1.0, 3.0, 10.0])
    alphas, loo = loo_fits(K, c, t, lams)
    for k, lam in enumerate(lams):
        full = K.copy()
        full[np.diag_indices_from(full)] += lam / c
        assert np.allclose(alphas[:, k], np.linalg.solve(full, t))
        for i in (0, 7, 20):
            keep = np.arange(len(t)) != i
            system = full[np.ix_(keep, keep)]
            assert loo[i, k] == pytest.approx(K[i, keep] @ np.linalg.solve(system, t[keep]))


@pytest.mark.parametrize("combine", COMBINE)
def test_a_grid_of_the_default_lam_alone_is_the_kept_model(records, combine):
    X, rows, y = _data(records)
    kept = KernelLeastSquares().fit_rows(X, rows, y).decision_function(X)
    grid = GridKernelLeastSquares((3.0,), combine=combine)
    assert np.allclose(grid.fit_rows(X, rows, y).decision_function(X), kept)


def test_grid_weights_follow_the_leave_one_out_evidence():
    t = np.array([1.0, 1.0, -1.0, -1.0, -1.0, -1.0])
    c = np.ones(6)
    lams = np.array([1.0, 3.0, 10.0])
    good, bad = t * 0.9, -t * 0.2  # LOO scores on the right side, on the wrong side
    loo = np.stack([bad, bad, good], axis=1)
    for combine in ("select_mse", "select_auc"):
        assert grid_weights(loo, c, t, combine, lams, 3.0).tolist() == [0, 0, 1]
    # ties go to the default; a gain within one standard error keeps it
    assert grid_weights(np.stack([good] * 3, 1), c, t, "select_auc", lams, 3.0)[1] == 1
    close = np.stack([good, good - 0.01 * t * np.r_[1, -1, 1, -1, 1, -1], good], axis=1)
    assert grid_weights(close, c, t, "select_mse_1se", lams, 3.0).tolist() == [0, 1, 0]
    assert grid_weights(np.stack([bad, bad, good], 1), c, t, "select_mse_1se", lams, 3.0)[2] == 1
    # against the unlabelled records: lam 1 places the includes above all of them
    pool = np.array([[0.5, 0.95, 0.95], [-0.5, 0.9, 0.9], [0.0, 0.85, 0.85]])
    loo_pool = np.stack([good, good, good * 0.5], axis=1)
    assert grid_weights(loo_pool, c, t, "select_pool", lams, 3.0, pool).tolist() == [1, 0, 0]
    stacked = grid_weights(loo, c, t, "stack", lams, 3.0)
    assert (stacked >= 0).all() and stacked[2] > 0 and stacked[:2].sum() == 0


def test_unknown_combination_is_refused():
    with pytest.raises(ValueError, match="combine must be one of"):
        GridKernelLeastSquares((1.0,), combine="vote")


def test_a_with_keywords_run_alone_covers_the_sets_without_keywords(tmp_path, monkeypatch, records):
    """Round 6's runner asked for with_keywords only: a set without keywords takes its
    title_abstract run, which is made then, not left out (the report read it and crashed)."""
    data = tmp_path / "data"
    data.mkdir()
    write_csv(data / "NoKeywords.csv", records)
    monkeypatch.setattr(asr, "DATA", data)
    monkeypatch.setattr(asr, "CACHE", tmp_path / "cache")
    out = tmp_path / "runs.json"
    res = round6.run("kept", [0], ["with_keywords"], out, KernelLeastSquares)
    assert res["with_keywords|NoKeywords|0"] == res["title_abstract|NoKeywords|0"]
    assert json.loads(out.read_text()) == res


def test_runs_files_of_two_worktrees_differ():
    """A variant's runs are kept under this worktree's name, not the variant's alone."""
    path = runs_file("kept")
    assert path.name == f"ranking_{Path(round6.__file__).resolve().parents[1].name}_kept.json"
