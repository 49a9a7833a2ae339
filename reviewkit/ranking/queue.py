"""Ranks one reviewer's screening queue in the background, from that reviewer's votes only.

:class:`QueueRanker` connects a :class:`reviewkit.screening.ReviewerQueue` to a
:class:`reviewkit.ranking.ranker.BackgroundRanker`:

* **Labels.** The ranker learns from the current votes of the queue's reviewer at the queue's
  stage (:meth:`ReviewerQueue.own_labels`): include and uncertain are positive, exclude is
  negative. Another reviewer's votes are never read, so the blinding holds.
* **Where it runs.** By default in a process of its own (``isolate=True``): reading the
  texts, building the features, every retrain and sorting the queue by each new model are
  Python work that would otherwise take the screen's thread turns at the interpreter lock
  (measured on 50,000 records: keypress p95 85 ms in threads, see benchmarks/results/tui.md).
  The screen's process only sends this reviewer's labels and receives each new order. With
  ``isolate=False`` the same engine runs in threads of the caller's process (tests use it to
  inject models). Either way nothing runs in the caller's thread except copying the labels and
  splicing an order that is already computed, so a keypress never waits for a fit.
* **Texts.** Title, abstract, keywords and MeSH terms of each study in the queue (its canonical
  record), read once per session over the engine's own database connection, after the first
  screen is drawn; when the queue gains studies (a search rerun, :meth:`studies_changed`) only
  theirs are read, and the new set is ranked before its order replaces the one in use.
* **Order.** Until the ready rule is met (``min_includes`` positive and ``min_excludes``
  negative votes, 5 and 5 by default) the queue is in the protocol's cold-start order
  (:mod:`reviewkit.ranking.cold_start`: the records that best match the question, inclusion
  criteria, include terms and stored searches first, ties in the seeded random order), or
  keeps its seeded random order when the protocol has no usable text. After each
  retrain the worker sorts the queue by the new model; :meth:`apply` (call it when moving to
  the next record) reorders only the undecided studies after the current position
  (:meth:`ReviewerQueue.reorder_remaining`): decided studies and the records already shown keep
  their place, so the record on screen never jumps away. Only the next ``window`` (1,000)
  undecided places are refilled per call, so a move costs the same on a 50,000-record queue.
* **Stopping.** :meth:`status` carries the stopping recommendation of
  :func:`reviewkit.ranking.stopping.stop_advice` (only the rule that simulations showed keeps recall
  >= 95 % in >= 95 % of runs; shown only once it is up to date with the newest decision) and
  the estimate of the includes left among this reviewer's
  unscreened studies (:func:`reviewkit.ranking.stopping.estimate_remaining`, a beta-binomial on the
  recent include rate, with its 90 % interval).

``reviewkit.ranking.ranker`` (numpy, scipy) is imported by the engine, so creating a QueueRanker
costs nothing and the first screen does not wait for the import.
"""

from __future__ import annotations

import textwrap
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reviewkit.ranking.engine import SENT_PER_WINDOW, WINDOW, Engine, EngineState
from reviewkit.ranking.engine_process import EngineProcess
from reviewkit.ranking.ready_rule import MIN_EXCLUDES, MIN_INCLUDES, label_counts, meets_ready_rule
from reviewkit.screening import ReviewerQueue
from reviewkit.text_width import cut

if TYPE_CHECKING:
    from reviewkit.ranking.stopping import RemainingEstimate, StopAdvice

__all__ = ["QueueRanker", "RankStatus", "protocol_text"]


def protocol_text(protocol: Any) -> dict[str, Any]:
    """The protocol's text the cold start scores by, as plain strings (it is sent to the
    ranking process): question, inclusion criteria, highlight terms, stored queries."""
    return {
        "question": protocol.question,
        "inclusion": tuple(protocol.inclusion),
        "include_terms": tuple(protocol.highlight_include),
        "exclude_terms": tuple(protocol.highlight_exclude),
        "searches": tuple(s.query for s in protocol.searches),
    }


@dataclass(frozen=True)
class RankStatus:
    """What the screen shows about the queue order and the includes left."""

    source: str  # "loading" (texts/features not ready yet) | "random" | "protocol" | "model"
    # | "failed"; "protocol": the cold-start order from the protocol's terms
    trained_at: datetime | None  # UTC time of the model in use, when source is "model"
    positives: int  # this reviewer's include + uncertain votes
    negatives: int  # this reviewer's exclude votes
    min_includes: int
    min_excludes: int
    estimate: RemainingEstimate | None
    busy: bool  # a retrain is queued or running
    error: str = ""
    advice: StopAdvice | None = None  # the stopping recommendation, when a rule is recommended
    # failed: the order the queue keeps ("model", its trained_at; "protocol"; "random"), and
    # whether a later fit may clear the error (EngineState.retrains)
    kept: str = "random"
    retrains: bool = False

    def describe(self, width: int | None = None) -> str:
        """The includes left (and any stopping advice), then the order's source (random /
        model, trained when): one line. The estimate goes first: it is what a reviewer
        watches. With ``width`` (the columns the line has): one row while it fits, else a row
        for each part (the order's counts then in full words, the stop advice short where
        needed), packed at its ' · ' so that no phrase breaks across rows: a three-digit
        estimate had pushed the order onto a second row mid-phrase ('… 2/5' | 'incl+unc, 1/5
        excl'), as a real review's first votes do."""
        if self.source == "failed":
            # an error, not an order: one row, cut with '…' (the screen says the whole error
            # on its message line, as an error): its words are not the order line's parts,
            # and packed as they are into ORDER_ROWS a long traceback's text took the record's
            # rows for an error said once
            return cut(f"Order: {self._kept()} · ranking failed: {self.error}", width)
        line = " · ".join(self._parts(full=False))
        if width is None or len(line) <= width:
            return line
        # a row for each part, packed at its ' · ': the order's counts in words, then the stop
        # advice short ('May stop: recall ≥ 95% (p = …)'), which fits beside an estimate of up
        # to four digits (a large review's: 2,000 includes, 95% found, leaves 100), then the
        # counts short too; the first that takes no more rows than the line wrapped (the
        # record keeps the rest) nor than the screen shows (ORDER_ROWS: at 40 columns the full
        # advice wraps, and its four rows, as many as the line's, had cut the order off; the
        # short advice keeps the three whole). The short advice is for the order before the
        # model (its counts in words fill the second row): beside the model's order, never
        # 'retraining…' (the ranker gives no advice while busy), the full words share the
        # second row at 78 columns. The counts short are for a narrow terminal, where the order
        # in words wraps itself (66 characters at 60 columns). Else the line wraps as one.
        packings = [
            _packed(self._parts(full=full, short=short), width)
            for full, short in ((True, False), (True, True), (False, True))
        ]
        no_longer = [  # (rows, the screen rows they take) no more than the line as one
            (rows, n)
            for rows in packings
            if (n := sum(_rows(row, width) for row in rows)) <= _rows(line, width)
        ]
        for rows, n in no_longer:
            if n <= ORDER_ROWS:
                return "\n".join(rows)
        # the advice's three parts on a narrow terminal (below 70 columns beside an estimate of
        # three digits or more, 67-69 beside one or two): no two share a row, and the line as
        # one broke a phrase ('… 95% recall' | 'reached (p = …)') or took three rows with the
        # order cut off. A row for each part then, each whole (the fewest rows, the longest
        # words that do it): the screen's order line grows to ORDER_ROWS for them
        whole = [rows for rows in packings if all(len(row) <= width for row in rows)]
        if whole and len(min(whole, key=len)) <= ORDER_ROWS:
            return "\n".join(min(whole, key=len))
        # more rows than the screen shows, however packed: the first packing no longer than
        # the line (the parts whole where they fit), as at any width
        return "\n".join(no_longer[0][0]) if no_longer else line

    def _kept(self) -> str:
        """The order a failed ranker leaves: the last model's (with its time), the protocol's,
        or the seeded random one."""
        if self.kept == "model" and self.trained_at is not None:
            return f"model (trained {self.trained_at.astimezone().strftime('%H:%M:%S')})"
        return "protocol" if self.kept == "protocol" else "random"

    def failure_message(self) -> str:
        """What the message line says of a failed ranker: the error, the order the queue follows
        and until when (a fit's error: until a fit succeeds, which brings the ranked order
        back; the texts unread or the ranking process ended: for the session)."""
        kept = {"model": "the last model's order", "protocol": "the protocol's order"}.get(
            self.kept, "the seeded random order"
        )
        until = (
            "until a retrain succeeds (your next vote retrains; the ranked order then applies"
            " from the next record)"
            if self.retrains
            else "for this session (quit and open the screen again to rank again)"
        )
        saved = "your votes are saved as before"
        return f"Ranking failed: {self.error}. The queue follows {kept} {until}; {saved}."

    def _parts(self, *, full: bool, short: bool = False) -> list[str]:
        """The line's parts: includes left, any stopping advice, the order. ``full``: the
        ready rule's counts in words ('include or uncertain'), for a row of their own;
        ``short``: the advice in its short words."""
        parts = [self._left()]
        if self.advice is not None and self.advice.stop:
            # only a rule that kept recall >= 95 % in >= 95 % of simulated runs gets here.
            # '(p = …)', not '(test p = …)': beside an estimate of up to two digits the advice
            # then fits the first row at 80 columns and the order the second (it wrapped
            # mid-phrase); a p value under 0.001 is said so, as papers report one, not '0.000'.
            # The short words say the test's reading: recall below the target is rejected at p
            p, target = self.advice.p_value, f"{self.advice.target_recall:.0%}"
            said = "p < 0.001" if p < 0.001 else f"p = {p:.3f}"
            parts.append(
                f"May stop: recall ≥ {target} ({said})"
                if short
                else f"You may stop: {target} recall reached ({said})"
            )
        return [*parts, self._order(full=full)]

    def _left(self) -> str:
        """The includes left, or why there is no estimate yet."""
        if self.estimate is not None:
            e = self.estimate
            return f"Includes left ≈ {e.estimate:,.0f} ({e.level:.0%}: {e.low:,}–{e.high:,})"
        if self.source == "loading":
            return "Includes left: reading the queue…"
        if self.positives + self.negatives:  # decided, the estimate not published yet
            return "Includes left: estimating…"
        return "Includes left: after a vote"  # short: the order line fits 80 columns

    def _order(self, *, full: bool) -> str:
        """Where the order comes from. Before the ready rule is met: the votes it counts,
        short ('2/5 incl+unc, 1/5 excl': one row at 80 columns beside an estimate up to two
        digits) or, ``full``, in words on a row of its own: an uncertain vote is a positive
        label, as an include (module doc)."""
        ready = meets_ready_rule(
            self.positives, self.negatives, self.min_includes, self.min_excludes
        )
        if self.source == "model" and self.trained_at is not None:
            when = self.trained_at.astimezone().strftime("%H:%M:%S")
            return f"Order: model (trained {when}{', retraining…' if self.busy else ''})"
        if self.source == "loading":  # not 'random': the order in use is about to change
            return "Order: being worked out (reading the texts)…"
        if not ready:
            kind = "protocol" if self.source == "protocol" else "random"
            needs = max(1, self.min_includes), max(1, self.min_excludes)  # as the rule counts
            positive, negative = (
                ("include or uncertain", "exclude votes")
                if full
                else (
                    "incl+unc",
                    "excl",
                )
            )
            return (
                f"Order: {kind} until {self.positives}/{needs[0]} {positive},"
                f" {self.negatives}/{needs[1]} {negative}"
            )
        kind = "protocol terms" if self.source == "protocol" else "random"
        return f"Order: {kind} (training the first model…)"


ORDER_ROWS = 3  # the rows the order line may take: a row for each of its parts at most


def _packed(parts: list[str], width: int) -> list[str]:
    """``parts`` joined at ' · ' into rows of ``width`` columns, a part never split."""
    rows: list[str] = []
    for part in parts:
        if rows and len(rows[-1]) + 3 + len(part) <= width:
            rows[-1] += f" · {part}"
        else:
            rows.append(part)
    return rows


def _rows(text: str, width: int) -> int:
    """The rows ``text`` takes wrapped at its spaces into ``width`` columns, as the screen
    wraps it (its characters one column each: numbers, words and the line's signs)."""
    return len(textwrap.wrap(text, width, break_on_hyphens=False)) or 1


class QueueRanker:
    """Background ranking of one :class:`ReviewerQueue`; every call returns at once.

    Call from the screen's thread: :meth:`start` once the first record is on screen,
    :meth:`update` after every vote or undo, :meth:`apply` when moving to the next record,
    :meth:`status` to display, :meth:`close` on quit. :meth:`wait_idle` is for tests and
    scripts only. ``model_factory`` and the thresholds are passed to the ranker; with
    ``isolate`` (the default) it runs in a process of its own, so ``model_factory`` must then
    be importable there (a module-level class or function). ``cold_start`` (default on)
    orders the queue by the protocol's terms until the ready rule is met; off, it stays random.
    """

    def __init__(
        self,
        queue: ReviewerQueue,
        *,
        min_includes: int = MIN_INCLUDES,
        min_excludes: int = MIN_EXCLUDES,
        model_factory: Callable[[], Any] | None = None,
        level: float = 0.9,
        window: int = WINDOW,
        isolate: bool = True,
        cold_start: bool = True,
    ) -> None:
        self.queue = queue
        self.window = window
        self.min_includes = min_includes
        self.min_excludes = min_excludes
        self.isolate = isolate
        self._options: dict[str, Any] = {
            "min_includes": min_includes,
            "min_excludes": min_excludes,
            "level": level,
            "cache_key": queue.stage,  # each stage's texts' words kept apart (token_cache)
        }
        if model_factory is not None:
            self._options["model_factory"] = model_factory
        if cold_start:
            self._options["protocol"] = protocol_text(queue.protocol)
        # the queue's order (my decided studies first, then the seeded order): ties keep it
        self._ids = tuple(queue.studies)
        self._lock = threading.Lock()
        self._counts = (0, 0)
        self._seq = 0  # label submissions sent
        self._state = EngineState()
        self._engine: Engine | EngineProcess | None = None
        self._closed = False
        self._applied: tuple[str, datetime | None, int] | None = None
        self._applied_after = -1
        self._model_applied = False

    # --- the screen's calls -------------------------------------------------------------
    def start(self) -> None:
        """Start the engine: texts and features load in the background (its process or threads)."""
        if self._engine is not None or self._closed:
            return
        seq, labels = self._labels()
        args = (str(self.queue.db.path), self._ids, self._options, self._receive)
        try:
            self._engine = (
                EngineProcess(*args, SENT_PER_WINDOW * self.window)
                if self.isolate
                else Engine(*args)
            )
        except Exception as exc:  # e.g. no process could be started: random order, and why
            self._receive(EngineState(loaded=True, error=f"could not start the ranker: {exc}"))
            return
        self._engine.start(seq, labels)

    def update(self) -> None:
        """Queue a retrain on this reviewer's current votes (call after each vote or undo)."""
        seq, labels = self._labels()
        engine = self._engine
        if engine is not None and not self._closed:
            engine.submit(seq, labels)

    def studies_changed(self) -> None:
        """The queue gained or lost studies (:meth:`ReviewerQueue.refresh` after a search
        rerun or a dedup merge): the engine reads the new studies' texts and ranks the new
        set, in the background; the order in use stays until the new one is ready, and the
        labels go again (a merged study's vote now counts for the study it joined) to the
        new set's ranker only: a rerun costs one fit."""
        self._ids = tuple(self.queue.studies)
        seq, labels = self._labels()
        engine = self._engine
        if engine is not None and not self._closed:
            engine.set_studies(self._ids, seq, labels)

    def studies_left(self) -> None:
        """The queue only lost studies (:meth:`ReviewerQueue.refresh`: another reviewer or the
        lead decided them, so they no longer wait for this reviewer): the ranker keeps its
        features and model and counts only the studies still in the queue, so "Includes left"
        no longer counts those that left; it is refitted on the labels (milliseconds), with no
        texts read and no features built."""
        self._ids = tuple(self.queue.studies)
        seq, labels = self._labels()
        engine = self._engine
        if engine is not None and not self._closed:
            engine.drop_studies(self._ids, seq, labels)

    def _labels(self) -> tuple[int, list[tuple[int, bool]]]:
        labels = self.queue.own_labels()
        with self._lock:
            self._seq += 1
            self._counts = label_counts(labels)
            return self._seq, labels

    def _receive(self, state: EngineState) -> None:
        with self._lock:
            held = self._state.ranked
            if (
                state.ranked is not None
                and held is not None
                and state.ranked.studies < held.studies
            ):
                return  # made for the study set before a rerun, arriving after the new set's
            self._state = state

    def apply(self, after: int | None, keep: Collection[int] = ()) -> bool:
        """Reorder the undecided studies after position ``after`` if a newer order was published.

        Studies in ``keep`` (the screen passes those it has shown) and decided studies keep
        their place (:meth:`ReviewerQueue.reorder_remaining`); only the next ``window``
        movable places are filled, so this costs O(window), and they are filled again from
        the same order once the reviewer has moved half a window on. Returns True when the
        queue's order changed. While the ready rule is not met (or after an undo takes the
        votes back under it) the published order is the protocol's cold-start order, or the
        seeded random one without it.
        """
        ranked = self._state.ranked
        if ranked is None or self._closed:
            return False
        key = (ranked.source, ranked.trained_at, ranked.studies)
        moved_on = (after if after is not None else -1) - self._applied_after >= self.window // 2
        if key == self._applied and not (self._model_applied and moved_on):
            return False
        self._applied = key
        if ranked.source == "random" and not self._model_applied:
            return False  # still in the seeded order: nothing to undo
        # a model's or the protocol's order (not the seeded one) is in place from now on
        self._model_applied = ranked.source != "random"
        self._applied_after = after if after is not None else -1
        return self.queue.reorder_remaining(ranked.order, after, keep, window=self.window)

    def status(self) -> RankStatus:
        """The order's source and the includes-left estimate, for display."""
        positives, negatives = self._counts
        state, seq = self._state, self._seq
        base = (positives, negatives, self.min_includes, self.min_excludes)
        if state.error:  # the order kept: the one published, else the one applied last
            ranked, applied = state.ranked, self._applied or ("random", None, 0)
            kept, trained_at = (ranked.source, ranked.trained_at) if ranked else applied[:2]
            failed = (trained_at, *base, None, False, state.error)
            return RankStatus("failed", *failed, kept=kept, retrains=state.retrains)
        if not state.loaded and state.ranked is None:  # the cold-start order comes first
            return RankStatus(
                "loading", None, *base, None, self._engine is not None and not self._closed
            )
        busy = state.busy or state.seq < seq
        ranked = state.ranked
        source = ranked.source if ranked is not None else "random"
        if state.estimate is None and busy and ranked is None:
            source = "loading"  # the first submission is still building the features
        return RankStatus(
            source,
            ranked.trained_at if ranked else None,
            *base,
            state.estimate,
            busy,
            advice=None if busy else state.advice,  # advice only for the newest decisions
        )

    @property
    def orders_first(self) -> bool:
        """Whether an order other than the seeded one is on its way for the first record: the
        protocol's cold-start order (cold start on), or a model's (the ready rule met by the
        votes made in an earlier session). The screen shows no record until it arrives."""
        counts = label_counts(self.queue.own_labels())
        ready = meets_ready_rule(*counts, self.min_includes, self.min_excludes)
        return "protocol" in self._options or ready

    @property
    def first_order_in(self) -> bool:
        """Whether the engine's first order (or its failure) has arrived, or it was closed."""
        state = self._state
        return state.ranked is not None or bool(state.error) or self._closed

    @property
    def started(self) -> bool:
        return self._engine is not None

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def process(self) -> Any | None:
        """The ranking process (a ``multiprocessing.Process``) while it runs isolated, else None."""
        engine = self._engine
        return engine.process if isinstance(engine, EngineProcess) else None

    def close(self) -> None:
        """Stop the engine (its process, or its daemon threads): quitting never waits long."""
        self._closed = True
        engine, self._engine = self._engine, None
        if engine is not None:
            engine.close()

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block until the texts are loaded, no retrain is pending and its order is published.

        For tests and scripts, never for a screen. False on timeout, before start and after close.
        """
        engine = self._engine
        if engine is None or self._closed:
            return False
        return engine.wait_idle(timeout) and self._state.loaded
