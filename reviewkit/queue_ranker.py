"""Ranks one reviewer's screening queue in the background, from that reviewer's votes only.

:class:`QueueRanker` connects a :class:`reviewkit.screening.ReviewerQueue` to a
:class:`reviewkit.ranking.BackgroundRanker`:

* **Labels.** The ranker learns from the current votes of the queue's reviewer at the queue's
  stage (:meth:`ReviewerQueue.own_labels`): include and uncertain are positive, exclude is
  negative. Another reviewer's votes are never read, so the blinding holds.
* **Texts.** Title, abstract, keywords and MeSH terms of each study in the queue (its canonical
  record), read once per session by a loader thread over its own database connection, after
  the first screen is drawn; the TF-IDF features are then built in the ranker's worker
  thread. Nothing here runs in the caller's thread except copying the labels and splicing an
  order that a worker thread has already computed, so a keypress never waits for a fit.
* **Order.** Until the ready rule is met (``min_includes`` positive and ``min_excludes``
  negative votes, 5 and 5 by default) the queue keeps its seeded random order. After each
  retrain the worker sorts the queue by the new model; :meth:`apply` (call it when moving to
  the next record) reorders only the undecided studies after the current position
  (:meth:`ReviewerQueue.reorder_remaining`): decided studies and the records already shown keep
  their place, so the record on screen never jumps away. Only the next ``window`` (1,000)
  undecided places are refilled per call, so a move costs the same on a 50,000-record queue.
* **Stopping.** :meth:`status` carries the estimate of the includes left among this reviewer's
  unscreened studies (:func:`reviewkit.stopping.estimate_remaining`, a beta-binomial on the
  recent include rate, with its 90 % interval).

``reviewkit.ranking`` (scikit-learn) is imported in the loader thread, so creating a
QueueRanker costs nothing and the first screen does not wait for the import.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reviewkit.screening import ReviewerQueue
from reviewkit.store import Store
from reviewkit.store import records as record_rows

if TYPE_CHECKING:
    from reviewkit.ranking import BackgroundRanker
    from reviewkit.stopping import RemainingEstimate

__all__ = ["QueueRanker", "RankStatus"]

_CHUNK = 2000  # records read per query by the loader (it checks for close() between chunks)
WINDOW = 1000  # places reordered per apply(): the cost of a keypress stays flat on a long queue


@dataclass(frozen=True)
class RankStatus:
    """What the screen shows about the queue order and the includes left."""

    source: str  # "loading" (texts/features not ready yet) | "random" | "model" | "failed"
    trained_at: datetime | None  # UTC time of the model in use, when source is "model"
    positives: int  # this reviewer's include + uncertain votes
    negatives: int  # this reviewer's exclude votes
    min_includes: int
    min_excludes: int
    estimate: RemainingEstimate | None
    busy: bool  # a retrain is queued or running
    error: str = ""

    def describe(self) -> str:
        """One line: the order's source (random / model, trained when) and the includes left."""
        if self.source == "failed":
            return f"Order: random (ranking failed: {self.error})"
        ready = self.positives >= self.min_includes and self.negatives >= self.min_excludes
        if self.source == "model" and self.trained_at is not None:
            when = self.trained_at.astimezone().strftime("%H:%M:%S")
            order = f"Order: model (trained {when}{', retraining…' if self.busy else ''})"
        elif not ready:
            order = (f"Order: random until {self.min_includes} includes and {self.min_excludes} excludes"
                     f" (you: {self.positives} and {self.negatives})")
        else:
            order = "Order: random (training the first model…)"
        if self.estimate is not None:
            e = self.estimate
            left = f"Includes left ≈ {e.estimate:,.0f} ({e.level:.0%}: {e.low:,}–{e.high:,})"
        elif self.source == "loading":
            left = "Includes left: reading the queue…"
        else:
            left = "Includes left: after your first decision"
        return f"{order} · {left}"


@dataclass(frozen=True)
class _Ranked:
    order: list[int]  # every study of the queue, best first (as of that model)
    source: str
    trained_at: datetime | None


class QueueRanker:
    """Background ranking of one :class:`ReviewerQueue`; every call returns at once.

    Call from the screen's thread: :meth:`start` once the first record is on screen,
    :meth:`update` after every vote or undo, :meth:`apply` when moving to the next record,
    :meth:`status` to display, :meth:`close` on quit. :meth:`wait_idle` is for tests and
    scripts only. ``model_factory`` and the thresholds are passed to the ranker.
    """

    def __init__(
        self,
        queue: ReviewerQueue,
        *,
        min_includes: int = 5,
        min_excludes: int = 5,
        model_factory: Callable[[], Any] | None = None,
        level: float = 0.9,
        window: int = WINDOW,
    ) -> None:
        self.queue = queue
        self.window = window
        self.min_includes = min_includes
        self.min_excludes = min_excludes
        self._model_factory = model_factory
        self._level = level
        self._ids = tuple(queue.studies)  # the seeded order: ties and unscored studies keep it
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._labels: list[tuple[int, bool]] = []
        self._counts = (0, 0)
        self._bg: BackgroundRanker | None = None
        self._ranked: _Ranked | None = None
        self._loader: threading.Thread | None = None
        self._loaded = threading.Event()
        self._closed = False
        self._applied: tuple[str, datetime | None] | None = None
        self._applied_after = -1
        self._model_applied = False
        self.error: BaseException | None = None

    # --- the screen's calls -------------------------------------------------------------
    def start(self) -> None:
        """Start reading the texts and building the features in a background thread."""
        if self._loader is not None:
            return
        self.update()
        self._loader = threading.Thread(target=self._load, name="reviewkit-queue-ranker", daemon=True)
        self._loader.start()

    def update(self) -> None:
        """Queue a retrain on this reviewer's current votes (call after each vote or undo)."""
        labels = self.queue.own_labels()
        positives = sum(1 for _, positive in labels if positive)
        with self._lock:
            self._labels = labels
            self._counts = (positives, len(labels) - positives)
            if self._bg is not None:
                self._bg.submit(labels)

    def apply(self, after: int | None, keep: Collection[int] = ()) -> bool:
        """Reorder the undecided studies after position ``after`` if a newer order was published.

        Studies in ``keep`` (the screen passes those it has shown) and decided studies keep
        their place (:meth:`ReviewerQueue.reorder_remaining`); only the next ``window``
        movable places are filled, so this costs O(window), and they are filled again from
        the same order once the reviewer has moved half a window on. Returns True when the
        queue's order changed. While the ready rule is not met (or after an undo takes the
        votes back under it) the published order is the seeded random one.
        """
        ranked = self._ranked
        if ranked is None:
            return False
        key = (ranked.source, ranked.trained_at)
        moved_on = (after if after is not None else -1) - self._applied_after >= self.window // 2
        if key == self._applied and not (self._model_applied and moved_on):
            return False
        self._applied = key
        if ranked.source != "model" and not self._model_applied:
            return False  # still in the seeded order: nothing to undo
        self._model_applied = ranked.source == "model"
        self._applied_after = after if after is not None else -1
        return self.queue.reorder_remaining(ranked.order, after, keep, window=self.window)

    def status(self) -> RankStatus:
        """The order's source and the includes-left estimate, for display."""
        positives, negatives = self._counts
        bg = self._bg
        if self.error is not None or (bg is not None and bg.error is not None):
            error = self.error or (bg.error if bg is not None else None)
            return RankStatus("failed", None, positives, negatives, self.min_includes, self.min_excludes,
                              None, False, str(error) or type(error).__name__)
        if bg is None:
            return RankStatus("loading", None, positives, negatives, self.min_includes, self.min_excludes,
                              None, self._loader is not None and not self._closed)
        _, source, trained_at = bg.current_order(())
        estimate = bg.estimate_remaining()
        if estimate is None and bg.busy and not self._ranked:
            source = "loading"  # the first submission is still building the features
        return RankStatus(source, trained_at, positives, negatives, self.min_includes, self.min_excludes,
                          estimate, bg.busy)

    @property
    def started(self) -> bool:
        return self._loader is not None

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Stop the loader and the ranker's worker (daemon threads: quitting never waits)."""
        with self._lock:
            self._closed = True
            bg, self._bg = self._bg, None
            self._cond.notify_all()
        if bg is not None:
            bg.close()
        self._loaded.set()

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block until the texts are loaded, no retrain is pending and its order is published.

        For tests and scripts, never for a screen. False on timeout.
        """
        deadline = time.monotonic() + timeout
        if self._loader is None or not self._loaded.wait(timeout):  # never started: it never will be idle
            return False
        bg = self._bg
        if bg is None:
            return self.error is None and not self._closed
        if not bg.wait_idle(max(0.0, deadline - time.monotonic())):
            return False

        def published() -> bool:
            _, source, trained_at = bg.current_order(())
            ranked = self._ranked
            return ranked is not None and (ranked.source, ranked.trained_at) == (source, trained_at)

        with self._cond:
            return self._cond.wait_for(published, max(0.0, deadline - time.monotonic()))

    # --- worker threads -----------------------------------------------------------------
    def _load(self) -> None:
        try:
            texts = self._read_texts()
            if texts is None:
                return
            from reviewkit.ranking import BackgroundRanker

            kwargs: dict[str, Any] = {"min_includes": self.min_includes, "min_excludes": self.min_excludes,
                                      "on_trained": self._on_trained, "level": self._level}
            if self._model_factory is not None:
                kwargs["model_factory"] = self._model_factory
            bg = BackgroundRanker(texts, **kwargs)
            with self._lock:
                if self._closed:
                    bg.close()
                    return
                self._bg = bg
                bg.submit(self._labels)  # the newest labels, copied in the screen's thread
        except Exception as exc:  # the screen goes on in random order and says why
            self.error = exc
        finally:
            self._loaded.set()

    def _read_texts(self) -> dict[int, str] | None:
        """study id -> ranking text, from a connection of this thread; None once closed."""
        from reviewkit.ranking import record_text

        texts: dict[int, str] = {}
        db = Store.open(self.queue.db.path)
        try:
            for start in range(0, len(self._ids), _CHUNK):
                if self._closed:
                    return None
                chunk = self._ids[start:start + _CHUNK]
                records = record_rows.get_records(db, chunk)
                for study in chunk:
                    rec = records.get(study)
                    if rec is not None:
                        texts[study] = record_text(rec.title, rec.abstract, [*rec.keywords, *rec.mesh_terms])
        finally:
            db.close()
        return texts

    def _on_trained(self) -> None:
        """In the ranker's worker: sort the whole queue by the new model, off the screen's thread."""
        with self._lock:
            bg = self._bg
        if bg is None:
            return
        order, source, trained_at = bg.current_order(self._ids)
        with self._cond:
            self._ranked = _Ranked(order, source, trained_at)
            self._cond.notify_all()
