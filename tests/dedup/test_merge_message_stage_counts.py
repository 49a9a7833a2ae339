"""A merge that changes screening names each stage once (tui44, walked in tmux at 80x24): the
message before the second press read 'merging changes screening: title-abstract: studies 360 ->
359; title-abstract: pending 14 -> 13 — press s again to merge', the stage's name before each
count; the read-csv prompt listed it so too. Now a stage's counts follow its name."""

from __future__ import annotations

import asyncio

from conftest import add_records
from dedup.helpers import TITLE, rec
from dedup.review_setup import BARE

from reviewkit import screening as scr
from reviewkit.dedup import engine
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen

TA = "title-abstract"


def test_the_merge_message_names_each_stage_once_with_its_counts(project_b):
    add_records(project_b, [rec(**BARE), rec(**BARE, title=TITLE.upper(), source="Embase")])
    engine.run_dedup(project_b.db)
    pair = engine.review_queue(project_b.db)[0]
    for who in ("reviewer1", "reviewer2"):  # one record decided, the other waits for a vote
        scr.decide(project_b.db, pair.a, TA, who, "include")
    scr.decide(project_b.db, pair.b, TA, "reviewer1", "include")

    async def go() -> str:
        app = ReviewkitApp(DedupReviewScreen(project_b, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("s")
            message = " ".join(str(app.first_screen.query_one("#message").render()).split())
            await pilot.press("q")
        return message

    message = asyncio.run(go())
    assert message.startswith("merging changes screening: title-abstract: studies 2 -> 1, "), (
        message
    )
    assert message.count("title-abstract:") == 1, message
    assert message.endswith(" — press s again to merge"), message
