"""The extraction screen with Pilot: prefilled values shown with their source, a number key
edits a field (saved at once), Esc keeps the old value, Tab finds the next study with a gap."""

from __future__ import annotations

import asyncio

from conftest import Caught
from textual.widgets import Input, Static
from tui.helpers import settled_footer

from reviewkit import extract
from reviewkit.store import extraction as values_rows
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.extract import ExtractScreen
from reviewkit.tui.help import HelpScreen
from reviewkit.tui.messages import FieldSaved


def fields_text(screen: ExtractScreen) -> str:
    return str(screen.query_one("#fields", Static).render())


def test_edit_fields_of_a_study(b_included):
    project, ids = b_included
    extract.prefill(project, ids)
    first = ids[0]
    saved = Caught(FieldSaved)

    async def scenario() -> None:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(120, 44), message_hook=saved) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExtractScreen) and screen.current == first
            shown = fields_text(screen)
            assert "Country: Denmark  [prefilled]" in shown
            assert "Design: Randomized Controlled Trial" in shown
            await pilot.press("1")  # country
            await pilot.pause()
            prompt = app.screen.query_one(Input)
            assert prompt.value == "Denmark"  # the editor holds the current value
            prompt.value = "Denmark (Copenhagen)"
            await pilot.press("enter")
            await pilot.pause()
            assert "Country: Denmark (Copenhagen)  [by ann]" in fields_text(screen)
            # the message names the study as the status line does: its place, then its id
            message = str(screen.query_one("#message", Static).render())
            assert f"saved: Country of study 1 (id {first})" in message
            await pilot.press("2")  # intervention: Esc leaves it alone
            await pilot.pause()
            app.screen.query_one(Input).value = "something else"
            await pilot.press("escape")
            await pilot.pause()
            assert "unchanged" in str(screen.query_one("#message", Static).render())
            # one field saved; Esc saved nothing
            assert [(m.study, m.field, m.value) for m in saved] == [
                (first, "country", "Denmark (Copenhagen)")
            ]
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("j")
            await pilot.pause()
            assert screen.current == ids[1]
            await pilot.press("q")

    asyncio.run(scenario())
    history = values_rows.field_history(project.db, first, "country")
    assert [(v.value, v.method, v.reviewer) for v in history] == [
        ("Denmark", "prefill", ""),
        ("Denmark (Copenhagen)", "person", "ann"),
    ]
    assert (
        extract.values(project, [first])[first]["intervention"]
        == "An employment specialist joined the mental health team."
    )


def test_tab_goes_to_the_next_study_with_an_empty_field(b_included):
    project, ids = b_included
    for rid in ids:
        for spec in project.protocol.extraction:
            extract.set_value(project, rid, spec.id, "filled", "ann")
    extract.set_value(project, ids[2], "effect", "", "ann")  # one gap, in the last study

    async def scenario() -> None:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(120, 44)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert screen.current == ids[2]  # opens on the first study with a gap
            await pilot.press("k", "k")
            await pilot.pause()
            assert screen.current == ids[0]
            await pilot.press("tab")
            await pilot.pause()
            assert screen.current == ids[2] and "Effect: (empty)" in fields_text(screen)
            await pilot.press("j")
            await pilot.pause()
            assert screen.current == ids[2]
            await pilot.press("k", "tab")  # from the middle study, on to the gap after it
            await pilot.pause()
            assert screen.current == ids[2]
            await pilot.press("5")  # fill the one gap: Tab then has nowhere to go
            await pilot.pause()
            app.screen.query_one(Input).value = "Fewer sick days"
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("tab")
            await pilot.pause()
            assert screen.current == ids[2]
            assert "every study's fields are filled in" in str(
                screen.query_one("#message", Static).render()
            )
            await pilot.press("9")  # Review B has five fields
            await pilot.pause()
            assert "no field 9" in str(screen.query_one("#message", Static).render())

    asyncio.run(scenario())


def test_tab_wraps_round_to_an_earlier_gap(b_included):
    project, ids = b_included
    for rid in ids:
        for spec in project.protocol.extraction:
            extract.set_value(
                project, rid, spec.id, "" if rid == ids[0] and spec.id == "design" else "x", "ann"
            )

    async def scenario() -> None:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(120, 44)) as pilot:
            await pilot.pause()
            screen = app.screen
            await pilot.press("j", "j")
            await pilot.pause()
            assert screen.current == ids[2]
            await pilot.press("tab")
            await pilot.pause()
            assert screen.current == ids[0] and "Design: (empty)" in fields_text(screen)

    asyncio.run(scenario())


def test_help_names_the_protocols_fields(b_included):
    """The help names each number key's field, and lists no key beyond the protocol's fields."""
    project, ids = b_included

    async def scenario() -> None:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(120, 50)) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = app.export_screenshot().replace("&#160;", " ")
            assert "Edit: Country" in shown and "Edit field" not in shown
            await pilot.press("escape", "q")

    asyncio.run(scenario())


def test_typing_in_the_editor_adds_to_the_value(b_included):
    """The editor holds the current value with the cursor at its end: typed keys add to it
    (the value was selected, so the first letter typed replaced a whole prefilled text)."""
    project, ids = b_included
    extract.prefill(project, ids)

    async def scenario() -> None:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(120, 44)) as pilot:
            screen = app.screen
            await pilot.press("1")  # country, prefilled "Denmark"
            await pilot.pause()
            await pilot.press("space", "D", "K", "enter")
            await pilot.pause()
            assert "Country: Denmark DK  [by ann]" in fields_text(screen)
            await pilot.press("q")

    asyncio.run(scenario())


def test_footer_shows_the_field_keys_at_80x24(b_included):
    """The field keys 1–9 are the screen's work but were not in the footer at all; they are
    now, once, first, and every shown key fits 80 columns. A keymap that moves a field key
    gets field 1's key in force, not a "1–9" that is no longer true."""
    project, ids = b_included

    def footer(keys) -> list[tuple[str, str]]:
        assert all(k.region.width and k.region.right <= 80 for k in keys)
        return [(k.key_display, k.description) for k in keys]

    async def scenario(keymap: dict[str, str]) -> list[tuple[str, str]]:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap=keymap)
        async with app.run_test(size=(80, 24)) as pilot:
            shown = footer(await settled_footer(pilot))
            await pilot.press("q")
        return shown

    shown = asyncio.run(scenario({}))
    # as many keys as fields (it said 1–9 for five: 6–9 only said "no field 6")
    assert shown[0] == (f"1–{len(project.protocol.extraction)}", "Edit a field")
    assert {"Next", "Prev", "Help", "Quit"} <= {d for _, d in shown}
    remapped = asyncio.run(scenario({"extract.field1": "f"}))
    assert remapped[0] == ("f", "Edit a field")
