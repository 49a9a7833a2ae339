"""`extract edit` says where the reviewer stopped when the screen closes, as `screen` and
`confirm` do (it printed nothing), and its footer names Tab, the key to the next study with an
empty field (left out even at 120 columns)."""

from __future__ import annotations

import asyncio

from textual.widgets import Input
from tui.helpers import settled_footer

from reviewkit import extract
from reviewkit.cli import main
from reviewkit.tui import app as tui_app
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.extract import ExtractScreen


def test_quitting_prints_how_many_studies_are_filled_in(b_included, monkeypatch, capsys):
    project, ids = b_included
    fields = [f.id for f in project.protocol.extraction]
    for field in fields[1:]:  # the first study lacks only its first field
        extract.set_value(project, ids[0], field, "given", "lead")

    async def reviewer(pilot):  # a person at the keyboard: the first field, then quit
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        pilot.app.screen.query_one(Input).value = "Denmark"
        await pilot.press("enter", "q")

    run = tui_app.run_app
    monkeypatch.setattr(
        tui_app, "run_app", lambda app: run(app, headless=True, auto_pilot=reviewer)
    )
    argv = ["extract", "edit", "--reviewer", "lead", "--project", str(project.folder)]
    assert main(argv) == 0
    assert extract.values(project, ids[:1])[ids[0]][fields[0]] == "Denmark"
    assert capsys.readouterr().out.endswith(
        "lead at extraction: 1 of 3 studies filled in; every value is saved\n"
    )


def test_the_footer_names_tab_at_80_and_120_columns(b_included):
    project, ids = b_included
    shown = []

    async def go(width: int) -> None:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(width, 24)) as pilot:
            keys = await settled_footer(pilot)
            shown.append({k.description for k in keys if k.region.width and k.region.right <= 80})
            await pilot.press("q")

    for width in (80, 120):
        asyncio.run(go(width))
    for descriptions in shown:
        assert {"Edit a field", "Next empty", "Help", "Quit"} <= descriptions


def test_the_footer_names_tab_as_the_help_and_readme_do(b_included):
    """walk9: the footer said 'tab Next empty' where the help and the README say Tab."""
    project, ids = b_included

    async def go() -> dict[str, str]:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            keys = {k.description: k.key_display for k in await settled_footer(pilot)}
            await pilot.press("q")
        return keys

    assert asyncio.run(go())["Next empty"] == "Tab"
