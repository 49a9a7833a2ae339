"""The confirm and extraction screens keep a key while another connection holds the write lock,
as the screening screen does: the screen answers at once, and the write lands once it is free."""

from __future__ import annotations

import asyncio

from conftest import Caught, drained, write_lock
from textual.widgets import Input, Static

from reviewkit import classify, extract
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen
from reviewkit.tui.extract import ExtractScreen
from reviewkit.tui.messages import Confirmed, FieldSaved


def message(screen) -> str:
    return str(screen.query_one("#message", Static).render())


def test_confirm_keeps_the_key_while_the_database_is_busy(b_included):
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    confirmed = Caught(Confirmed)

    async def scenario() -> None:
        app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap={})
        async with app.run_test(size=(120, 40), message_hook=confirmed) as pilot:
            await pilot.pause()
            screen = app.screen
            await pilot.press("enter")  # the database is free: saved at once
            await pilot.pause()
            assert screen.current == ids[1]
            with write_lock(project):
                await pilot.press("1", "j")  # confirm, then move: both kept, in order
                await pilot.pause()
                assert "database busy" in message(screen) and "2 keys kept" in message(screen)
                assert screen.waiting == 2 and screen.current == ids[1]  # nothing moved
                assert ids[1] not in classify.confirmed_labels(project, "model-type")
            await drained(pilot, screen)
            assert screen.waiting == 0
            assert classify.confirmed_labels(project, "model-type")[ids[1]] == [
                "multidisciplinary-team"
            ]
            assert [m.study for m in confirmed] == [ids[0], ids[1]]  # each once
            assert screen.current == ids[2]  # the kept 'j' ran after the confirmation

    asyncio.run(scenario())


def test_extract_keeps_a_saved_value_while_the_database_is_busy(b_included):
    project, ids = b_included
    extract.prefill(project, ids)
    saved = Caught(FieldSaved)

    async def scenario() -> None:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(120, 44), message_hook=saved) as pilot:
            await pilot.pause()
            screen = app.screen
            first = screen.current
            with write_lock(project):
                await pilot.press("1")  # opening the editor reads only: it opens at once
                await pilot.pause()
                app.screen.query_one(Input).value = "Denmark (Copenhagen)"
                await pilot.press("enter")
                await pilot.pause()
                assert "database busy" in message(screen) and screen.waiting == 1
                assert extract.current(project, [first])[first]["country"].method == "prefill"
            await drained(pilot, screen)
            assert screen.waiting == 0
            value = extract.current(project, [first])[first]["country"]
            assert (value.value, value.method, value.reviewer) == (
                "Denmark (Copenhagen)",
                "person",
                "ann",
            )
            assert [(m.study, m.value) for m in saved] == [(first, "Denmark (Copenhagen)")]
            assert "Country: Denmark (Copenhagen)  [by ann]" in str(
                screen.query_one("#fields", Static).render()
            )

    asyncio.run(scenario())


def _in_view(screen) -> str:
    """The message line as the terminal shows it (the rows its height keeps)."""
    widget = screen.query_one("#message")
    return " ".join(widget.render_line(y).text.strip() for y in range(widget.size.height))


async def _save_a_value(pilot) -> None:
    """On the extraction screen: key 1 opens the first field's editor, Enter saves a value."""
    await pilot.press("1")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = "Denmark (Copenhagen)"
    await pilot.press("enter")
    await pilot.pause()


def test_the_busy_message_is_read_whole_at_80_columns(b_included):
    """At 80 columns the confirm and extraction screens' one-line message area cut the busy
    message after "1 key kept,": the reviewer never read how to quit without the kept keys."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    extract.prefill(project, ids)

    async def confirm() -> str:
        app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            with write_lock(project):
                await pilot.press("1")  # a confirmation: kept
                await pilot.pause()
                shown = _in_view(app.screen)
            await drained(pilot, app.screen)
        return shown

    async def edit() -> str:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            with write_lock(project):
                await _save_a_value(pilot)  # kept
                shown = _in_view(app.first_screen)
            await drained(pilot, app.first_screen)
        return shown

    for shown in (asyncio.run(confirm()), asyncio.run(edit())):
        assert "database busy" in shown and "ctrl+q quits without them" in shown


def test_ctrl_q_with_keys_kept_says_they_were_not_saved(b_included):
    """ctrl+q quits without the keys a busy database kept: the confirm and extraction lines said
    'every label/value is saved' with those never written."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    extract.prefill(project, ids)

    async def confirm() -> str:
        screen = ConfirmScreen(project, "model-type", ids, "ann")
        async with ReviewkitApp(screen, keymap={}).run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            with write_lock(project):
                await pilot.press("1")  # a confirmation: kept
                await pilot.pause()
                await pilot.press("ctrl+q")
                await pilot.pause()
        return screen.quit_line()

    async def edit() -> str:
        screen = ExtractScreen(project, ids, "ann")
        app = ReviewkitApp(screen, keymap={})
        async with app.run_test(size=(120, 44)) as pilot:
            await pilot.pause()
            with write_lock(project):
                await _save_a_value(pilot)  # kept
                await pilot.press("ctrl+q")
                await pilot.pause()
        return screen.quit_line()

    lost = (
        "; 1 key pressed while the database was busy was not saved (ctrl+q quit before it was"
        " free): open the screen again and press it again"
    )
    confirmed = asyncio.run(confirm())
    assert (
        confirmed.startswith("ann at Model of collaboration: confirmed 0 of") and lost in confirmed
    )
    assert "every label is saved" not in confirmed
    assert asyncio.run(edit()).endswith("0 of 3 studies filled in" + lost)
