"""The confirm screen without colour (rd39g, read of ux39, which gave the screening screen's
exclude terms an underline but left the confirm screen's evidence told by colour alone)."""

from __future__ import annotations

import asyncio

from rich.style import Style

from reviewkit import classify
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import NEGATIVE_STYLE, ConfirmScreen


def test_the_confirm_screens_evidence_is_told_without_colour(b_included) -> None:
    """The words that fired a label were bold on yellow, those that count against one bold on
    red: without colour the two looked alike, and evidence in the bold title looked as the
    title round it ('individual placement and support@title'). They take the screening
    screen's marks: reverse video for the evidence, underline for what counts against."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])

    async def go() -> list[tuple[str, Style]]:
        app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap={})
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            title = next(
                strip
                for strip in app.screen._compositor.render_strips()
                if "placement and support" in strip.text.lower()
            )
            await pilot.press("q")
        return [(seg.text.strip().lower(), seg.style.without_color) for seg in title if seg.text]

    row = dict(asyncio.run(go()))
    evidence = row["individual placement and support"]
    plain = next(style for text, style in row.items() if "sick-listed" in text)
    assert evidence != plain, row  # was: both bold
    against = Style.parse(NEGATIVE_STYLE).without_color
    assert len({evidence, against, plain}) == 3, (evidence, against, plain)  # was: 1
