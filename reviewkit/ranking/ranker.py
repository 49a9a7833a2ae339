"""Screening prioritisation: learn from the decisions made so far, put likely includes first.

The model (measured against ASReview LAB's default in ``benchmarks/bench_ranking.py``):

* features (:mod:`reviewkit.ranking.features`): TF-IDF over word 1–2-grams with sublinear tf
  (title twice, abstract, keywords/MeSH; see :data:`TITLE_COPIES`), every term kept
  (min_df = 1: a rare term or bigram shared by a few includes is often the best clue;
  max_df = 0.95), fitted once per corpus, unlabelled records included, so retraining never
  touches the features. :func:`build_features` computes the same matrix as scikit-learn's
  ``TfidfVectorizer`` with those settings (columns in another order) about 3× faster,
  without importing scikit-learn;
* classifier (:mod:`reviewkit.ranking.model`): weighted kernel least squares, the includes
  weighing 9.8 times the excludes in total, refitted incrementally on the labelled rows;
  records are ordered by its score. ASReview's default (a linear SVM, liblinear) is kept as
  :class:`WeightedLinearSVC` for comparison; it ties ASReview, this model leads it on
  identical input (``benchmarks/results/ranking.md``). In simulation the model is retrained
  after every decision up to 100 labels, then every 1 % of the labelled records.

Readiness: until at least ``min_includes`` includes and ``min_excludes`` excludes have been
decided (default 5 and 5; :func:`meets_ready_rule`) the ranker does not reorder:
:meth:`Ranker.rank` returns the candidates in the order it was given them, which is the stable
random queue of the caller (:func:`stable_random_order` makes one).

Blinding: a ranker learns only from the decisions it is given. The screening screen passes
the current reviewer's own include/exclude decisions, never another reviewer's.

:class:`BackgroundRanker` wraps a ranker for an interactive screen: it builds the features and
retrains in a worker thread; :meth:`BackgroundRanker.submit` and
:meth:`BackgroundRanker.current_order` return at once and only read the last published model
(see the class docstring for the three calls a screen needs).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import numpy as np
from scipy import sparse

from reviewkit.blas import one_blas_thread
from reviewkit.ranking.features import build_features, term_counts
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ready_rule import MIN_EXCLUDES, MIN_INCLUDES, meets_ready_rule
from reviewkit.ranking.stopping import (
    RemainingEstimate,
    StopAdvice,
    estimate_remaining,
    stop_advice,
)

__all__ = [
    "BackgroundRanker",
    "MIN_EXCLUDES",
    "MIN_INCLUDES",
    "KernelLeastSquares",
    "Ranker",
    "WeightedLinearSVC",
    "build_features",
    "default_model",
    "meets_ready_rule",
    "record_text",
    "stable_random_order",
    "term_counts",
]


class Model(Protocol):
    """What a ranker needs from a classifier (any scikit-learn binary classifier fits)."""

    def fit(self, X: Any, y: Any) -> Any: ...


class WeightedLinearSVC:
    """Linear SVM whose includes weigh ``include_ratio`` times the excludes, class totals."""

    def __init__(self, C: float = 0.11, include_ratio: float = 9.8) -> None:
        self.C = C
        self.include_ratio = include_ratio
        from sklearn.svm import LinearSVC  # imported here: a second of CPU at start-up

        self.svm = LinearSVC(C=C, random_state=0)  # liblinear's sample order: reproducible fits

    def fit(self, X: Any, y: Any) -> WeightedLinearSVC:
        y = np.asarray(y)
        n_inc = int(y.sum())
        n_exc = len(y) - n_inc
        weights = np.where(y == 1, 1.0, n_inc / (self.include_ratio * n_exc))
        self.svm.fit(X, y, sample_weight=weights * (len(y) / weights.sum()))
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        # X @ w + b directly: sklearn's input validation costs more than the product itself
        return np.asarray(X @ self.svm.coef_.ravel()).ravel() + self.svm.intercept_[0]


def default_model() -> Model:
    """The default classifier: :class:`reviewkit.ranking.model.KernelLeastSquares`."""
    return KernelLeastSquares()


# The title is given twice: it states a study's topic, population and design in a dozen words,
# where the abstract spends two hundred, so its terms should weigh more than one abstract
# mention (with sublinear tf a second copy weighs 1 + ln 2 ≈ 1.7 times one). Measured on the
# 15 labelled sets x 3 seeds: mean WSS@95 up by about 0.02 (benchmarks/results/ranking.md).
TITLE_COPIES = 2


def record_text(title: str, abstract: str = "", keywords: Sequence[str] | str = "") -> str:
    """The text a record is ranked on: title (twice, see :data:`TITLE_COPIES`), abstract and
    keywords (MeSH terms) joined."""
    if not isinstance(keywords, str):
        keywords = "; ".join(keywords)
    return " ".join(part for part in (*[title] * TITLE_COPIES, abstract, keywords) if part)


def stable_random_order(ids: Sequence[int], seed: int = 0) -> list[int]:
    """``ids`` in a pseudo-random order that depends only on (seed, id), so it never reshuffles."""

    def key(i: int) -> bytes:
        return hashlib.blake2b(f"{seed}:{i}".encode(), digest_size=8).digest()

    return sorted(ids, key=key)


class _Snapshot:
    """The scores of an incremental model as they were after one fit (its next fit may be
    running in another thread while these are read)."""

    def __init__(self, model: Any, X: Any) -> None:
        self.scores = np.asarray(model.decision_function(X), dtype=float)

    def decision_function(self, X: Any) -> np.ndarray:
        return self.scores


def _scores(model: Any, X: Any) -> np.ndarray:
    if hasattr(model, "decision_function"):
        return np.asarray(model.decision_function(X), dtype=float).ravel()
    return np.asarray(model.predict_proba(X), dtype=float)[:, 1]


class Ranker:
    """Orders record ids by how likely each is an include, given the decisions so far.

    ``corpus`` is either the texts of every record in the stage (see :func:`record_text`) or a
    precomputed feature matrix with one row per record; ``ids`` names the rows (default
    0..n-1). Features are built once here; :meth:`fit` retrains only the classifier.
    """

    def __init__(
        self,
        corpus: Sequence[str] | sparse.spmatrix | np.ndarray,
        ids: Sequence[int] | None = None,
        *,
        min_includes: int = MIN_INCLUDES,
        min_excludes: int = MIN_EXCLUDES,
        model_factory: Callable[[], Model] = default_model,
    ) -> None:
        if sparse.issparse(corpus) or isinstance(corpus, np.ndarray):
            self.X = sparse.csr_matrix(corpus)
        else:
            self.X = build_features(list(corpus))
        n = self.X.shape[0]
        self.ids = list(range(n)) if ids is None else list(ids)
        if len(self.ids) != n:
            raise ValueError(f"{len(self.ids)} ids for {n} records")
        self.row = {record_id: i for i, record_id in enumerate(self.ids)}
        self._ids_are_rows = ids is None  # the ids 0..n-1 are the row numbers themselves
        self.min_includes = min_includes
        self.min_excludes = min_excludes
        self.model_factory = model_factory
        self.model: Any = None
        self._incremental: Any = model_factory()  # used by fit() when it has fit_rows()
        self.n_includes = 0
        self.n_excludes = 0

    @property
    def ready(self) -> bool:
        """True once a model has been trained (the ready rule was met at the last fit)."""
        return self.model is not None

    def fit(self, labels: Mapping[int, bool]) -> bool:
        """Retrain on ``labels`` (record id -> included?). Returns :attr:`ready`.

        Ids the ranker does not know are ignored. Below the ready rule the model is dropped,
        so an undo that goes back under the threshold restores the random order.
        """
        with one_blas_thread():
            return self._fit(labels)

    def _rows_and_labels(self, labels: Mapping[int, bool]) -> tuple[np.ndarray, np.ndarray]:
        """The rows of the known ids in ``labels`` (in its order) and their labels (int8 0/1)."""
        if self._ids_are_rows:  # no lookup per label (a simulation refits thousands of times)
            idx = np.fromiter(labels.keys(), dtype=np.int64, count=len(labels))
            if len(idx) == 0 or (idx.min() >= 0 and idx.max() < len(self.ids)):
                y = np.fromiter(map(bool, labels.values()), dtype=np.int8, count=len(labels))
                return idx, y
        rows = [(self.row[i], bool(v)) for i, v in labels.items() if i in self.row]
        y = np.fromiter((v for _, v in rows), dtype=np.int8, count=len(rows))
        return np.fromiter((r for r, _ in rows), dtype=np.int64, count=len(rows)), y

    def _fit(self, labels: Mapping[int, bool]) -> bool:
        idx, y = self._rows_and_labels(labels)
        self.n_includes = int(y.sum())
        self.n_excludes = len(y) - self.n_includes
        if not meets_ready_rule(
            self.n_includes, self.n_excludes, self.min_includes, self.min_excludes
        ):
            self.model = None
            return False
        if hasattr(self._incremental, "fit_rows"):  # keeps what it computed for earlier fits
            model, self._incremental = self._incremental, None  # not shared while it trains
            model.fit_rows(self.X, idx, y)
            self._incremental = model
            self.model = _Snapshot(model, self.X)  # publish only a fully trained model
            return True
        model = self.model_factory()
        model.fit(self.X[idx], y)
        self.model = model  # publish only a fully trained model
        return True

    def scores(self, ids: Sequence[int]) -> np.ndarray:
        """Model scores of ``ids`` (higher = more likely include); requires :attr:`ready`."""
        return self.all_scores()[[self.row[i] for i in ids]]

    def all_scores(self) -> np.ndarray:
        """Model scores of every row, in the order of :attr:`ids`; requires :attr:`ready`.

        Scoring the whole matrix at once is cheaper than selecting rows first (no copy).
        """
        if self.model is None:
            raise RuntimeError("ranker is not ready: fit() it with enough decisions first")
        with one_blas_thread():
            return _scores(self.model, self.X)

    def rank(self, candidate_ids: Sequence[int]) -> list[int]:
        """``candidate_ids`` best first; in the given order (the random queue) until ready.

        Ties keep the given order; ids unknown to the ranker go last, in the given order.
        """
        if self.model is None:
            return list(candidate_ids)
        known = [i for i in candidate_ids if i in self.row]
        unknown = [i for i in candidate_ids if i not in self.row]
        if not known:
            return unknown
        order = np.argsort(-self.scores(known), kind="stable")
        return [known[k] for k in order] + unknown


@dataclass(frozen=True)
class _Published:
    scores: dict[int, float] | None
    trained_at: datetime | None
    estimate: RemainingEstimate | None
    n_includes: int
    n_excludes: int
    advice: StopAdvice | None = None


class BackgroundRanker:
    """A :class:`Ranker` that trains in a worker thread; no call ever waits for training.

    The screening screen needs three calls::

        bg = BackgroundRanker({record_id: record_text(...), ...}, on_trained=refresh)
        bg.submit([(record_id, included), ...])   # this reviewer's decisions, in the order made
        order, source, trained_at = bg.current_order(queue)
        est = bg.estimate_remaining()              # (estimate, low, high) or None

    * ``submit(decisions)`` queues a retrain and returns at once. Pass the reviewer's current
      include/exclude decisions in the order they were made (undone ones left out, uncertain
      ones left out); only the latest submission is trained if several arrive during a fit.
    * ``current_order(queue)`` returns ``(order, source, trained_at)``: ``source`` is
      ``"random"`` (the queue unchanged, before the ready rule or the first fit) or
      ``"model"`` (sorted by the last published model; ids it has not scored go last);
      ``trained_at`` is the UTC time of that model or None.
    * ``estimate_remaining()`` returns the :class:`reviewkit.ranking.stopping.RemainingEstimate`
      for the last submission: includes still expected among this reviewer's unscreened
      records, with its interval; None before any decision.
    * ``on_trained`` (optional) is called from the worker thread after each publish; a
      Textual screen should hop back with ``app.call_from_thread``. An exception it raises
      is kept in ``error``, as a fit's is, until the next fit; the worker goes on.
    * ``close()`` stops the worker (it is a daemon thread, so exiting never hangs).
    """

    def __init__(
        self,
        texts: Mapping[int, str],
        *,
        min_includes: int = MIN_INCLUDES,
        min_excludes: int = MIN_EXCLUDES,
        model_factory: Callable[[], Model] = default_model,
        on_trained: Callable[[], None] | None = None,
        level: float = 0.9,
        features: sparse.spmatrix | None = None,
    ) -> None:
        self._texts = dict(texts)
        self._queue: frozenset[int] | None = None  # the studies counted (None: every text's)
        # the texts' feature matrix (build_features of the values, in order), when the caller
        # has it already; else the worker builds it before the first fit
        self._features = features
        self._kwargs = {
            "min_includes": min_includes,
            "min_excludes": min_excludes,
            "model_factory": model_factory,
        }
        self._on_trained = on_trained
        self._level = level
        self._cond = threading.Condition()
        self._pending: list[tuple[int, bool]] | None = None
        self._closed = False
        self._busy = False
        self._published = _Published(None, None, None, 0, 0)
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="reviewkit-ranker", daemon=True)
        self._thread.start()

    def submit(self, decisions: Sequence[tuple[int, bool]]) -> None:
        """Queue a retrain on these decisions (record id, included?) and return at once."""
        with self._cond:
            self._pending = [(int(i), bool(v)) for i, v in decisions]
            self._cond.notify()

    def current_order(self, queue: Sequence[int]) -> tuple[list[int], str, datetime | None]:
        """``(order, source, trained_at)`` for ``queue`` from the last published model."""
        published = self._published
        if published.scores is None:
            return list(queue), "random", None
        scores = published.scores
        known = [i for i in queue if i in scores]
        known.sort(key=lambda i: -scores[i])  # stable: ties keep the queue order
        return known + [i for i in queue if i not in scores], "model", published.trained_at

    def count_only(self, ids: Collection[int]) -> None:
        """From the next fit on, count only ``ids`` as the queue (the others left it: decided
        by another reviewer); their rows stay in the features, which are not built again."""
        with self._cond:
            self._queue = frozenset(ids)

    def estimate_remaining(self) -> RemainingEstimate | None:
        """Includes expected among the unscreened records, with interval (see stopping.py)."""
        return self._published.estimate

    def stop_advice(self) -> StopAdvice | None:
        """The stopping recommendation for the last submission (see stopping.py), or None.

        None before any decision and when no rule has passed the simulations
        (:data:`reviewkit.ranking.stopping.RECOMMENDED_RULE` is None).
        """
        return self._published.advice

    @property
    def busy(self) -> bool:
        """True while a submission waits or a fit runs."""
        with self._cond:
            return self._busy or self._pending is not None

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no work is pending (for tests and scripts, never for a UI)."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy and self._pending is None, timeout)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def _work(self) -> None:
        ranker: Ranker | None = None
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending is not None or self._closed)
                if self._closed:
                    return
                decisions, self._pending = self._pending, None
                self._busy = True
            try:
                if ranker is None:
                    corpus = self._features
                    if corpus is None:
                        corpus = list(self._texts.values())
                    self._features = None  # the ranker holds it from now on
                    ranker = Ranker(corpus, list(self._texts), **self._kwargs)
                self._publish(ranker, decisions or [])
                self.error = None  # a failure is the last fit's: a transient one recovers
            except Exception as exc:  # keep the screen alive; the order stays as it was
                self.error = exc
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
            if self._on_trained is not None:
                try:
                    self._on_trained()
                except Exception as exc:  # the worker lives on (else "retraining…" for good):
                    self.error = exc  # a failure of the ranking, said as a fit's is

    def _publish(self, ranker: Ranker, decisions: list[tuple[int, bool]]) -> None:
        labels = dict(decisions)
        last = {
            i: pos for pos, (i, _) in enumerate(decisions)
        }  # a re-decided record counts once, last
        in_order = [v for pos, (i, v) in enumerate(decisions) if last[i] == pos]
        queue = self._queue
        n_remaining = sum(
            1 for i in self._texts if i not in labels and (queue is None or i in queue)
        )
        estimate = (
            estimate_remaining(in_order, n_remaining, level=self._level) if in_order else None
        )
        advice = stop_advice(in_order, n_remaining) if in_order else None
        if ranker.fit(labels):
            scores = {
                i: s
                for i, s in zip(ranker.ids, ranker.all_scores().tolist(), strict=True)
                if i not in labels
            }
            trained_at: datetime | None = datetime.now(UTC)
        else:
            scores, trained_at = None, None
        self._published = _Published(
            scores, trained_at, estimate, ranker.n_includes, ranker.n_excludes, advice
        )
