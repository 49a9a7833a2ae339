"""Duplicate review walked in tmux (walk9): a reviewer who skipped a pair and settled the rest was
told "Only skipped pairs are left; quit and come back to them", and every key of the footer did
nothing. The skip key brings the skipped pairs round again, and the pane says so."""

from __future__ import annotations

import asyncio

from conftest import add_records
from dedup.helpers import rec
from tui.helpers import shown

from reviewkit.dedup import engine
from reviewkit.dedup.review import judge_pair
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen

TITLES = (
    "Collaboration between GPs and employers for sick-listed workers: a cluster trial",
    "Coordinated care for musculoskeletal pain at work: a pilot study",
)


def _two_pairs_for_a_person(project) -> None:  # noqa: ANN001
    """Two title-only pairs with nothing else to go on: both go to the person's queue."""
    bare = dict(journal="", volume="", pages="", issue="")
    records = []
    for n, title in enumerate(TITLES):
        records.append(rec(**bare, title=title, authors=[f"Lund{n}, Kari"], year=2019))
        longer = f"{title} with a process evaluation"
        records.append(rec(**bare, title=longer, authors=[f"Lund{n}, Kari"], source="Embase"))
    add_records(project, records)
    engine.run_dedup(project.db)
    assert len(engine.review_queue(project.db)) == 2


def test_the_skip_key_brings_the_skipped_pairs_round_again(project_b) -> None:
    _two_pairs_for_a_person(project_b)

    async def go() -> None:
        app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.first_screen
            await pilot.pause()
            skipped = (screen.pair.a, screen.pair.b)
            await pilot.press("j", "s")  # skip the first, the second is the same record
            await pilot.pause()
            assert screen.pair is None
            assert "press j to see them again" in shown(app, "#records")
            await pilot.press("j")
            await pilot.pause()
            assert screen.pair is not None and (screen.pair.a, screen.pair.b) == skipped
            await pilot.press("d")
            await pilot.pause()
            assert "No pairs left to review" in shown(app, "#records")
            await pilot.press("q")

    asyncio.run(go())
    assert engine.review_queue(project_b.db) == []


def test_round_again_reads_the_queue_a_colleague_settled_meanwhile(project_b) -> None:
    """(rd37d) The skip key that brings skipped pairs round again read the queue as the screen
    had read it, though a colleague may have settled them while they waited: the pane offered a
    pair nobody needs to judge."""
    _two_pairs_for_a_person(project_b)

    async def go() -> tuple[tuple[int, int] | None, str]:
        app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.first_screen
            await pilot.pause()
            skipped = (screen.pair.a, screen.pair.b)
            await pilot.press("j", "d")  # skip the first, the second differs
            await pilot.pause()
            judge_pair(project_b.db, *skipped, "not_duplicate", "bob")  # a colleague, meanwhile
            await pilot.press("j")
            await pilot.pause()
            pair = (screen.pair.a, screen.pair.b) if screen.pair else None
            said = shown(app, "#records") + " | " + shown(app, "#message")
            await pilot.press("q")
        return pair, said

    pair, said = asyncio.run(go())
    assert pair is None, said
    assert "No pairs left to review" in said, said
    assert "skipped pairs again" not in said, said
