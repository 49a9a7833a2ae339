"""Read of walk9 (rd37d): words that still said what the screen no longer did. The one line that
stands for the reasons on a short terminal named the numbers whatever the keymap said (the list
itself names the keys in force since walk9); so did the refusal of a key with no reason. (Esc on
the conflicts screen's reason picker: tests/tui/test_conflicts_cancel_and_reason_picker.py.)"""

from __future__ import annotations

import asyncio

from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def _hint(project, keymap: dict[str, str]) -> str:  # noqa: ANN001
    async def go() -> str:
        queue = scr.ReviewerQueue(project, TA, "maria")
        app = ReviewkitApp(ScreeningScreen(queue), keymap=keymap)
        async with app.run_test(size=(80, 10)) as pilot:  # too short for the list
            await pilot.press("j")
            await pilot.pause()
            said = shown(app, "#reasons")
            await pilot.press("q")
        return said

    return asyncio.run(go())


def test_the_short_reasons_line_names_the_reason_keys_in_force(team) -> None:
    project, _ = team
    count = len(project.protocol.stage(TA).exclusion_reasons)
    assert count > 1
    default = _hint(project, {})
    assert f"Exclusion reasons 1–{count}: press e to see them" in default, default
    moved = _hint(project, {"screening.reason1": "y", "screening.exclude": "x"})
    keys = ", ".join(["y", *(str(n) for n in range(2, count + 1))])
    assert f"Exclusion reasons {keys}: press x to see them" in moved, moved


def test_a_key_with_no_reason_names_the_reason_keys_in_force(team) -> None:
    """With reason 1 on y and reason 3's key free of a reason (the title-abstract stage has
    two), the refusal said 'no reason 3: choose 1-2': a number the reviewer did not press, and
    1, which no longer chooses a reason."""
    project, _ = team
    keymap = {"screening.reason1": "y", "screening.reason3": "w"}

    async def go() -> tuple[str, str]:
        queue = scr.ReviewerQueue(project, TA, "maria")
        app = ReviewkitApp(ScreeningScreen(queue), keymap=keymap)
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.press("j", "e", "w")
            await pilot.pause()
            moved = shown(app, "#message")
            await pilot.press("escape", "q")
        plain = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with plain.run_test(size=(100, 34)) as pilot:
            await pilot.press("j", "e", "3")
            await pilot.pause()
            default = shown(plain, "#message")
            await pilot.press("escape", "q")
        return moved, default

    moved, default = asyncio.run(go())
    assert "no reason w: choose y, 2" in moved, moved
    assert "no reason 3: choose 1–2" in default, default
    assert not scr.ReviewerQueue(project, TA, "maria").done
