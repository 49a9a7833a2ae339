"""The ranking engine takes changes of the queue's studies in the order they were asked for,
whichever reload thread gets the lock first: the newest set of studies is the one ranked."""

from __future__ import annotations

import types

from conftest import add_records
from screening.helpers import make_topic_records

from reviewkit.ranking import engine as engine_module
from reviewkit.ranking.engine import Engine
from reviewkit.screening import ReviewerQueue


class _Held:
    """A Thread that is recorded rather than started: the test runs the reload threads in the
    order a lock may hand them out."""

    made: list[_Held] = []

    def __init__(self, target, args=(), **_kwargs) -> None:  # type: ignore[no-untyped-def]
        self.target, self.args = target, args

    def start(self) -> None:
        _Held.made.append(self)


def test_a_change_older_than_the_one_taken_in_is_skipped(project_a, monkeypatch):
    """A merge drops two studies (set_studies), then a partner decides two more (drop_studies).
    When the second reload wins the lock, the first one's set, which still holds the studies
    the partner decided, must not be ranked after it."""
    records, _ = make_topic_records(12, 28)
    add_records(project_a, records)
    ids = tuple(ReviewerQueue(project_a, "title-abstract", "reviewer1").studies)
    engine = Engine(str(project_a.db.path), ids, {}, lambda _state: None)
    try:
        engine.start(0, [])
        assert engine.wait_idle(60)
        merged, decided = ids[:-2], ids[:-4]
        _Held.made.clear()
        monkeypatch.setattr(engine_module, "threading", types.SimpleNamespace(Thread=_Held))
        engine.set_studies(merged, 1, [])
        engine.drop_studies(decided, 2, [])
        monkeypatch.undo()
        second, first = _Held.made[1], _Held.made[0]
        second.target(*second.args)  # the newer change got the lock first
        first.target(*first.args)
        assert engine.ids == decided
        assert engine.wait_idle(60)
    finally:
        engine.close()
