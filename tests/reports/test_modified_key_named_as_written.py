"""A key with a modifier in the footer reads as the keymap, the help and the README write it.
With a protocol's ``classify.accept = "ctrl+s"`` the confirm screen's footer said '^s'
(Textual's own rendering) where the help, the border's title and the README say 'ctrl+s'.
Textual names ``App.get_key_display`` as the place an app changes how its keys show."""

from __future__ import annotations

import asyncio
import html

from reviewkit import classify
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen


def test_the_footer_names_a_ctrl_key_as_the_keymap_writes_it(b_included):
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    said: dict[str, object] = {}

    async def go() -> None:
        keymap = {"classify.accept": "ctrl+s"}
        app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap=keymap)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            shown = {k.action: k.key_display for k in app.screen.query("FooterKey")}
            said["accept"] = shown.get("accept")
            said["screen"] = html.unescape(app.export_screenshot()).replace("\xa0", " ")
            await pilot.press("q")

    asyncio.run(go())
    assert said["accept"] == "ctrl+s", said["accept"]
    assert "ctrl+s" in said["screen"] and "^s" not in said["screen"]
