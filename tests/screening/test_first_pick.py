"""The first record is the ranked order's first pick: the protocol's cold-start order is
computed after the first screen is drawn, so the screen says it is ordering until it arrives
(the first record used to come from the seeded order, the protocol's only from the first move)."""

from __future__ import annotations

import asyncio

from screening.helpers import screen_text, until, until_started
from tui.helpers import settled_footer

from reviewkit import screening as scr
from reviewkit.ranking.cold_start import ProtocolText, cold_start_order
from reviewkit.ranking.queue import QueueRanker, protocol_text
from reviewkit.ranking.ranker import record_text
from reviewkit.store.decisions import list_decisions
from reviewkit.store.records import get_records
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"
SIZE = (100, 34)


def protocols_pick(project, seeded: list[int]) -> list[int]:
    """The protocol's cold-start order of the queue, worked out here from the records."""
    recs = get_records(project.db, seeded)
    texts = [
        record_text(recs[i].title, recs[i].abstract, [*recs[i].keywords, *recs[i].mesh_terms])
        for i in seeded
    ]
    order = cold_start_order(seeded, texts, ProtocolText(**protocol_text(project.protocol)))
    assert order is not None
    return order


def test_the_first_record_is_the_protocols_first_pick(topics, gate):
    project, like = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    order = protocols_pick(project, list(queue.studies))
    assert queue.studies[0] != order[0]  # the seeded order would show another record first
    ranking = QueueRanker(queue, isolate=False)

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            assert s.current is None and s.ordering
            text = screen_text(app)
            assert "Ordering your 40 records" in text and "ordering…" in text
            assert "Order: being worked out" in text  # not 'random', the order about to change
            await pilot.press("i", "e", "1", "u", "z")  # no record: no key decides
            assert list_decisions(project.db) == [] and s.ordering
            gate.set()
            await until(pilot, lambda: not s.ordering, "the first order")
            assert s.current == order[0] and like[s.current]
            await pilot.press("i")
            assert queue.votes[order[0]].label == "include"
            assert s.current == order[1]  # and on in the protocol's order
            await pilot.press("q")

    try:
        asyncio.run(go())
    finally:
        ranking.close()


def test_j_while_ordering_starts_at_once_in_the_seeded_order(topics, gate):
    project, like = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    seeded = list(queue.studies)
    order = protocols_pick(project, seeded)
    ranking = QueueRanker(queue, isolate=False)

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            await pilot.press("j")
            assert not s.ordering and s.current == seeded[0]
            assert "started in the seeded random order" in s.message
            gate.set()
            assert ranking.wait_idle()
            await pilot.press("j")  # the protocol's order behind the record shown
            assert s.current == next(st for st in order if st != seeded[0])
            await pilot.press("q")

    try:
        asyncio.run(go())
    finally:
        ranking.close()


async def footer_keys(pilot) -> set[str]:
    """The footer keys in view at 80 columns."""
    keys = await settled_footer(pilot)
    return {k.description for k in keys if k.region.width and k.region.right <= 80}


def test_while_ordering_the_footer_keeps_search_and_no_full_text_keys_at_80(topics, gate):
    """At title-abstract a and o (full text only) were shown, dimmed, while the screen was
    ordering, and pushed "/ Search" off an 80-column footer; they are hidden there as they
    are once the first record shows."""
    project, _ = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    ranking = QueueRanker(queue, isolate=False)

    async def go() -> tuple[set[str], set[str]]:
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            assert s.ordering
            ordering = await footer_keys(pilot)
            gate.set()
            await until(pilot, lambda: not s.ordering, "the first order")
            after = await footer_keys(pilot)
            await pilot.press("q")
        return ordering, after

    ordering, after = asyncio.run(go())
    for keys in (ordering, after):
        assert "Attach" not in keys and {"Quit", "Search"} <= keys


def test_one_record_left_shows_at_once_without_waiting_for_an_order(topics, gate):
    """Walked in tmux (tui43): a reviewer with one record left waited on "Ordering your 1
    record…" for seconds (the ranker reads every text of the stage) though one record has one
    order; the screen shows it at once, and the ranker still starts for the order line."""
    project, _ = topics
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    *decided, last = queue.studies
    for study in decided:
        scr.decide(project.db, study, TA, "reviewer1", "exclude")
    queue = scr.ReviewerQueue(project, TA, "reviewer1")
    assert queue.remaining == 1
    ranking = QueueRanker(queue, isolate=False)

    async def go():
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)  # held at the gate: no order has come
            assert not s.ordering and s.current == last
            assert "Ordering your" not in screen_text(app)
            await pilot.press("i")
            assert queue.votes[last].label == "include"
            gate.set()
            await pilot.press("q")

    try:
        asyncio.run(go())
    finally:
        ranking.close()
