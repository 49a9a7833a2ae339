"""BackgroundRanker: submit and current_order never wait for a fit (injected slow model)."""

from __future__ import annotations

import threading

from reviewkit.ranking.ranker import BackgroundRanker, default_model, record_text


class GatedModel:
    """A model whose fit blocks until the test opens the gate; records every fit it starts."""

    started = threading.Event()
    gate = threading.Event()
    fits: list[int] = []

    def __init__(self) -> None:
        self.inner = default_model()

    def fit(self, X, y):
        GatedModel.fits.append(len(y))
        GatedModel.started.set()
        assert GatedModel.gate.wait(30), "test never opened the gate"
        self.inner.fit(X, y)
        return self

    def decision_function(self, X):
        return self.inner.decision_function(X)


def _decisions(records, n_inc, n_exc):
    inc = [(i, True) for i, r in enumerate(records) if r[2]][:n_inc]
    exc = [(i, False) for i, r in enumerate(records) if not r[2]][:n_exc]
    return inc + exc


def test_submit_and_order_do_not_wait_for_a_slow_fit(records):
    GatedModel.started.clear()
    GatedModel.gate.clear()
    GatedModel.fits = []
    texts = {i: record_text(t, a) for i, (t, a, _) in enumerate(records)}
    trained = threading.Event()
    bg = BackgroundRanker(texts, model_factory=GatedModel, on_trained=trained.set)
    queue = list(range(len(records)))
    try:
        assert bg.current_order(queue) == (queue, "random", None)
        assert bg.estimate_remaining() is None
        bg.submit(_decisions(records, 5, 5))
        assert GatedModel.started.wait(30)  # the fit is now running and blocked
        # while the worker is stuck inside fit, the caller still gets answers at once
        bg.submit(_decisions(records, 6, 6))
        bg.submit(_decisions(records, 7, 7))  # latest submission wins
        order, source, when = bg.current_order(queue)
        assert (order, source, when) == (queue, "random", None)
        assert bg.busy
        GatedModel.gate.set()
        assert bg.wait_idle(30)
        assert trained.is_set()
        assert GatedModel.fits == [10, 14]  # the 6+6 submission was skipped
        remaining = [i for i in queue if i not in dict(_decisions(records, 7, 7))]
        order, source, when = bg.current_order(remaining)
        assert source == "model" and when is not None
        top = [records[i][2] for i in order[:10]]
        assert sum(top) >= 9  # the remaining 13 includes lead the queue
        est = bg.estimate_remaining()
        assert est is not None and est.low <= est.estimate <= est.high
    finally:
        GatedModel.gate.set()
        bg.close()


def test_random_until_the_ready_rule(records):
    texts = {i: record_text(t, a) for i, (t, a, _) in enumerate(records)}
    bg = BackgroundRanker(texts)
    try:
        bg.submit(_decisions(records, 4, 30))
        assert bg.wait_idle(30)
        queue = list(range(len(records)))[::-1]
        assert bg.current_order(queue) == (queue, "random", None)
        assert bg.estimate_remaining() is not None  # the estimate needs no model
    finally:
        bg.close()


def test_learns_only_from_the_decisions_it_is_given(records):
    """Blinding: two reviewers' rankers on the same corpus differ by their own decisions."""
    texts = {i: record_text(t, a) for i, (t, a, _) in enumerate(records)}
    mine, flipped = BackgroundRanker(texts), BackgroundRanker(texts)
    try:
        decisions = _decisions(records, 5, 5)
        mine.submit(decisions)
        flipped.submit([(i, not v) for i, v in decisions])  # another reviewer, opposite view
        assert mine.wait_idle(30) and flipped.wait_idle(30)
        queue = [i for i in range(len(records)) if i not in dict(decisions)]
        a, _, _ = mine.current_order(queue)
        b, _, _ = flipped.current_order(queue)
        assert sum(records[i][2] for i in a[:15]) > sum(records[i][2] for i in b[:15])
    finally:
        mine.close()
        flipped.close()


def test_publishes_a_stop_advice_after_a_long_dry_run(records):
    texts = {i: record_text(t, a) for i, (t, a, _) in enumerate(records)}
    bg = BackgroundRanker(texts)
    try:
        bg.submit(_decisions(records, 20, 10))  # every include found, few excludes yet
        assert bg.wait_idle(30)
        assert bg.stop_advice() is not None and not bg.stop_advice().stop
        bg.submit(_decisions(records, 20, 175))  # then a long run of excludes
        assert bg.wait_idle(30)
        advice = bg.stop_advice()
        assert advice.stop and advice.rule == "test" and advice.p_value < 0.05
    finally:
        bg.close()


class FailsOnce:
    """A model whose first fit fails (a transient error: a memory spike, a solver's bad start)
    and whose later fits succeed."""

    fits = 0

    def __init__(self) -> None:
        self.inner = default_model()

    def fit(self, X, y):
        FailsOnce.fits += 1
        if FailsOnce.fits == 1:
            raise ValueError("the solver did not converge")
        self.inner.fit(X, y)
        return self

    def decision_function(self, X):
        return self.inner.decision_function(X)


def test_a_fit_after_a_failed_one_clears_the_failure(records):
    """A failure is the last fit's, not the session's: the next fit that succeeds orders the
    queue again. The error had stayed set, so a screen said 'ranking failed' and kept the
    random order for good after one transient failure."""
    FailsOnce.fits = 0
    texts = {i: record_text(t, a) for i, (t, a, _) in enumerate(records)}
    bg = BackgroundRanker(texts, model_factory=FailsOnce)
    queue = list(range(len(records)))
    try:
        bg.submit(_decisions(records, 5, 5))
        assert bg.wait_idle(30)
        assert isinstance(bg.error, ValueError)
        assert bg.current_order(queue)[1] == "random"
        bg.submit(_decisions(records, 6, 6))
        assert bg.wait_idle(30)
        assert bg.error is None
        assert bg.current_order(queue)[1] == "model"
    finally:
        bg.close()
