"""Read of walk9 (rd37d): the skip key that brings skipped pairs round again showed them as the
screen had read them, though a colleague may have settled them while they waited; the pane
then offered a pair nobody needs to judge ('not saved' only on the next key)."""

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


def test_round_again_reads_the_queue_a_colleague_settled_meanwhile(project_b) -> None:
    bare = dict(journal="", volume="", pages="", issue="")  # pairs dedup asks a person about
    records = []
    for n, title in enumerate(TITLES):
        records.append(rec(**bare, title=title, authors=[f"Lund{n}, Kari"], year=2019))
        longer = f"{title} with a process evaluation"
        records.append(rec(**bare, title=longer, authors=[f"Lund{n}, Kari"], source="Embase"))
    add_records(project_b, records)
    engine.run_dedup(project_b.db)
    assert len(engine.review_queue(project_b.db)) == 2

    async def go() -> tuple[tuple[int, int] | None, str]:
        app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.first_screen
            await pilot.pause()
            skipped = (screen.pair.a, screen.pair.b)
            await pilot.press("k", "d")  # skip the first, the second differs
            await pilot.pause()
            judge_pair(project_b.db, *skipped, "not_duplicate", "bob")  # a colleague, meanwhile
            await pilot.press("k")
            await pilot.pause()
            pair = (screen.pair.a, screen.pair.b) if screen.pair else None
            said = shown(app, "#records") + " | " + shown(app, "#message")
            await pilot.press("q")
        return pair, said

    pair, said = asyncio.run(go())
    assert pair is None, said
    assert "No pairs left to review" in said, said
    assert "skipped pairs again" not in said, said
