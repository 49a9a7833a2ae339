"""The ranking engine behind a reviewer's queue (:class:`reviewkit.ranking.queue.QueueRanker`).

:class:`Engine` reads the queue's texts, builds the features and runs the
:class:`reviewkit.ranking.ranker.BackgroundRanker` in threads of the process it lives in, and
publishes an :class:`EngineState` whenever its state changes, in order
(:mod:`reviewkit.ranking.state_publisher`);
:class:`reviewkit.ranking.engine_process.EngineProcess` runs one in a spawned process of its
own and offers the same calls.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewkit.ranking.ready_rule import MIN_EXCLUDES, MIN_INCLUDES, label_counts, meets_ready_rule
from reviewkit.ranking.state_publisher import StatePublisher
from reviewkit.store import Store
from reviewkit.store import records as record_rows

if TYPE_CHECKING:
    from reviewkit.ranking.ranker import BackgroundRanker
    from reviewkit.ranking.stopping import RemainingEstimate, StopAdvice


_CHUNK = 2000  # records read per query by the loader (it checks for close() between chunks)
WINDOW = 1000  # places reordered per apply(): the cost of a keypress stays flat on a long queue
SENT_PER_WINDOW = 4  # a ranking process sends the best 4 windows of each order, not all 50,000


@dataclass(frozen=True)
class Ranked:
    order: list[int]  # the studies of the queue, best first (as of that model); from a ranking
    # process only the first ``SENT_PER_WINDOW`` windows' worth (the rest keep their places)
    source: str
    trained_at: datetime | None
    studies: int = 0  # changes of the queue's studies taken in: a new set's order is a new
    # order even when its source and model time are those of the last (the protocol's)


@dataclass(frozen=True)
class EngineState:
    """What an engine has published: sent whole from the ranking process to the screen's."""

    loaded: bool = False  # texts read (or given up): the engine answers from now on
    ranked: Ranked | None = None  # the newest model's order, else the protocol's or the seeded
    estimate: RemainingEstimate | None = None
    advice: StopAdvice | None = None
    busy: bool = False  # a retrain is queued or running
    seq: int = 0  # the newest label submission the engine had when it published
    error: str = ""
    retrains: bool = False  # a fit's or reload's error, which a later fit may clear (else lasting)


class Engine:
    """Texts, features and the :class:`BackgroundRanker`, in threads of the process it lives in;
    calls ``publish(state)`` whenever its state changes (from its threads, one at a time)."""

    def __init__(
        self,
        db_path: str,
        ids: tuple[int, ...],
        options: dict[str, Any],
        publish: Callable[[EngineState], None],
        order_limit: int | None = None,
    ) -> None:
        self.db_path, self.ids = db_path, ids
        options = dict(options)
        # the protocol's text (a dict of strings, see QueueRanker): the order before the model
        self.protocol: dict[str, Any] | None = options.pop("protocol", None)
        # the queue's stage: its words are kept in a file of its own (ranking.token_cache)
        self.cache_key: str = options.pop("cache_key", "")
        self.options = options
        self._cold: list[int] | None = None  # the protocol's cold-start order, if it has one
        self.order_limit = order_limit  # publish only the best this many of each order
        self.state = EngineState()
        self._lock = threading.Lock()
        self._publisher = StatePublisher[EngineState](self._lock, publish)
        self._reading = threading.Lock()  # the ranker read by one thread at a time (_on_trained)
        self._labels: tuple[int, list[tuple[int, bool]]] = (0, [])
        self._bg: BackgroundRanker | None = None
        self._closed = False
        self._loaded = threading.Event()
        self._texts: dict[int, str] = {}
        self._reload_lock = threading.Lock()  # one change of studies at a time, in order
        self._reloads = 0  # changes of studies not yet taken in (wait_idle waits for them)
        self._studies = 0  # changes of studies taken in (Ranked.studies)
        # changes of studies asked for, and the newest one taken in: each reload thread waits
        # for _reload_lock, which does not go to the waiting threads in the order they came, and
        # each change carries the whole set of studies, so one older than the newest taken in
        # is skipped (else a set that still holds studies decided since would be ranked last)
        self._asked = self._taken = 0
        # why the newest change of studies was not taken in (its new studies unread), said
        # until a change is: the old ranker's fits order only the old set (_on_trained)
        self._reload_error = ""

    def start(self, seq: int, labels: list[tuple[int, bool]]) -> None:
        self.submit(seq, labels)
        threading.Thread(target=self._load, name="reviewkit-queue-ranker", daemon=True).start()

    def submit(self, seq: int, labels: list[tuple[int, bool]]) -> None:
        with self._lock:
            self._labels = (seq, labels)
            if self._bg is not None:
                self._bg.submit(labels)

    def set_studies(self, ids: tuple[int, ...], seq: int, labels: list[tuple[int, bool]]) -> None:
        """The queue gained or lost studies (a search rerun, a dedup merge): read the new ones'
        texts and rank the new set on ``labels``, in a thread of this engine; the order in use
        stays until the new set's first order is ready. The labels are not sent to the ranker
        in use: its retrain would be replaced unseen (one fit for nothing, on 50,000 records
        seconds of CPU); labels submitted during the reload still go to it."""
        self._change(ids, seq, labels, rebuild=True)

    def drop_studies(self, ids: tuple[int, ...], seq: int, labels: list[tuple[int, bool]]) -> None:
        """The queue only lost studies (another reviewer or the lead decided them): the ranker
        in use keeps its features and model (no texts to read, no features to build: on
        50,000 records seconds of CPU at every partner's vote), counts only ``ids`` as the
        queue, and is refitted on ``labels`` so its estimate of the includes left no longer
        counts the studies that left. In order with :meth:`set_studies` (one change at a time)."""
        self._change(ids, seq, labels, rebuild=False)

    def _change(
        self, ids: tuple[int, ...], seq: int, labels: list[tuple[int, bool]], rebuild: bool
    ) -> None:
        """Number the change (a later one makes an earlier one still waiting moot) and apply it
        in a thread of this engine: ``rebuild`` reads the texts anew, else the ranker in use
        only counts ``ids``."""
        with self._lock:
            self._labels = (seq, labels)
            self._reloads += 1
            self._asked += 1
            change = self._asked
        threading.Thread(
            target=self._reload,
            args=(tuple(ids), change, rebuild),
            name="reviewkit-queue-reload",
            daemon=True,
        ).start()

    def wait_idle(self, timeout: float) -> bool:
        """Texts loaded, no retrain pending, and the newest order published."""
        deadline = time.monotonic() + timeout
        if not self._loaded.wait(timeout):
            return False
        while self._reloads and time.monotonic() < deadline:
            time.sleep(0.01)
        if self._reloads:
            return False
        bg = self._bg
        if bg is None:
            return not self.state.error and not self._closed
        if not bg.wait_idle(max(0.0, deadline - time.monotonic())):
            return False
        self._on_trained()  # publish again: the worker may not have called back yet
        return self._publisher.wait_sent(max(0.0, deadline - time.monotonic()))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            bg, self._bg = self._bg, None
        if bg is not None:
            bg.close()
        self._loaded.set()

    def _set(self, **changes: Any) -> None:
        """Publish the state with ``changes`` (:meth:`_changed`)."""
        with self._lock:
            self._changed(changes)
        self._publisher.flush()  # (another thread's flush may publish it: wait_idle waits)

    def _changed(self, changes: dict[str, Any]) -> None:
        """The state with ``changes``, to publish (the lock held, then ``flush``); an order for
        an older set of studies (read from the ranker before a reload swapped it) is dropped."""
        ranked = changes.get("ranked")
        if ranked is not None and ranked.studies < self._studies:
            return
        self.state = replace(self.state, **changes)
        self._publisher.built(self.state)

    def _load(self) -> None:
        try:
            texts = self._read_texts()
            if texts is None:
                return
            self._texts = texts
            bg, self._cold = self._ranker(self.ids, texts, cold=True, early=True)
            with self._lock:
                if self._closed:
                    bg.close()
                    return
                self._bg = bg
                bg.submit(self._labels[1])  # the newest labels
                # here, not after: the worker's first state (a failed fit) is built after it
                self._changed({"loaded": True, "busy": True})
            self._publisher.flush()
        except Exception as exc:  # the screen goes on in random order and says why
            self._set(loaded=True, error=str(exc) or type(exc).__name__)
        finally:
            self._loaded.set()

    def _reload(self, ids: tuple[int, ...], change: int, rebuild: bool) -> None:
        """Rank a new set of studies: read the texts not read yet, fit a new ranker on the
        newest labels (in this thread, the old one answering meanwhile), then swap it in.
        Without ``rebuild`` (studies only left) the ranker in use is kept (:meth:`drop_studies`).
        A change older than the newest taken in (``change``, see ``_taken``) is skipped."""
        try:
            self._loaded.wait()
            with self._reload_lock:
                if change < self._taken:
                    return
                self._taken = change
                if self._closed or self._bg is None:
                    self.ids = ids  # nothing to rank (closed, or the texts failed to load)
                    return
                if not rebuild and set(ids) <= set(self.ids):
                    with self._lock:
                        self.ids, self._reload_error = ids, ""  # every study is read
                        self._bg.count_only(ids)
                        self._bg.submit(self._labels[1])  # published by _on_trained
                    return
                new = self._read_texts([i for i in ids if i not in self._texts])
                if new is None:
                    return
                self._texts.update(new)
                texts = {i: self._texts[i] for i in ids if i in self._texts}
                # the protocol's order of the new set, unless a model orders the queue already
                ranked = self.state.ranked
                bg, cold = self._ranker(ids, texts, cold=ranked is None or ranked.source != "model")
                seq, labels = self._labels
                bg.submit(labels)
                bg.wait_idle()  # its first order is ready before it replaces the old one
                with self._lock:
                    old, closed = self._bg, self._closed
                    if not closed:
                        self.ids, self._bg, self._cold = ids, bg, cold
                        self._reload_error = ""
                        self._studies += 1
                        if self._labels[0] != seq:  # labels sent meanwhile went to the old one
                            bg.submit(self._labels[1])
                (bg if closed or old is None else old).close()
                if not closed:
                    self._on_trained()  # publish the new set's order
        except Exception as exc:  # the order in use stays; the screen says why
            with self._lock:
                unread, why = len(set(ids) - set(self.ids)), str(exc) or type(exc).__name__
                if self._bg is not None:  # else the load's error stands, said already
                    self._reload_error = (  # the screen says which studies the order covers
                        f"{unread} new studies not read, they keep their places ({why})"
                        if unread
                        else f"the queue's change of studies not taken in ({why})"
                    )
                    self._changed({"error": self._reload_error, "retrains": False})
            self._publisher.flush()
        finally:
            with self._lock:
                self._reloads -= 1

    def _read_texts(self, ids: Sequence[int] | None = None) -> dict[int, str] | None:
        """study id -> ranking text (of ``ids``, default the queue's), from this engine's own
        connection; None once closed."""
        from reviewkit.ranking.ranker import record_text

        ids = self.ids if ids is None else ids
        texts: dict[int, str] = {}
        db = Store.open(Path(self.db_path))
        try:
            for start in range(0, len(ids), _CHUNK):
                if self._closed:
                    return None
                chunk = ids[start : start + _CHUNK]
                fields = record_rows.ranking_fields(db, chunk)  # no Record built: 2x faster
                for study in chunk:
                    got = fields.get(study)
                    if got is not None:
                        texts[study] = record_text(*got)
        finally:
            db.close()
        return texts

    def _ranker(
        self, ids: Sequence[int], texts: dict[int, str], cold: bool, early: bool = False
    ) -> tuple[BackgroundRanker, list[int] | None]:
        """A ranker of ``texts`` (in ``ids``' order) and, with ``cold`` and a protocol, ``ids``
        in the protocol's cold-start order (studies without a text last, in the seeded order;
        None when the protocol gives nothing to order by). The cold start's BM25 and the
        ranker's TF-IDF come from one tokenisation of the texts, kept in the project's folder
        for the next session (:mod:`reviewkit.ranking.token_cache`). With ``early`` (the first
        load) the cold-start order is published as soon as it is known, before the word pairs
        are numbered and the features built, when it is the order to use (the ready rule not
        met): the screen shows no record until the first order arrives."""
        from reviewkit.ranking.cold_start import ProtocolText, cold_start_order
        from reviewkit.ranking.features import counts_of_tokens, tfidf_features
        from reviewkit.ranking.ranker import BackgroundRanker
        from reviewkit.ranking.token_cache import cached_word_tokens

        # the words of texts tokenised in an earlier session are read from the project's folder
        # (the same words bit for bit: the same features and order, about 3 s of CPU less on
        # 50,000 records, benchmarks/results/tui.md)
        words, keep = cached_word_tokens(
            list(texts.values()), Path(self.db_path).parent, self.cache_key
        )
        full = None
        if cold and self.protocol:
            known = list(texts)
            protocol = ProtocolText(**self.protocol)
            # scored from the word stream: the word pairs of the features are numbered afterwards
            order = cold_start_order(known, texts.values(), protocol, words)
            full = None if order is None else order + [i for i in ids if i not in texts]
            if early and full is not None and not self._ready():  # what no model has ordered yet
                self._set(ranked=self._to_publish((list(ids), "random", None), full, self._studies))
        keep()  # after the early order: a first session's first record does not wait for it
        counts = counts_of_tokens(words)
        del words, keep
        features = tfidf_features(counts[0])
        bg = BackgroundRanker(texts, on_trained=self._on_trained, features=features, **self.options)
        return bg, full

    def _ready(self) -> bool:
        """Whether the newest labels meet the ready rule (a model will order the queue)."""
        get = self.options.get
        needs = get("min_includes", MIN_INCLUDES), get("min_excludes", MIN_EXCLUDES)
        return meets_ready_rule(*label_counts(self._labels[1]), *needs)

    def _to_publish(
        self,
        current: tuple[list[int], str, datetime | None],
        cold: list[int] | None,
        studies: int,
    ) -> Ranked:
        """The order to publish, from the ranker's ``current`` (order, source, trained_at), as
        :meth:`BackgroundRanker.current_order` gives it: before a model (source ``"random"``)
        the protocol's ``cold`` order when there is one; a protocol's or model's order cut to
        ``order_limit`` (the seeded order is sent whole: the screen keeps it in place)."""
        order, source, trained_at = current
        if source == "random" and cold is not None:
            order, source = cold, "protocol"  # before the model: the protocol's order
        if self.order_limit is not None and source != "random":
            order = order[: self.order_limit]
        return Ranked(order, source, trained_at, studies)

    def _on_trained(self) -> None:
        """In the ranker's worker (and :meth:`wait_idle`): sort the whole queue by the newest
        model; the ranker read outside the engine's lock (``submit`` never waits for a sort)
        but by one thread at a time, its state built before the next reads (``_reading``)."""
        with self._reading:
            with self._lock:
                bg, seq, ids, cold = self._bg, self._labels[0], self.ids, self._cold
                studies = self._studies
            if bg is None:
                return
            current = bg.current_order(ids)
            error = bg.error  # a failed ranker: its seeded order, not the protocol's
            fit_error = (str(error) or type(error).__name__) if error is not None else ""
            changes = {
                "ranked": self._to_publish(current, cold if error is None else None, studies),
                "estimate": bg.estimate_remaining(),
                "advice": bg.stop_advice(),
                "busy": bg.busy,
                "seq": seq,
            }
            with self._lock:  # a fit of the old set does not clear a failed change's error,
                # read here, with the state built: a change failing meanwhile is not undone
                failed = self._reload_error
                changes["error"] = "; ".join(e for e in (failed, fit_error) if e)
                # a failed fit's error: the next vote's fit may clear it; a failed change's
                # lasts until a change is taken in (no vote brings its studies in)
                changes["retrains"] = not failed
                self._changed(changes)
        self._publisher.flush()
