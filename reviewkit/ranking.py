"""Screening prioritisation: learn from the decisions made so far, put likely includes first.

The model (measured against ASReview LAB's default in ``benchmarks/bench_ranking.py``):

* features: TF-IDF over word 1–2-grams with sublinear tf (title, abstract, keywords/MeSH),
  every term kept (min_df = 1: a rare term or bigram shared by a few includes is often the
  best clue; max_df = 0.95), fitted once per corpus, unlabelled records included, so
  retraining never touches the features. :func:`build_features` computes the same matrix as
  scikit-learn's ``TfidfVectorizer`` with those settings (columns in another order) about 3×
  faster, numbering bigrams with numpy instead of a dict of strings;
* classifier: a linear SVM (liblinear, squared hinge, C = 0.11, fixed ``random_state`` so a
  fit is reproducible) whose sample weights give the includes, all together,
  ``include_ratio`` (9.8) times the weight of all the excludes, retrained on the labelled rows
  only; records are ordered by its decision value.
  (Features and classifier are ASReview's default model, ELAS u4; what differs is the text,
  MeSH keywords added, and in simulation retraining every 1 % of the labelled records after
  the first 100 instead of after every decision; see ``benchmarks/results/ranking.md``.)

Readiness: until at least ``min_includes`` includes and ``min_excludes`` excludes have been
decided (default 5 and 5) the ranker does not reorder: :meth:`Ranker.rank` returns the
candidates in the order it was given them, which is the stable random queue of the caller
(:func:`stable_random_order` makes one).

Blinding: a ranker learns only from the decisions it is given. The screening screen passes
the current reviewer's own include/exclude decisions, never another reviewer's.

:class:`BackgroundRanker` wraps a ranker for an interactive screen: it builds the features and
retrains in a worker thread; :meth:`BackgroundRanker.submit` and
:meth:`BackgroundRanker.current_order` return at once and only read the last published model
(see the class docstring for the three calls a screen needs).
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize
from sklearn.svm import LinearSVC

from reviewkit.stopping import RemainingEstimate, estimate_remaining

__all__ = [
    "BackgroundRanker",
    "Ranker",
    "WeightedLinearSVC",
    "build_features",
    "default_model",
    "record_text",
    "stable_random_order",
    "term_counts",
]

MIN_INCLUDES = 5
MIN_EXCLUDES = 5


class Model(Protocol):
    """What a ranker needs from a classifier (any scikit-learn binary classifier fits)."""

    def fit(self, X: Any, y: Any) -> Any: ...


class WeightedLinearSVC:
    """Linear SVM whose includes weigh ``include_ratio`` times the excludes, class totals."""

    def __init__(self, C: float = 0.11, include_ratio: float = 9.8) -> None:
        self.C = C
        self.include_ratio = include_ratio
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
    """The default classifier: :class:`WeightedLinearSVC` with C = 0.11, ratio 9.8."""
    return WeightedLinearSVC()


_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


def _fold(text: str) -> str:
    """Accents folded as scikit-learn's ``strip_accents="unicode"`` folds them."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _pair_codes(tokens: np.ndarray, starts: np.ndarray, n_words: int) -> np.ndarray:
    """Bigram (tokens[k], tokens[k + 1]) for each k in ``starts``, as one int64 per pair."""
    codes = tokens[starts].astype(np.int64)
    codes *= max(n_words, 1)
    codes += tokens[starts + 1]
    return codes


def term_counts(texts: Sequence[str]) -> tuple[sparse.csr_matrix, list[str], np.ndarray]:
    """Counts of word 1- and 2-grams per text: ``(counts, words, pairs)``.

    Tokens are scikit-learn's (lower case, accents folded, runs of 2+ word characters).
    Column ``j < len(words)`` counts the word ``words[j]``; column ``len(words) + k`` counts
    the bigram ``words[pairs[k, 0]] + " " + words[pairs[k, 1]]``. Only the words go through
    a dict; bigrams are numbered with numpy, which is what makes this faster than
    ``CountVectorizer(ngram_range=(1, 2))`` (same counts, columns in another order).
    """
    vocab: dict[str, int] = {}
    setdefault = vocab.setdefault
    findall = _TOKEN.findall
    buffer, lengths_buffer = array("i"), array("q")  # word ids of all texts, one after the other
    for text in texts:
        ids = [setdefault(w, len(vocab)) for w in findall(_fold(text.lower()))]
        buffer.extend(ids)
        lengths_buffer.append(len(ids))
    n, n_words = len(texts), len(vocab)
    tokens = np.frombuffer(buffer, dtype=np.int32) if buffer else np.zeros(0, dtype=np.int32)
    lengths = (
        np.frombuffer(lengths_buffer, dtype=np.int64)
        if lengths_buffer
        else np.zeros(0, dtype=np.int64)
    )
    row = np.repeat(np.arange(n, dtype=np.int32), lengths)
    same = np.flatnonzero(row[1:] == row[:-1])  # token k and k + 1 are in one text: a bigram

    # numbered by sorting in place and searching, which needs less memory than np.unique's inverse
    # (a 50,000-record stage has ~12 million tokens)
    codes = _pair_codes(tokens, same, n_words)
    codes.sort()
    pair_codes = codes[np.flatnonzero(np.diff(codes, prepend=-1))] if len(codes) else codes
    del codes
    bigram = np.searchsorted(pair_codes, _pair_codes(tokens, same, n_words)).astype(np.int32)
    rows = np.concatenate([row, row[same + 1]])
    cols = np.concatenate([tokens, bigram + np.int32(n_words)])
    del tokens, buffer, bigram, row, same
    counts = (
        sparse.csr_matrix(  # duplicates are summed: the counts (exact in float32, half the memory)
            (np.ones(len(rows), dtype=np.float32), (rows, cols)),
            shape=(n, n_words + len(pair_codes)),
        )
    )
    del rows, cols
    pairs = np.stack(np.divmod(pair_codes, max(n_words, 1)), axis=1)
    return counts.astype(np.float64), list(vocab), pairs


def build_features(texts: Sequence[str], max_df: float = 0.95) -> sparse.csr_matrix:
    """TF-IDF of word 1–2-grams over the whole corpus (float64 CSR, one row per text).

    The same matrix as scikit-learn's ``TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True,
    min_df=1, max_df=0.95, strip_accents="unicode")`` up to the order of the columns:
    tf = 1 + ln(count), idf = 1 + ln((1 + n) / (1 + df)), terms in more than ``max_df`` of
    the texts dropped, rows L2-normalised. About 3× faster (see :func:`term_counts`).
    """
    n = len(texts)
    counts, _, _ = term_counts(texts)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    keep = df <= max_df * n
    if not keep.any():  # no vocabulary (every text empty): a single zero column ranks nothing
        return sparse.csr_matrix((n, 1), dtype=np.float64)
    if not keep.all():  # drop the columns in place (a column selection would copy the matrix)
        counts.data[~keep[counts.indices]] = 0.0
        counts.eliminate_zeros()
        new_column = np.cumsum(keep, dtype=np.int32) - 1
        counts = sparse.csr_matrix(
            (counts.data, new_column[counts.indices], counts.indptr), shape=(n, int(keep.sum()))
        )
        df = df[keep]
    counts.data = np.log(counts.data) + 1.0
    counts.data *= (np.log((1.0 + n) / (1.0 + df)) + 1.0)[counts.indices]
    # float64: liblinear wants it, no copy per fit
    return normalize(counts, copy=False)


def record_text(title: str, abstract: str = "", keywords: Sequence[str] | str = "") -> str:
    """The text a record is ranked on: title, abstract and keywords (MeSH terms) joined."""
    if not isinstance(keywords, str):
        keywords = "; ".join(keywords)
    return " ".join(part for part in (title, abstract, keywords) if part)


def stable_random_order(ids: Sequence[int], seed: int = 0) -> list[int]:
    """``ids`` in a pseudo-random order that depends only on (seed, id), so it never reshuffles."""

    def key(i: int) -> bytes:
        return hashlib.blake2b(f"{seed}:{i}".encode(), digest_size=8).digest()

    return sorted(ids, key=key)


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
        self.min_includes = min_includes
        self.min_excludes = min_excludes
        self.model_factory = model_factory
        self.model: Any = None
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
        rows = [(self.row[i], bool(v)) for i, v in labels.items() if i in self.row]
        y = np.fromiter((v for _, v in rows), dtype=np.int8, count=len(rows))
        self.n_includes = int(y.sum())
        self.n_excludes = len(rows) - self.n_includes
        if self.n_includes < max(1, self.min_includes) or self.n_excludes < max(
            1, self.min_excludes
        ):
            self.model = None
            return False
        idx = np.fromiter((r for r, _ in rows), dtype=np.int64, count=len(rows))
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
    * ``estimate_remaining()`` returns the :class:`reviewkit.stopping.RemainingEstimate`
      for the last submission: includes still expected among this reviewer's unscreened
      records, with its interval; None before any decision.
    * ``on_trained`` (optional) is called from the worker thread after each publish; a
      Textual screen should hop back with ``app.call_from_thread``.
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
    ) -> None:
        self._texts = dict(texts)
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

    def estimate_remaining(self) -> RemainingEstimate | None:
        """Includes expected among the unscreened records, with interval (see stopping.py)."""
        return self._published.estimate

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
                    ranker = Ranker(list(self._texts.values()), list(self._texts), **self._kwargs)
                self._publish(ranker, decisions or [])
            except Exception as exc:  # keep the screen alive; the order stays as it was
                self.error = exc
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
            if self._on_trained is not None:
                self._on_trained()

    def _publish(self, ranker: Ranker, decisions: list[tuple[int, bool]]) -> None:
        labels = dict(decisions)
        last = {
            i: pos for pos, (i, _) in enumerate(decisions)
        }  # a re-decided record counts once, last
        in_order = [v for pos, (i, v) in enumerate(decisions) if last[i] == pos]
        n_remaining = sum(1 for i in self._texts if i not in labels)
        estimate = (
            estimate_remaining(in_order, n_remaining, level=self._level) if in_order else None
        )
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
            scores, trained_at, estimate, ranker.n_includes, ranker.n_excludes
        )
