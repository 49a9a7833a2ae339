"""A queue's look for changes refused as busy part-way (the screening screen's timer look lets
it pass) leaves the queue as it was, and the next look takes the whole change: before, the
votes had been emptied and the new records counted as taken, so the retry said nothing came."""

from __future__ import annotations

import pytest
from conftest import add_records
from screening.helpers import make_records

from reviewkit import screening as scr
from reviewkit.errors import DatabaseBusy
from reviewkit.screening import queue as queue_module

TA = "title-abstract"


def test_a_refresh_refused_while_reading_votes_leaves_the_queue_and_is_taken_in_full(
    project_a, monkeypatch
):
    add_records(project_a, make_records(4))
    q = scr.ReviewerQueue(project_a, TA, "reviewer1")
    first = q.studies[0]
    q.decide(first, "include")
    studies, votes = list(q.studies), dict(q.votes)
    add_records(project_a, make_records(2, prefix="Rerun"), source="pubmed")

    real, calls = queue_module.decision_rows.list_decisions, []

    def busy_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseBusy("the database is busy")
        return real(*args, **kwargs)

    monkeypatch.setattr(queue_module.decision_rows, "list_decisions", busy_once)
    with pytest.raises(DatabaseBusy):
        q.refresh()
    assert calls, "the refused read was not the votes' read"
    assert (q.studies, q.votes) == (studies, votes)  # as it was: my vote still counted
    assert q.done == 1
    change = q.refresh()
    assert change is not None and len(change.added) == 2 and change.stored == 2
    assert q.done == 1 and len(q.studies) == 6


def test_a_refresh_refused_at_my_own_votes_keeps_them(project_a, monkeypatch):
    """The read of my own votes refused: they had been emptied first, so the screen counted
    none done and offered decided records again until the next look."""
    add_records(project_a, make_records(4))
    q = scr.ReviewerQueue(project_a, TA, "reviewer1")
    q.decide(q.studies[0], "include")
    votes = dict(q.votes)
    add_records(project_a, make_records(1, prefix="Rerun"), source="pubmed")
    real = queue_module.decision_rows.list_decisions

    def busy_for_mine(*args, **kwargs):
        if kwargs.get("reviewer") == "reviewer1":
            raise DatabaseBusy("the database is busy")
        return real(*args, **kwargs)

    monkeypatch.setattr(queue_module.decision_rows, "list_decisions", busy_for_mine)
    with pytest.raises(DatabaseBusy):
        q.refresh()
    assert q.votes == votes and q.done == 1
    monkeypatch.setattr(queue_module.decision_rows, "list_decisions", real)
    change = q.refresh()
    assert change is not None and change.stored == 1 and q.done == 1
