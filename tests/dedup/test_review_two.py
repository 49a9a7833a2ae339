"""Two reviewers on one project (two connections, or two processes; SQLite WAL): a pair is
settled once, the second reviewer is told who settled it, an undo leaves another reviewer's
later verdicts standing and reopens what rested on the merge it takes back (issue 14)."""

from __future__ import annotations

import asyncio
import multiprocessing
import random
from collections import defaultdict

import pytest
from dedup.review_setup import six_records

from reviewkit.dedup import engine
from reviewkit.dedup.review import judge_pair
from reviewkit.dedup.undo import take_back
from reviewkit.dedup.verdict_refusals import SettledMeanwhile
from reviewkit.errors import UserError
from reviewkit.project import open_project
from reviewkit.store import duplicates as links
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen


@pytest.fixture
def two(project_b):
    """ann and bob: one project, two connections."""
    ids = six_records(project_b)
    bob = open_project(project_b.folder)
    yield project_b, bob, ids
    bob.close()


def _queue(project) -> list[tuple[int, int]]:
    return sorted((q.a, q.b) for q in engine.review_queue(project.db))


def _by(project, who: str) -> list[tuple[int, int, str]]:
    return [
        (lk.record_a, lk.record_b, lk.verdict) for lk in links.links_by(project.db, f"person:{who}")
    ]


def test_a_pair_settled_meanwhile_is_not_settled_again(two):
    ann, bob, (r1, _r2, r3, *_rest) = two
    shown = engine.review_queue(bob.db)[0]  # on bob's screen
    assert (shown.a, shown.b) == (r1, r3)
    judge_pair(ann.db, r1, r3, "duplicate", "ann")
    with pytest.raises(SettledMeanwhile, match="settled meanwhile by ann: same record"):
        judge_pair(bob.db, r1, r3, "not_duplicate", "bob", shown=shown)
    assert _by(bob, "bob") == []  # his 'different' would have split ann's merge
    with pytest.raises(SettledMeanwhile, match="by ann: same record"):  # without ``shown`` too
        engine.decide_pair(bob.db, r1, r3, "not_duplicate", "bob")
    assert links.canonical_map(bob.db)[r3] == links.canonical_map(bob.db)[r1]


def test_a_pair_closed_or_joined_meanwhile_is_refused(two):
    ann, bob, (r1, r2, r3, r4, r5, *_rest) = two
    queue = {(q.a, q.b): q for q in engine.review_queue(bob.db)}
    judge_pair(ann.db, r1, r3, "not_duplicate", "ann")  # closes 2-3 and 6-3 with it
    with pytest.raises(
        SettledMeanwhile,
        match=f"by ann: different records, as following from a 'different' on {r1}–{r3}",
    ):
        judge_pair(bob.db, r2, r3, "duplicate", "bob", shown=queue[(r2, r3)])
    judge_pair(ann.db, r3, r5, "duplicate", "ann")
    judge_pair(ann.db, r4, r5, "duplicate", "ann")  # 3 and 4: one record through 5
    with pytest.raises(SettledMeanwhile, match=f"records {r3} and {r4} were made one record"):
        judge_pair(bob.db, r3, r4, "not_duplicate", "bob", shown=queue[(r3, r4)])
    assert _by(bob, "bob") == []


def test_undo_leaves_a_verdict_someone_gave_since(two):
    """ann says 4-5 differ, merges 1-3; bob splits 3 off again; ann's undo leaves bob's split
    standing (1-3 does not come back to the queue as if nobody had judged it) and goes on to
    her 'different'; the screen says so."""
    ann, bob, (r1, _r2, r3, r4, r5, *_rest) = two
    judge_pair(ann.db, r4, r5, "not_duplicate", "ann")
    judge_pair(ann.db, r1, r3, "duplicate", "ann")
    engine.split(bob.db, r3, "bob")

    async def go():
        app = ReviewkitApp(DedupReviewScreen(ann, "ann"), keymap={})
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.first_screen
            await pilot.press("z")
            message = str(screen.query_one("#message").render())
            assert f"undone: {r4}–{r5} is back in the queue; {r1}–{r3} left as another" in message
            await pilot.press("z")  # 1-3 was named once, by the z that passed over it
            assert str(screen.query_one("#message").render()) == "nothing to undo"
            await pilot.press("q")

    asyncio.run(go())
    assert take_back(ann.db, "ann").kept == []  # a later session does not name it again
    assert links.link_history(ann.db, r1, r3)[-1].made_by == "person:bob"
    queue = _queue(ann)
    assert (r1, r3) not in queue and (r4, r5) in queue


def test_undoing_a_merge_reopens_the_pairs_another_reviewer_closed_through_it(two):
    """ann merges 1-3; bob says 3-4 differ, which closes 1-4, 2-4 and 6-4 (4 differs from the
    cluster); ann undoes her merge: 1, 2 and 6 are no longer one record with 3, and nobody
    judged them against 4, so those pairs ask again; bob's own 3-4 stays."""
    ann, bob, (r1, r2, r3, r4, _r5, r6, _) = two
    judge_pair(ann.db, r1, r3, "duplicate", "ann")
    judge_pair(bob.db, r3, r4, "not_duplicate", "bob")
    assert not {(r1, r4), (r2, r4), (r4, r6)} & set(_queue(ann))
    take_back(ann.db, "ann")
    queue = _queue(ann)
    assert {(r1, r4), (r2, r4), (r4, r6), (r1, r3)} <= set(queue) and (r3, r4) not in queue


def test_the_screen_says_who_settled_the_pair_and_moves_on(two):
    ann, bob, (r1, _r2, r3, *_rest) = two

    async def go():
        app = ReviewkitApp(DedupReviewScreen(bob, "bob"), keymap={})
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.first_screen
            assert (screen.pair.a, screen.pair.b) == (r1, r3)
            judge_pair(ann.db, r1, r3, "duplicate", "ann")  # ann, in her terminal
            await pilot.press("d")
            message = str(screen.query_one("#message").render())
            assert (
                f"not saved: records {r1} and {r3} were settled meanwhile by ann: same" in message
            )
            assert "agree with them (dedup split, or undo)" in message  # what to do, too
            assert (screen.pair.a, screen.pair.b) != (r1, r3)
            await pilot.press("q")

    asyncio.run(go())
    assert _by(bob, "bob") == []


def _reviewer(folder: str, who: str, seed: int, shown: list, out) -> None:
    """One reviewer's terminal: the queue as both were shown it, answered in an order of
    their own (same or different at random, an undo now and then), each verdict committed."""
    project = open_project(folder)
    rnd = random.Random(seed)
    rnd.shuffle(shown)
    saved, told = 0, 0
    for pair in shown:
        verdict = rnd.choice(("duplicate", "not_duplicate"))
        try:
            judge_pair(project.db, pair.a, pair.b, verdict, who, shown=pair)
            saved += 1
        except SettledMeanwhile:
            told += 1
        except UserError:
            pass  # a merge a 'different' forbids
        if rnd.random() < 0.2:
            take_back(project.db, who)
    project.close()
    out.put((who, saved, told))


def test_two_processes_settle_overlapping_pairs_once(two):
    ann, bob, _ids = two
    shown = engine.review_queue(ann.db)  # both terminals show the whole queue
    ctx = multiprocessing.get_context("fork")  # the children open their own connections
    out = ctx.Queue()
    procs = [
        ctx.Process(target=_reviewer, args=(str(ann.folder), who, seed, list(shown), out))
        for who, seed in (("ann", 1), ("bob", 2))
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    # no pair carries verdicts of both reviewers that stand: a pair one settled, the other
    # did not settle again (an undo of one's own verdict excepted, which reopens it first)
    live: dict[tuple[int, int], list[links.Link]] = defaultdict(list)
    for lk in links.current_links(ann.db):
        live[(lk.record_a, lk.record_b)].append(lk)
    settled_by: dict[tuple[int, int], set[str]] = defaultdict(set)
    for who in ("ann", "bob"):
        for lk in links.links_by(ann.db, f"person:{who}"):
            if lk.reason.startswith("review ["):
                later = [
                    h for h in links.link_history(ann.db, lk.record_a, lk.record_b) if h.id > lk.id
                ]
                if not later or later[0].made_by != lk.made_by:  # not undone by its author
                    settled_by[(lk.record_a, lk.record_b)].add(who)
    assert all(len(w) == 1 for w in settled_by.values()), settled_by
    assert sum(saved for _w, saved, _t in results) >= len(settled_by) > 0
    assert sum(told for _w, _s, told in results) > 0  # the second one to a pair was told


def test_a_split_takes_a_merge_made_while_it_read_the_record(two, monkeypatch):
    """bob merges 3 into 1's cluster while ann's split of 1 has read 1's merges but not yet
    written (two terminals): the split read them outside the write lock, so it broke the
    merges it had read and left bob's, and 1 stayed one record with 3."""
    ann, bob, (r1, _r2, r3, *_rest) = two
    read = links.current_links_of

    def then_bob_merges(db, record_id):
        found = read(db, record_id)
        if db is ann.db and not db.conn.in_transaction:  # read, write lock not yet taken
            monkeypatch.setattr(links, "current_links_of", read)
            judge_pair(bob.db, r1, r3, "duplicate", "bob")
        return found

    monkeypatch.setattr(links, "current_links_of", then_bob_merges)
    engine.split(ann.db, r1, "ann")
    cmap = links.canonical_map(ann.db)
    assert [r for r in cmap if cmap[r] == cmap[r1]] == [r1]
