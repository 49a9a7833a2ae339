"""Core of ranked screening: reorder_remaining, own_labels and QueueRanker (real BackgroundRanker)."""

from __future__ import annotations

import threading
import time

import pytest
from conftest import add_records
from screening.helpers import make_records, make_topic_records

from reviewkit import screening as scr
from reviewkit.ranking.queue import QueueRanker
from reviewkit.ranking.ranker import default_model

TA = "title-abstract"


@pytest.fixture
def eight(project_b):
    ids = add_records(project_b, make_records(8))
    return project_b, ids


def test_reorder_keeps_the_head_and_decided_studies_in_place(eight):
    project, _ = eight
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    before = list(q.studies)
    q.decide(before[4], "include")
    q.decide(before[6], "exclude")
    # decided studies go first, in the order decided; the undecided keep their order
    undecided = [s for s in before if s not in (before[4], before[6])]
    now = [before[4], before[6], *undecided]
    assert q.studies == now
    ranking = before[::-1]
    assert q.reorder_remaining(ranking, after=2)
    assert q.studies[:3] == now[:3]  # the record on screen (2) and everything before it
    assert q.studies[3:] == undecided[1:][::-1]  # in ranking order
    assert sorted(q.studies) == sorted(before) and all(
        q.index[s] == p for p, s in enumerate(q.studies)
    )
    assert not q.reorder_remaining(ranking, after=2)  # already in that order
    assert not q.reorder_remaining([], after=len(before) - 1)  # nothing after the last record
    assert q.reorder_remaining(ranking, after=None)  # from the start: decided studies stay
    assert q.studies[:2] == [before[4], before[6]]
    assert q.studies[2:] == undecided[::-1]


def test_reorder_leaves_the_kept_studies_in_place(eight):
    project, _ = eight
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    before = list(q.studies)
    assert q.reorder_remaining(before[::-1], after=0, keep={before[1], before[3]})
    assert q.studies == [
        before[0],
        before[1],
        before[7],
        before[3],
        before[6],
        before[5],
        before[4],
        before[2],
    ]


def test_reorder_in_a_window_swaps_the_best_in_and_the_rest_out(eight):
    project, _ = eight
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    b = list(q.studies)
    assert q.reorder_remaining(b[::-1], after=0, window=2)
    assert q.studies == [b[0], b[7], b[6], b[3], b[4], b[5], b[1], b[2]]
    assert all(q.index[s] == p for p, s in enumerate(q.studies))


def test_reorder_with_a_partial_ranking_keeps_the_rest_in_order(eight):
    project, _ = eight
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    before = list(q.studies)
    assert q.reorder_remaining(
        [before[7], before[7], 999_999], after=None
    )  # duplicates and strangers ignored
    assert q.studies == [before[7], *before[:7]]


def test_own_labels_are_mine_in_the_order_made_include_and_uncertain_positive(eight):
    project, _ = eight
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    a, b, c = q.studies[:3]
    scr.decide(project.db, a, TA, "reviewer2", "include")  # another reviewer: never a label of mine
    q.decide(a, "include")
    q.decide(b, "exclude")
    q.decide(c, "uncertain")
    q.decide(a, "exclude")  # changed my mind: the newest vote counts, last
    assert q.own_labels() == [(b, False), (c, True), (a, False)]
    q.undo()  # the include on a is in force again, at its own time
    assert q.own_labels() == [(a, True), (b, False), (c, True)]
    again = scr.ReviewerQueue(project, TA, "reviewer1")  # after a restart: the same, from the log
    assert again.own_labels() == [(a, True), (b, False), (c, True)]


# --- QueueRanker through the real BackgroundRanker ----------------------------------------


def decide_until(q: scr.ReviewerQueue, like: dict[int, bool], n_inc: int, n_exc: int) -> None:
    """Vote in queue order, as a reviewer would, until n_inc include-like and n_exc exclude-like."""
    counts = {True: 0, False: 0}
    need = {True: n_inc, False: n_exc}
    for study in list(q.studies):
        if counts[like[study]] < need[like[study]]:
            q.decide(study, "include" if like[study] else "exclude")
            counts[like[study]] += 1


def undecided(q: scr.ReviewerQueue) -> list[int]:
    return [s for s in q.studies if s not in q.votes]


def test_likely_includes_come_first_after_five_and_five(topics):
    project, like = topics
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    ranker = QueueRanker(q)
    try:
        ranker.start()
        decide_until(q, like, 5, 5)
        ranker.update()
        assert ranker.wait_idle()
        status = ranker.status()
        assert status.source == "model" and status.trained_at is not None and not status.busy
        assert (status.positives, status.negatives) == (5, 5)
        assert (
            "Order: model (trained" in status.describe() and "Includes left ≈" in status.describe()
        )
        assert (
            status.estimate is not None
            and status.estimate.low <= status.estimate.estimate <= status.estimate.high
        )
        decided_at = {s: q.index[s] for s in q.votes}
        assert ranker.apply(None)
        assert {s: q.index[s] for s in q.votes} == decided_at  # decided studies did not move
        rest = undecided(q)
        assert [like[s] for s in rest] == [True] * 7 + [False] * 23
        assert not ranker.apply(None)  # the same model is applied once
    finally:
        ranker.close()


def test_a_window_is_filled_again_when_the_reviewer_moves_on(topics):
    project, like = topics
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    decide_until(q, like, 5, 5)
    ranker = QueueRanker(q, window=4)
    try:
        ranker.start()
        assert ranker.wait_idle() and ranker.apply(None)
        first = undecided(q)[:4]
        assert [like[s] for s in first] == [True] * 4
        here = q.index[first[1]]
        ranker.apply(here)  # half a window on: the next four are filled again from the same order
        assert [like[s] for s in undecided(q) if q.index[s] > here][:4] == [True] * 4
        assert not ranker.apply(here + 1)  # less than half a window on, same model: nothing to do
    finally:
        ranker.close()


def test_seeded_random_order_until_the_ready_rule_and_again_after_an_undo(topics):
    project, like = topics
    q = scr.ReviewerQueue(project, TA, "reviewer1", seed=7)
    seeded = scr.seeded_order(sorted(like), 7, "reviewer1", TA)
    assert q.studies == seeded
    ranker = QueueRanker(q, cold_start=False)  # the seeded order (the protocol's: tests/ranking)
    try:
        ranker.start()
        decide_until(q, like, 4, 5)
        undone = next(s for s in q.studies if like[s] and s not in q.votes)
        q.decide(undone, "uncertain")  # positive: 5 now
        q.undo()  # ...and back to 4
        ranker.update()
        assert ranker.wait_idle()
        status = ranker.status()
        assert status.source == "random" and (status.positives, status.negatives) == (4, 5)
        assert "Order: random until 4/5 incl+unc, 5/5 excl" in status.describe()
        # my decisions first, in the order made, then the undone study (the screen shows it),
        # then the other undecided ones in the seeded order
        assert not ranker.apply(None)
        rest = [s for s in seeded if s not in q.votes and s != undone]
        assert q.studies == [*q.votes, undone, *rest]
        # the fifth include: the model orders the rest ...
        q.decide(next(s for s in q.studies if like[s] and s not in q.votes), "include")
        ranker.update()
        assert ranker.wait_idle() and ranker.apply(None)
        assert q.studies != seeded
        # ... and an undo under the rule puts the undecided studies back in their seeded order
        q.undo()
        ranker.update()
        assert ranker.wait_idle() and ranker.status().source == "random"
        assert ranker.apply(None)
        assert undecided(q) == [s for s in seeded if s not in q.votes]
    finally:
        ranker.close()


class RecordingModel:
    """The default model, recording the labels of every fit."""

    fits: list[tuple[int, int]] = []

    def __init__(self) -> None:
        self.inner = default_model()

    def fit(self, X, y):
        RecordingModel.fits.append((len(y), int(sum(y))))
        self.inner.fit(X, y)
        return self

    def decision_function(self, X):
        return self.inner.decision_function(X)


def test_another_reviewers_votes_never_reach_my_ranker(topics):
    project, like = topics
    for study, is_include_like in like.items():  # reviewer2 says the opposite on every record
        scr.decide(project.db, study, TA, "reviewer2", "exclude" if is_include_like else "include")
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    decide_until(q, like, 5, 5)
    RecordingModel.fits = []
    ranker = QueueRanker(q, model_factory=RecordingModel, isolate=False)
    try:
        ranker.start()
        assert ranker.wait_idle() and ranker.apply(None)
        assert RecordingModel.fits == [(10, 5)]  # my 10 votes, 5 positive: none of reviewer2's 40
        assert [like[s] for s in undecided(q)][:7] == [True] * 7
    finally:
        ranker.close()


def test_close_stops_the_ranker_and_start_is_idempotent(topics):
    project, _ = topics
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    ranker = QueueRanker(q)
    assert ranker.status().source == "loading" and not ranker.status().busy  # nothing started yet
    ranker.start()
    ranker.start()
    assert ranker.wait_idle()
    ranker.close()
    assert ranker.closed and not ranker.wait_idle(1)
    ranker.update()  # after close: ignored, no error
    assert not ranker.apply(None)


class BrokenModel:
    def fit(self, X, y):
        raise ValueError("model exploded")


def test_a_failing_ranker_leaves_the_seeded_order_and_says_why(topics):
    project, like = topics
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    order = list(q.studies)
    decide_until(q, like, 5, 5)
    ranker = QueueRanker(q, model_factory=BrokenModel, isolate=False)
    try:
        assert not ranker.wait_idle(1)  # not started: never idle, returns at once
        ranker.start()
        assert ranker.wait_idle()
        status = ranker.status()
        assert status.source == "failed" and "model exploded" in status.describe()
        assert not ranker.apply(None) and q.studies == order
    finally:
        ranker.close()


def test_the_ranker_runs_in_a_process_of_its_own_and_leaves_none_behind(topics):
    import multiprocessing
    import os

    project, like = topics
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    decide_until(q, like, 5, 5)
    ranker = QueueRanker(q)
    ranker.start()
    try:
        assert ranker.wait_idle() and ranker.apply(None)
        process = ranker.process
        assert process is not None and process.is_alive() and process.pid != os.getpid()
        assert [like[s] for s in undecided(q)][:7] == [True] * 7
    finally:
        ranker.close()
    assert not process.is_alive() and multiprocessing.active_children() == []
    assert QueueRanker(q, isolate=False).process is None


def test_a_ranking_process_that_dies_leaves_the_order_and_says_why(topics):
    project, like = topics
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    order = list(q.studies)
    ranker = QueueRanker(q)
    ranker.start()
    try:
        assert ranker.wait_idle()
        ranker.process.kill()  # as the out-of-memory killer would
        ranker.process.join(10)
        for _ in range(100):
            if ranker.status().source == "failed":
                break
            time.sleep(0.05)
        status = ranker.status()
        assert status.source == "failed" and "the ranking process ended" in status.describe()
        decide_until(q, like, 5, 5)
        ranker.update()  # nothing to send to: no error
        assert not ranker.apply(None) and [s for s in q.studies] == order
    finally:
        ranker.close()


def test_the_ranking_process_starts_inside_a_textual_app(topics):
    """A Textual app replaces sys.stderr with an object whose fileno() is -1; in a fresh
    interpreter (no multiprocessing helper running yet) the ranker must still start."""
    import subprocess
    import sys
    import textwrap

    project, _ = topics
    script = textwrap.dedent(f"""
        import sys
        from reviewkit.project import open_project
        from reviewkit.ranking.queue import QueueRanker
        from reviewkit.screening import ReviewerQueue

        class Captured:  # what Textual puts in sys.stderr while an app runs
            def write(self, text): pass
            def flush(self): pass
            def fileno(self): return -1

        project = open_project({str(project.folder)!r})
        ranker = QueueRanker(ReviewerQueue(project, "title-abstract", "reviewer1"))
        real, sys.stderr = sys.stderr, Captured()
        ranker.start()
        sys.stderr = real
        ok = ranker.wait_idle(60)
        print(ok, ranker.status().source, ranker.status().error)
        ranker.close()
    """)
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    # Review B's protocol orders the queue before the model: the process ran and published
    assert out.stdout.split()[:2] == ["True", "protocol"], out.stdout


def test_a_rerun_before_the_ready_rule_gets_the_protocols_order_for_the_new_set(topics):
    """The cold-start order is worked out again for the studies a rerun brings: the new
    records matching the protocol come before the exclude-like ones, not after them all."""
    project, like = topics
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    ranker = QueueRanker(q, isolate=False)  # cold start on: the protocol's order
    try:
        ranker.start()
        assert ranker.wait_idle() and ranker.status().source == "protocol"
        ranker.apply(None)
        assert [like[s] for s in undecided(q)] == [True] * 12 + [False] * 28
        new = add_records(project, make_topic_records(3, 0)[0])  # a rerun: 3 include-like
        assert q.refresh() is not None
        ranker.studies_changed()
        assert ranker.wait_idle() and ranker.status().source == "protocol"
        assert ranker.apply(None)
        assert set(undecided(q)[:15]) == {s for s in like if like[s]} | set(new)
    finally:
        ranker.close()


class HeldRanker(QueueRanker):
    """A QueueRanker whose next received state is held (an engine thread slow to publish)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.hold = threading.Event()  # set: hold the next state received
        self.held = threading.Event()  # a state is being held
        self.release = threading.Event()
        self.received = threading.Event()  # the held state went in (or was dropped)

    def _receive(self, state) -> None:
        if self.hold.is_set():
            self.hold.clear()
            self.held.set()
            assert self.release.wait(60), "the test never released the held state"
            super()._receive(state)
            self.received.set()
            return
        super()._receive(state)


def test_an_old_order_slow_on_its_way_during_a_rerun_goes_in_before_the_new_sets(topics):
    """The old ranker's order, on its way to the screen (held: a slow receiver) during a
    rerun's reload, must not replace the new set's order: the screen would put the rerun's
    records last once more. The engine publishes one state at a time, the newest last
    (reviewkit.ranking.state_publisher), so the new set's order waits behind the held one and
    goes in after it. (An old order read before the swap and built after it is dropped by the
    engine: tests/ranking/test_engine_publish_order.py.)"""
    project, like = topics
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    decide_until(q, like, 5, 5)
    ranker = HeldRanker(q, isolate=False, cold_start=False)
    try:
        ranker.start()
        assert ranker.wait_idle()
        ranker.hold.set()
        q.decide(next(s for s in q.studies if not like[s] and s not in q.votes), "exclude")
        ranker.update()  # the old ranker retrains; its order is held on the way to the screen
        assert ranker.held.wait(60)
        new = add_records(project, make_topic_records(3, 0)[0])  # a rerun: 3 include-like
        assert q.refresh() is not None
        ranker.studies_changed()
        ranker.release.set()  # the old set's order goes in, the new set's after it
        assert ranker.received.wait(60)
        assert ranker.wait_idle()  # the new set's order is published
        assert ranker.apply(None)
        assert set(undecided(q)[:10]) >= set(new)  # the new set's order, not the old one's
    finally:
        ranker.release.set()
        ranker.close()


def test_a_rerun_costs_one_fit(topics):
    """The rerun's new ranker is fitted on the labels; the ranker it replaces is not retrained
    for nothing (on 50,000 records a fit is seconds of CPU)."""
    project, like = topics
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    decide_until(q, like, 5, 5)
    RecordingModel.fits = []
    ranker = QueueRanker(q, model_factory=RecordingModel, isolate=False)
    try:
        ranker.start()
        assert ranker.wait_idle() and RecordingModel.fits == [(10, 5)]
        new = add_records(project, make_topic_records(3, 0)[0])
        assert q.refresh() is not None
        ranker.studies_changed()
        assert ranker.wait_idle()
        assert RecordingModel.fits == [(10, 5), (10, 5)]  # the new set's ranker, once
        assert ranker.apply(None) and set(undecided(q)[:10]) == {
            s for s in like if like[s] and s not in q.votes
        } | set(new)
    finally:
        ranker.close()
