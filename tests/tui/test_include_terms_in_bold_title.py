"""Include terms in a bold title without colour (rd39g, a reader of ux39 using the screens):
each kind of term is told apart from the text round it by more than colour."""

from __future__ import annotations

import asyncio

from conftest import add_records
from tui.helpers import TA

from reviewkit import screening as scr
from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

SMALL = (80, 24)


def test_include_terms_in_the_bold_title_are_told_without_colour(project_a) -> None:
    """The title is bold, and include terms were bold on green: without colour (a monochrome
    terminal keeps bold, underline and reverse, not colour) an include term in the title looked
    as the words round it. ux39's test compared include with exclude terms, not with the text
    they sit in. Each of the three, in the title and in the abstract, is told apart."""
    (rid,) = add_records(
        project_a,
        [
            Record(
                title="Sick leave of teachers and children",
                abstract_sections=[AbstractSection("", "Sick leave of teachers and children.")],
            )
        ],
    )

    async def go() -> list[list[tuple[str, object]]]:
        queue = scr.ReviewerQueue(project_a, TA, project_a.protocol.reviewers[0])
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("g", *str(rid), "enter")
            await pilot.pause()
            rows = [
                [(seg.text.strip().lower(), seg.style.without_color) for seg in strip]
                for strip in app.screen._compositor.render_strips()
                if "teachers" in strip.text
            ]
            await pilot.press("q")
        return rows

    title, abstract = asyncio.run(go())
    for row in (title, abstract):
        style = {text: style for text, style in row if text}
        plain = next(s for t, s in style.items() if "teachers" in t)
        assert len({style["sick leave"], style["children"], plain}) == 3, row  # title: 2
