"""A key after a modifier is named as the same key alone is, in the footer, the help and the
screen's own words: a keymap's ``ctrl+question_mark`` read 'ctrl+question_mark' in the help (and
the footer) where ``question_mark`` alone reads '?', ``shift+escape`` 'shift+escape' where Esc
alone is 'Esc'; and a keymap's ``plus`` was '+' in the footer (Textual's drawing) but 'plus' in
the help."""

from __future__ import annotations

import asyncio

from reviewkit import classify
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen

KEYMAP = {
    "classify.accept": "ctrl+question_mark",
    "classify.help": "plus",
    "classify.quit": "shift+escape",
}


def _rows(app: ReviewkitApp, selector: str) -> list[str]:
    """A widget's rows as text, their runs of spaces one space."""
    widget = app.screen.query_one(selector)
    return [" ".join(widget.render_line(y).text.split()) for y in range(widget.size.height)]


def _shown(project, ids: list[int]) -> dict[str, object]:  # noqa: ANN001
    """The footer's keys by action, the label rows' title and the help screen's key rows."""
    said: dict[str, object] = {}

    async def go() -> None:
        app = ReviewkitApp(
            ConfirmScreen(project, "severe-mental-illness", ids, "ann"), keymap=KEYMAP
        )
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            said["footer"] = {k.action: k.key_display for k in app.screen.query("FooterKey")}
            said["title"] = str(app.screen.query_one("#labels").border_title)
            await pilot.press("plus")  # the help, on the keymap's key
            await pilot.pause()
            said["help"] = _rows(app, "#help-table")

    asyncio.run(go())
    return said


def test_a_key_after_a_modifier_is_named_as_the_key_alone(b_included):
    project, ids = b_included
    classify.classify_project(project, ids, ["severe-mental-illness"])
    said = _shown(project, ids)
    footer = said["footer"]
    assert footer == footer | {"accept": "ctrl+?", "quit": "shift+Esc", "help": "+"}, footer
    # the help names each key as the footer does ('+ Help', not 'plus Help')
    rows = said["help"]
    for row in ("ctrl+? Accept", "+ Help", "shift+Esc Quit"):
        assert any(r.startswith(row) for r in rows), (row, rows)  # type: ignore[union-attr]
    assert not [r for r in rows if "question_mark" in r or "escape" in r or "plus" in r], rows
    # the screen's own words: the title over the label rows names the accept key
    assert "ctrl+?" in str(said["title"]) and "question_mark" not in str(said["title"]), said
