"""Read of walk9 (rd37d): excluding a study at full text with a reason that says its report was
not retrieved ('Could not get the full text', ``not_retrieved = true``) while a full text is
attached to it was saved without a word; the PRISMA flow then counts a report the team holds
as not retrieved. The vote is saved (the attached file may be the wrong paper), and the
message line says what it counts as, with the undo key."""

from __future__ import annotations

import asyncio

from tui.helpers import FT, shown, to_full_text

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.screening import ScreeningScreen

NO_ACCESS = "6"  # 'Could not get the full text' (not_retrieved = true) in tests/tui's protocol


def _attach(project, study: int, tmp_path) -> None:  # noqa: ANN001
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    scr.attach(project.db, study, str(pdf), added_by="tom")


def _screen(project, reason_key: str) -> str:  # noqa: ANN001
    async def go() -> str:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, FT, "tom")), keymap={})
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.press("j", "k", "e", reason_key)
            await pilot.pause()
            said = shown(app, "#message")
            await pilot.press("q")
        return said

    return asyncio.run(go())


def test_screening_says_a_not_retrieved_reason_meets_an_attached_full_text(team, tmp_path) -> None:
    project, ids = team
    to_full_text(project, ids[0])
    _attach(project, ids[0], tmp_path)
    said = _screen(project, NO_ACCESS)
    assert "saved: exclude" in said, said
    assert "a full text is attached" in said and "not retrieved" in said, said
    assert "z undoes" in said, said
    assert scr.ReviewerQueue(project, FT, "tom").votes[ids[0]].reason == "no-access"


def test_no_word_without_an_attachment_or_for_another_reason(team, tmp_path) -> None:
    project, ids = team
    to_full_text(project, ids[0])
    assert "attached" not in _screen(project, NO_ACCESS)  # nothing attached: as it says
    scr.undo(project.db, FT, "tom")
    _attach(project, ids[0], tmp_path)
    assert "attached" not in _screen(project, "4")  # 'No work outcome': a report read


def test_the_lead_is_told_too(team, tmp_path) -> None:
    project, ids = team
    to_full_text(project, ids[0])
    scr.decide(project.db, ids[0], FT, "maria", "include")
    scr.decide(project.db, ids[0], FT, "tom", "exclude", "no-work-outcome")
    _attach(project, ids[0], tmp_path)

    async def go() -> str:
        app = ReviewkitApp(ConflictsScreen(project, FT, "sara"), keymap={"conflicts.undo": "u"})
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.press("e", NO_ACCESS)
            await pilot.pause()
            said = shown(app, "#message")
            await pilot.press("q")
        return said

    said = asyncio.run(go())
    assert "saved: final exclude" in said, said
    assert "a full text is attached" in said and "; u undoes)" in said, said
