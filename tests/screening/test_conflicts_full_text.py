"""The conflicts screen at full text shows the attached full text and opens it with `o`; it
showed neither, so the lead settled a full-text conflict without the paper the reviewers read.
Before full text nothing is attached: no `o` in the footer or the help there."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import (
    FT,
    SIZE,
    TA,
    conflict_on,
    full_text_conflicts,
    make_records,
    screen_text,
)

from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen


def test_full_text_conflicts_show_the_attachment_and_o_opens_it(project_b, tmp_path):
    ids, pdf = full_text_conflicts(project_b, tmp_path)
    opened: list[str] = []

    async def go() -> None:
        screen = ConflictsScreen(project_b, FT, "lead", opener=opened.append)
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert screen.views[screen.pos].study_id == ids[0]
            text = screen_text(app)  # the path may wrap at its space ("paper / one.pdf")
            assert "Full text (o to open):" in text and "one.pdf" in text
            await pilot.press("o")
            assert opened == [pdf.resolve().as_uri()] and "opened" in screen.message
            await pilot.press("j")
            assert "Full text: none attached" in screen_text(app)
            await pilot.press("o")
            assert "no full text attached" in screen.message and len(opened) == 1
            await pilot.press("q")

    asyncio.run(go())


def test_o_and_its_help_only_at_full_text(project_b, tmp_path):
    full_text_conflicts(project_b, tmp_path)
    conflict_on(project_b, add_records(project_b, make_records(1, prefix="Other")))
    opened: list[str] = []

    async def go(stage: str) -> tuple[str, str, str]:
        screen = ConflictsScreen(project_b, stage, "lead", opener=opened.append)
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            body = screen_text(app)
            await pilot.press("o")
            said = screen.message
            screen.say("")  # the help is drawn over the screen: its message line shows
            await pilot.press("question_mark")
            help_text = screen_text(app)
            await pilot.press("escape", "q")
        return body, help_text, said

    body, help_text, said = asyncio.run(go(TA))
    assert "Full text" not in body and "Open the full text" not in help_text and opened == []
    assert said == "Open the full text: full texts are for the full-text stage"  # q40c
    body, help_text, _ = asyncio.run(go(FT))
    assert "Full text (o to open):" in body and "Open the full text" in help_text
    assert len(opened) == 1


def test_one_full_text_line_for_the_screening_and_conflicts_screens():
    """Both screens word the line alike; each names the keys it has (the conflicts screen
    opens a full text but attaches none)."""
    from reviewkit.screening.lookup import Attachment
    from reviewkit.tui.screening_fulltext import attachment_line

    att = Attachment(1, 1, "/papers/smith 2020.pdf", "file", "reviewer1", "")
    screening_line = attachment_line(att, open_key="o", attach_key="a").plain
    assert screening_line == "Full text (o to open, a to replace): /papers/smith 2020.pdf"
    assert (
        attachment_line(att, open_key="o").plain == "Full text (o to open): /papers/smith 2020.pdf"
    )
    assert attachment_line(None, open_key="o", attach_key="a").plain == (
        "Full text: none attached (a to attach)"
    )
    assert attachment_line(None, open_key="o").plain == "Full text: none attached"
