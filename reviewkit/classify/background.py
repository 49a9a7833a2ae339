"""Retrain the classification model in a worker thread while a reviewer confirms labels.

The confirm screen calls :meth:`ModelTrainer.submit` with the confirmed answers after every
confirmation and returns at once; the worker fits the model and its cross-validated accuracy
(a few hundred small fits at most: confirmed sets are tens to hundreds of studies) and
publishes it; :attr:`ModelTrainer.latest` is the last published model. Only the newest
submission is trained when several arrive during a fit, as in the screening ranker
(:class:`reviewkit.ranking.ranker.BackgroundRanker`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence

from reviewkit.classify.model import Model, ScoreCache, train
from reviewkit.protocol import Scheme
from reviewkit.records import Record


class ModelTrainer:
    """Fits a :class:`Model` for one scheme in a daemon thread; no call waits for a fit."""

    def __init__(
        self,
        scheme: Scheme,
        records: Mapping[int, Record],
        on_trained: Callable[[Model | None], None] | None = None,
        study_of: Mapping[int, int] | None = None,
    ) -> None:
        self.scheme = scheme
        self._records = dict(records)
        # record id -> its study (reports linked as one study): the model counts and holds out
        # studies (:func:`reviewkit.classify.model.train`)
        self._study_of = dict(study_of or {})
        # the rules' scores of these records, kept from one training to the next (they are the
        # same records and the same scheme) and for the published model's suggestions
        self._scores: ScoreCache = {}
        self._on_trained = on_trained
        self._cond = threading.Condition()
        self._pending: dict[int, list[str]] | None = None
        self._closed = False
        self._busy = False
        self.latest: Model | None = None
        self.version = 0  # counts the models published, for a screen that polls
        self.submitted = 0  # confirmed studies in the newest submission, for the screen to name
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="reviewkit-classify", daemon=True)
        self._thread.start()

    def submit(self, answers: Mapping[int, Sequence[str]]) -> None:
        """Queue a retrain on these confirmed answers (record id -> labels); returns at once."""
        with self._cond:
            self._pending = {int(k): list(v) for k, v in answers.items() if v}
            self.submitted = len({self._study_of.get(r, r) for r in self._pending})
            self._cond.notify()

    @property
    def busy(self) -> bool:
        """Whether a fit is queued or running."""
        return self._busy or self._pending is not None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no fit is queued or running (for tests and scripts); False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self.busy or self._closed, timeout)

    def close(self) -> None:
        """Stop the worker (it is a daemon thread, so exiting never hangs)."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def _work(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending is not None or self._closed)
                if self._closed:
                    return
                answers, self._pending, self._busy = self._pending, None, True
            try:
                model = train(
                    self.scheme, self._records, answers or {}, self._scores, self._study_of
                )
                self.latest = model
                self.version += 1
                if self._on_trained:
                    self._on_trained(model)
            except Exception as exc:  # noqa: BLE001 - kept for the screen to show
                self.error = exc
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
