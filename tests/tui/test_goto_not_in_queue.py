"""Walked in tmux (tui43): at full text, `g` with the id of a record not in the reviewer's
queue said only "record 53 is not in your queue at this stage": not whether title-abstract had
excluded it, or whether it still waited there (for this reviewer's vote, or another's), nor so
what to do. The message says why, and the line that opens the stage where it waits for them."""

from __future__ import annotations

import asyncio

from tui.helpers import FT, TA, shown, to_full_text, unwrapped

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def _went_to(project, refs: list[str]) -> list[str]:  # noqa: ANN001
    """What the message line said after `g` and each of ``refs``, at full text as maria."""

    async def go() -> list[str]:
        said = []
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, FT, "maria")), keymap={})
        async with app.run_test(size=(100, 34)) as pilot:
            for ref in refs:
                await pilot.press("g", *ref, "enter")
                await pilot.pause()
                said.append(shown(app, "#message"))
            await pilot.press("q")
        return said

    return asyncio.run(go())


def test_goto_says_why_a_record_is_not_in_the_queue(team) -> None:
    project, ids = team
    to_full_text(project, ids[0])
    for reviewer in ("maria", "tom"):  # the second record: excluded at title-abstract
        scr.decide(project.db, ids[1], TA, reviewer, "exclude", reason="not-employees")
    scr.decide(project.db, ids[2], TA, "tom", "include")  # the third waits for maria there

    excluded, waiting = _went_to(project, [str(ids[1]), str(ids[2])])
    assert excluded == f"record {ids[1]} is not in your queue at full-text: it was excluded at {TA}"
    assert unwrapped(waiting) == unwrapped(
        f"record {ids[2]} is not in your queue at full-text: it waits for your vote at {TA}"
        f" (reviewkit screen --reviewer maria --stage {TA})"
    )


def test_goto_says_when_another_reviewer_is_waited_for(team) -> None:
    project, ids = team
    to_full_text(project, ids[0])
    scr.decide(project.db, ids[1], TA, "maria", "include")  # tom has not voted on it yet

    (said,) = _went_to(project, [str(ids[1])])
    assert said == (
        f"record {ids[1]} is not in your queue at full-text: it waits at {TA} for another"
        " reviewer's vote"
    )
