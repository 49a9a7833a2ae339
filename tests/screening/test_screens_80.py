"""The screening and conflicts screens at 80x24: a message longer than a line is read whole
(the conflicts screen's message line was one line high), and the screening screen's box under
the record shows a long full-text URL whole, with the notes, instead of cutting it."""

from __future__ import annotations

import asyncio

from conftest import add_records, write_lock
from screening.helpers import conflict_on, make_records
from textual.widgets import Input

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.screening import ScreeningScreen

TA, FT = "title-abstract", "full-text"
NARROW = (80, 24)
BUSY_END = "ctrl+q quits without them"  # the end of the busy message, past 80 columns
URL = (
    "https://www.example.org/journals/occupational-rehabilitation/articles/2021/"
    "a-randomised-trial-of-return-to-work-coordination-after-sick-leave/fulltext.pdf?download=1"
)


def in_view(app: ReviewkitApp, selector: str) -> str:
    """What a widget shows on the terminal (the lines its height keeps), joined by spaces."""
    widget = app.screen.query_one(selector)
    rows = (widget.render_line(y).text.strip() for y in range(widget.size.height))
    return " ".join(row for row in rows if row)


def test_the_conflicts_message_line_shows_a_long_message_whole(project_b):
    """A key kept while another command writes: the message says the keys are kept and how
    to quit without them; at 80 columns its end was cut off the one-line message area."""
    (rid,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [rid])

    async def go() -> str:
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=NARROW) as pilot:
            await pilot.pause()
            with write_lock(project_b):
                await pilot.press("e", "1")  # kept: the database is busy
                await pilot.pause()
                text = in_view(app, "#message")
            await pilot.press("q")
        return text

    text = asyncio.run(go())
    assert "database busy" in text and BUSY_END in text


def test_a_long_full_text_url_and_a_note_both_stay_in_view_at_80x24(project_b):
    """The box under the record was three lines: a 160-character URL took its last two, and
    with a note "Full text:" was cut off; it now grows, the full text before the notes."""
    ids = add_records(project_b, make_records(2))
    for reviewer in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, ids[0], TA, reviewer, "include")
    queue = scr.ReviewerQueue(project_b, FT, "reviewer1")

    async def go() -> str:
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=NARROW) as pilot:
            await pilot.press("a")
            app.screen.query_one(Input).value = URL  # typed (160 key presses take seconds)
            await pilot.press("enter")
            await pilot.press("n", *"checked the supplement", "enter")
            await pilot.pause()
            text = in_view(app, "#mine")
            await pilot.press("q")
        return text

    text = asyncio.run(go())
    assert text.startswith("Not decided yet Full text (o to open, a to replace):")
    assert URL in text.replace(" ", "")  # whole, on as many lines as it needs
    assert text.endswith("My note: checked the supplement")
