"""The ranker's worker outlives a callback that raises: the error is kept as the ranker's, as a
fit's is, and the next submission is still trained. The worker called ``on_trained`` outside
its try, so a raising callback ended the thread; every later submission then waited for good
and the screen said "retraining…" for the session."""

from __future__ import annotations

import threading

from reviewkit.ranking.ranker import BackgroundRanker, default_model, record_text

WAIT_S = 60  # a bound for a wait that a working ranker ends at once (never reached)


class SecondFitWaits:
    """A model whose second fit waits for :attr:`gate`, saying first that it started."""

    fits = 0
    second = threading.Event()
    gate = threading.Event()

    def __init__(self) -> None:
        self.inner = default_model()

    def fit(self, X, y):  # noqa: ANN001, N803
        SecondFitWaits.fits += 1
        if SecondFitWaits.fits == 2:
            SecondFitWaits.second.set()
            assert SecondFitWaits.gate.wait(WAIT_S), "the test never opened the gate"
        self.inner.fit(X, y)
        return self

    def decision_function(self, X):  # noqa: ANN001, N803
        return self.inner.decision_function(X)


def _labels(records, n: int) -> list[tuple[int, bool]]:  # noqa: ANN001
    inc = [(i, True) for i, r in enumerate(records) if r[2]][:n]
    exc = [(i, False) for i, r in enumerate(records) if not r[2]][:n]
    return inc + exc


def test_a_raising_callback_is_the_rankers_error_and_the_worker_trains_on(records):
    SecondFitWaits.fits = 0
    SecondFitWaits.second.clear()
    SecondFitWaits.gate.clear()
    texts = {i: record_text(t, a) for i, (t, a, _) in enumerate(records)}
    calls: list[int] = []
    called = threading.Event()
    called_again = threading.Event()

    def on_trained() -> None:
        calls.append(len(calls))
        if len(calls) == 1:
            called.set()
            raise RuntimeError("the screen's pipe is closed")
        called_again.set()

    bg = BackgroundRanker(
        texts,
        model_factory=SecondFitWaits,
        on_trained=on_trained,
        min_includes=1,
        min_excludes=1,
    )
    queue = list(range(len(records)))
    try:
        bg.submit(_labels(records, 2))
        assert called.wait(WAIT_S)
        # the second fit starts only after the worker is done with the first callback
        bg.submit(_labels(records, 3))
        assert SecondFitWaits.second.wait(WAIT_S), "the worker never trained again"
        assert isinstance(bg.error, RuntimeError)  # said as a failure of the ranking
        assert str(bg.error) == "the screen's pipe is closed"
        SecondFitWaits.gate.set()
        assert called_again.wait(WAIT_S)
        assert bg.wait_idle(WAIT_S) and not bg.busy
        assert bg.error is None  # the fit that followed worked: a transient failure recovers
        assert bg.current_order(queue)[1] == "model"
    finally:
        SecondFitWaits.gate.set()
        bg.close()
