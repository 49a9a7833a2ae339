"""The ranking engine publishes its states in the order it made them, the newest last, whichever
of its threads (the texts' loader, the ranker's worker, a caller of wait_idle) made each: the
screen keeps the state published last, so an older one published after a newer one is what the
screen shows (a failed fit said nowhere, a retrain that looks endless)."""

from __future__ import annotations

import random
import threading

from conftest import add_records
from screening.helpers import make_topic_records

from reviewkit.ranking.engine import Engine, EngineState

OPTIONS = {"min_includes": 1, "min_excludes": 1}  # the ready rule met by the first labels
WAIT_S = 60  # a bound for a wait that a working engine ends at once (never reached)


def _queue(project) -> tuple[tuple[int, ...], list[tuple[int, bool]]]:
    """A queue of 40 studies and labels that meet the ready rule: the first fit fits a model."""
    records, like = make_topic_records(12, 28)
    ids = add_records(project, records)
    return tuple(ids), [(ids[0], like[0]), (ids[1], like[1]), (ids[2], like[2])]


class FailsWhenLetGo:
    """A model whose fit waits for :attr:`go`, then fails: the test says when the fit ends."""

    go = threading.Event()

    def fit(self, X, y):  # noqa: ANN001, N803
        assert FailsWhenLetGo.go.wait(WAIT_S), "never let go"
        raise ValueError("the solver found one class")


class Hooked(Engine):
    """The engine, saying when its loader's thread and each reading of its ranker are done."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.loader_done = threading.Event()
        self.ranker_read = threading.Event()

    def _load(self) -> None:
        try:
            super()._load()
        finally:
            self.loader_done.set()

    def _on_trained(self) -> None:
        super()._on_trained()
        self.ranker_read.set()


def test_a_first_fit_failing_while_the_loader_publishes_is_the_state_published_last(project_a):
    """The loader's "loaded, retraining" state is on its way to the screen when the first fit
    fails and the worker makes the failed state: the failed state must be published after it.
    It was published first, the loader's older state after it, so the screen never said the
    failure (it showed a retrain until the next vote). The loader's publish is held (its
    callback lets the fit fail, then waits for the worker to be done with it) to make that
    interleaving every time."""
    ids, labels = _queue(project_a)
    FailsWhenLetGo.go.clear()
    published: list[EngineState] = []
    engine: Hooked

    def publish(state: EngineState) -> None:  # what the screen holds is the state sent last
        if threading.current_thread().name == "reviewkit-queue-ranker" and state.busy:
            FailsWhenLetGo.go.set()  # the first fit fails now; its state is made meanwhile
            assert engine.ranker_read.wait(WAIT_S), "the worker never made its state"
        published.append(state)

    engine = Hooked(
        str(project_a.db.path), ids, {**OPTIONS, "model_factory": FailsWhenLetGo}, publish
    )
    try:
        engine.start(1, labels)
        assert engine.loader_done.wait(WAIT_S) and engine.ranker_read.wait(WAIT_S)
        assert engine.state.error == "the solver found one class"
        assert published[-1] == engine.state, [(s.busy, s.error) for s in published]
    finally:
        FailsWhenLetGo.go.set()
        engine.close()


class FailsSometimes:
    """A model whose fits fail or succeed by a seeded draw (about one in three fails)."""

    draws = random.Random(0)
    lock = threading.Lock()

    def fit(self, X, y):  # noqa: ANN001, N803
        with FailsSometimes.lock:
            fails = FailsSometimes.draws.random() < 0.35
        if fails:
            raise ValueError(f"a failed fit on {len(y)} labels")
        self.weights = X[y == 1].mean(axis=0)
        return self

    def decision_function(self, X):  # noqa: ANN001, N803
        return X @ self.weights.T


def test_many_fits_and_failures_publish_in_order_the_last_being_the_engines_state(project_a):
    """Votes submitted while fits succeed and fail (some at once, some after the last fit), and
    wait_idle called from another thread meanwhile (it reads the ranker and publishes too): the
    published states never go back (a label submission older than one published already,
    loaded then not), and once idle the last published is the engine's state."""
    ids, labels = _queue(project_a)
    published: list[EngineState] = []
    engine = Engine(
        str(project_a.db.path), ids, {**OPTIONS, "model_factory": FailsSometimes}, published.append
    )
    stop = threading.Event()

    def waits() -> None:  # a second reader of the ranker, as the ranking process's idle answer
        while not stop.is_set():
            engine.wait_idle(0.01)

    waiter = threading.Thread(target=waits, daemon=True)
    try:
        engine.start(1, labels)
        waiter.start()
        rng = random.Random(1)
        for seq in range(2, 202):
            study = ids[rng.randrange(3, len(ids))]
            labels = [*labels, (study, rng.random() < 0.3)]
            engine.submit(seq, labels)
            if rng.random() < 0.5:  # a fit on these labels (else they are coalesced)
                assert engine.wait_idle(WAIT_S)
        stop.set()
        waiter.join(WAIT_S)
        assert engine.wait_idle(WAIT_S)
    finally:
        stop.set()
        engine.close()
    seqs = [s.seq for s in published]
    assert seqs == sorted(seqs), seqs
    loaded = [s.loaded for s in published]
    assert loaded == sorted(loaded), loaded
    assert published[-1] == engine.state
    assert engine.state.seq == 201 and not engine.state.busy
    errors = {s.error for s in published}
    assert "" in errors and len(errors) > 1, errors  # fits both failed and succeeded


class HeldAcrossARerun(Engine):
    """The engine, its ranker's worker held once between reading the ranker and building its
    state (``hold``) until a rerun's reload has swapped the new set's ranker in and is about to
    publish the new set's order (``swapped``)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.hold = threading.Event()  # set: hold the worker's next reading
        self.held = threading.Event()  # a reading of the old ranker is held
        self.swapped = threading.Event()  # the reload took the new set in and publishes it

    def _to_publish(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread().name == "reviewkit-ranker" and self.hold.is_set():
            self.hold.clear()
            self.held.set()
            assert self.swapped.wait(WAIT_S), "the rerun never swapped its ranker in"
        return super()._to_publish(*args, **kwargs)

    def _on_trained(self) -> None:
        if threading.current_thread().name == "reviewkit-queue-reload":
            self.swapped.set()  # after the swap: the reload publishes the new set's order
        super()._on_trained()


def test_an_order_read_from_the_ranker_before_a_rerun_swapped_it_is_not_published_after(
    project_a,
):
    """A vote's fit is sorted by the old ranker while a rerun's reload swaps the new set's ranker
    in: that order, made for the set before the rerun, must not be published once the new set
    is taken in (a screen moving on then would rank the rerun's records last); the new set's
    order is the one published last."""
    ids, labels = _queue(project_a)
    published: list[tuple[int, bool]] = []  # (the order's set of studies, after the swap)
    engine: HeldAcrossARerun

    def publish(state: EngineState) -> None:
        if state.ranked is not None:
            published.append((state.ranked.studies, engine.swapped.is_set()))

    engine = HeldAcrossARerun(str(project_a.db.path), ids, dict(OPTIONS), publish)
    try:
        engine.start(1, labels)
        assert engine.wait_idle(WAIT_S)
        engine.hold.set()
        labels = [*labels, (ids[3], False)]
        engine.submit(2, labels)  # the old ranker's fit; its sort is held
        assert engine.held.wait(WAIT_S)
        records, _ = make_topic_records(3, 0)  # a rerun: 3 new studies
        engine.set_studies((*ids, *add_records(project_a, records)), 3, labels)
        assert engine.wait_idle(WAIT_S)
    finally:
        engine.swapped.set()
        engine.close()
    assert (0, True) not in published, published
    assert published[-1] == (1, True), published
