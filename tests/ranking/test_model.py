"""The default classifier (weighted kernel least squares) and row normalisation."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from reviewkit.ranking.features import normalize_rows
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import Ranker, build_features, default_model, record_text


def _matrix(records):
    return build_features([record_text(t, a) for t, a, _ in records])


def test_model_puts_includes_first(records):
    X = _matrix(records)
    y = np.array([r[2] for r in records])
    train = np.r_[np.flatnonzero(y == 1)[:5], np.flatnonzero(y == 0)[:20]]
    scores = KernelLeastSquares().fit(X[train], y[train]).decision_function(X)
    top = np.argsort(-scores)[:20]
    assert y[top].sum() >= 18


def test_incremental_fit_equals_a_fresh_fit(records):
    X = _matrix(records)
    y = np.array([r[2] for r in records])
    order = np.r_[np.flatnonzero(y == 1)[:6], np.flatnonzero(y == 0)[:30]]
    grown = KernelLeastSquares()
    for k in (4, 12, 36):  # refitted on a growing prefix: the kept Gram matrix is reused
        grown.fit_rows(X, order[:k], y[order[:k]])
    fresh = KernelLeastSquares().fit_rows(X, order, y[order])
    assert np.allclose(grown.decision_function(X), fresh.decision_function(X))


def test_ranker_with_the_default_model_is_reproducible(records):
    texts = [record_text(t, a) for t, a, _ in records]
    inc = [i for i, r in enumerate(records) if r[2]][:6]
    exc = [i for i, r in enumerate(records) if not r[2]][:30]
    labels = {i: i in inc for i in inc + exc}
    rest = [i for i in range(200) if i not in labels]
    a, b = Ranker(texts), Ranker(texts)
    assert a.fit(labels) and b.fit(labels)
    assert a.rank(rest) == b.rank(rest)
    assert isinstance(default_model(), KernelLeastSquares)


def test_simulation_path_does_not_import_scikit_learn_or_scipy_stats():
    import subprocess
    import sys

    code = (
        "import sys, reviewkit.ranking.simulate, reviewkit.ranking.ranker; "
        "print('sklearn' in sys.modules, 'scipy.stats' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_normalize_rows_matches_l2_normalisation_with_empty_rows():
    X = sparse.csr_matrix(np.array([[3.0, 4.0, 0.0], [0.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0, 0, 0]]))
    out = normalize_rows(X.copy()).toarray()
    assert np.allclose(out, [[0.6, 0.8, 0], [0, 0, 0], [0, 1, 0], [0, 0, 0]])


def test_conjugate_gradients_agree_with_the_exact_solve(records, monkeypatch):
    from reviewkit.ranking import model

    X = _matrix(records)
    y = np.array([r[2] for r in records])
    rows = np.arange(120)
    exact = KernelLeastSquares().fit_rows(X, rows, y[rows]).decision_function(X)
    monkeypatch.setattr(model, "EXACT_UP_TO", 50)  # beyond 50 labels: warm-started CG
    grown = KernelLeastSquares()
    for k in (40, 80, 120):
        grown.fit_rows(X, rows[:k], y[rows[:k]])
    assert np.allclose(grown.decision_function(X), exact, atol=1e-5)


def test_primal_solution_for_many_labels_equals_the_dual_one(records, monkeypatch):
    from reviewkit.ranking import model

    X = _matrix(records)
    y = np.array([r[2] for r in records])
    rows = np.arange(150)
    dual = KernelLeastSquares().fit_rows(X, rows, y[rows]).decision_function(X)
    monkeypatch.setattr(model, "GRAM_UP_TO", 100)  # no Gram matrix beyond 100 labels
    primal = KernelLeastSquares()
    primal.fit_rows(X, rows[:120], y[rows[:120]])  # then warm-started
    primal.fit_rows(X, rows, y[rows])
    assert np.allclose(primal.decision_function(X), dual, atol=1e-5)


def test_naive_bayes_member_changes_the_scores_when_switched_on(records):
    X = _matrix(records)
    y = np.array([r[2] for r in records])
    rows = np.arange(80)
    plain = KernelLeastSquares().fit_rows(X, rows, y[rows]).decision_function(X)
    mixed = KernelLeastSquares(nb_weight=0.5).fit_rows(X, rows, y[rows]).decision_function(X)
    assert not np.allclose(plain, mixed)


def test_scores_do_not_depend_on_the_history_of_fits(records, monkeypatch):
    """The iterative solvers start from the last solution, so their answer carries the path of
    earlier fits; solved to 1e-12 the same decisions give the same scores (to 1e-9) whatever
    came before, and so the same order: in the screen after a restart, in a simulation."""
    from reviewkit.ranking import model

    X = _matrix(records)
    y = np.array([r[2] for r in records])
    rows = np.arange(150)
    monkeypatch.setattr(model, "EXACT_UP_TO", 30)  # beyond 30 labels: warm-started CG
    for gram_up_to in (1000, 100):  # the dual, then the primal beyond 100 labels
        monkeypatch.setattr(model, "GRAM_UP_TO", gram_up_to)
        scores = []
        for path in ((150,), (40, 80, 120, 150), (149, 150)):
            m = KernelLeastSquares()
            for k in path:
                m.fit_rows(X, rows[:k], y[rows[:k]])
            scores.append(m.decision_function(X))
        assert all(np.allclose(s, scores[0], rtol=0, atol=1e-9) for s in scores)


def test_a_fit_beyond_the_gram_limit_needs_no_vectors_of_every_term_per_step(monkeypatch):
    """Beyond GRAM_UP_TO labels a fit's working memory is the labelled rows' plus about one
    vector of all the terms (the weights), not several per solver step: a large set's
    vocabulary runs to a million terms or more."""
    import tracemalloc

    from reviewkit.ranking import model

    rng = np.random.RandomState(0)
    n, d = 300, 400_000
    cols = np.sort(rng.randint(0, d, size=(n, 60)), axis=1)  # 60 terms a record
    X = sparse.csr_matrix((rng.rand(n * 60), cols.ravel(), np.arange(0, n * 60 + 1, 60)), (n, d))
    X.sum_duplicates()
    X = normalize_rows(X)
    y = (rng.rand(n) < 0.1).astype(int)
    monkeypatch.setattr(model, "GRAM_UP_TO", 100)
    fitted = KernelLeastSquares()
    fitted.fit_rows(X, np.arange(200), y[:200])
    tracemalloc.start()
    try:
        fitted.fit_rows(X, np.arange(250), y[:250])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * 8 * d  # the old primal solver: 8 vectors of d floats
