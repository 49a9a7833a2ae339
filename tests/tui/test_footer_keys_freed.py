"""A footer rebuilt lets its old keys go: Textual's Footer kept every key of every rebuild (each
key's ``data_bind`` leaves a watcher on the footer), and the screening screen rebuilds its footer
twice per exclusion (its keys greyed while the reasons are open): 2,988 keys alive after 250
decisions, the TUI benchmark's 500 decisions at 148 MB."""

from __future__ import annotations

import ast
import asyncio
import gc
from pathlib import Path

from tui.helpers import TA, settled_footer

import reviewkit.tui as tui_package
from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

OPENED = 20  # the reasons opened and closed this many times: 40 rebuilds


def test_opening_the_reasons_again_and_again_keeps_one_footers_keys(team) -> None:
    project, _ = team

    async def go() -> tuple[int, int]:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "tom")), keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            shown = len(await settled_footer(pilot))  # the keys once the footer is built
            for _ in range(OPENED):  # each rebuild waited for: else fewer rebuilds, fewer keys
                await pilot.press("e")
                await settled_footer(pilot)
                await pilot.press("escape")
                await settled_footer(pilot)
            gc.collect()
            alive = sum(type(o).__name__ == "FooterKey" for o in gc.get_objects())
            await pilot.press("q")
        return shown, alive

    shown, alive = asyncio.run(go())
    assert shown > 5  # the footer's keys
    assert alive < 3 * shown, (shown, alive)  # before: some 40 footers' worth


def test_every_screen_yields_the_footer_that_frees_its_keys() -> None:
    """A screen that yields Textual's own Footer keeps every key of every rebuild again: only
    reviewkit/tui/footer.py imports it (to subclass it)."""
    folder = Path(tui_package.__file__).parent
    users = sorted(
        path.name
        for path in folder.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("textual.widgets")
        and any(alias.name == "Footer" for alias in node.names)
    )
    assert users == ["footer.py"], users
