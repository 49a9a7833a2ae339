"""A rerun whose new studies could not be read stays said until a change of studies is taken
in. The ranker in use goes on ordering the old set, and each of its fits cleared the reload's
error: the screen then said the ranked order applies while the rerun's studies, never read,
kept their places outside it."""

from __future__ import annotations

from conftest import add_records
from screening.helpers import make_topic_records

from reviewkit import screening as scr
from reviewkit.ranking.engine import Engine
from reviewkit.ranking.queue import QueueRanker

TA = "title-abstract"


def _vote(q: scr.ReviewerQueue, like: dict[int, bool], n: int) -> None:
    """Vote on the next ``n`` undecided studies in queue order, as a reviewer would."""
    for study in [s for s in q.studies if s not in q.votes][:n]:
        q.decide(study, "include" if like.get(study, True) else "exclude")


def test_a_failed_reload_stays_said_over_the_old_rankers_fits_until_a_reload_works(
    topics, monkeypatch
):
    project, like = topics
    q = scr.ReviewerQueue(project, TA, "reviewer1")
    for study in [s for s in q.studies if like[s]][:5] + [s for s in q.studies if not like[s]][:5]:
        q.decide(study, "include" if like[study] else "exclude")
    ranker = QueueRanker(q, isolate=False, cold_start=False)
    try:
        ranker.start()
        assert ranker.wait_idle() and ranker.status().source == "model"

        def unreadable(self, ids=None):  # noqa: ANN001
            raise OSError("disk I/O error")

        monkeypatch.setattr(Engine, "_read_texts", unreadable)
        new = add_records(project, make_topic_records(3, 0)[0])  # a rerun: 3 new studies
        assert q.refresh() is not None
        ranker.studies_changed()
        assert ranker.wait_idle()
        failed = ranker.status()
        assert failed.source == "failed"
        assert failed.error == "3 new studies not read, they keep their places (disk I/O error)"

        _vote(q, like, 1)  # the old ranker's fit works: its order covers the old set only
        ranker.update()
        assert ranker.wait_idle()
        status = ranker.status()
        assert (status.source, status.kept, status.error) == ("failed", "model", failed.error)
        message = status.failure_message()
        assert "for this session" in message and "ranked order then applies" not in message

        monkeypatch.undo()  # the next change of studies reads the rerun's studies
        ranker.studies_changed()
        assert ranker.wait_idle()
        status = ranker.status()
        assert (status.source, status.error) == ("model", "")
        assert ranker.apply(None)
        # the new set's order: the rerun's include-like studies among the first ten undecided
        assert set(new) <= set([s for s in q.studies if s not in q.votes][:10])
    finally:
        ranker.close()
