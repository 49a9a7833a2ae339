"""The lead's note on a final include is named kept (tui44, walked in tmux at 80x24): typed at
'Why include?', saved with Enter, the message said 'saved: final include on record 300 by
demo-lead' as for Enter alone, and the screen went on to the next conflict, whose line shows no
note: whether the words were kept was not said anywhere on screen."""

from __future__ import annotations

import asyncio

from screening.helpers import until
from tui.helpers import TA, settled_message, shown

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen


def test_a_final_include_with_a_note_says_the_note_was_kept(team) -> None:
    project, ids = team
    for study in ids[:2]:  # two conflicts: the first saved, the screen goes on to the second
        scr.decide(project.db, study, TA, "maria", "include")
        scr.decide(project.db, study, TA, "tom", "exclude", "not-employees")

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("i", *"employees after all", "enter")
            await settled_message(
                pilot, f"saved: final include on record {ids[0]} by sara, with your note"
            )
            await pilot.press("i", "enter")  # Enter alone: no note, none named
            saved = f"saved: final include on record {ids[1]} by sara;"  # the last: next steps
            await until(pilot, lambda: shown(app, "#message").startswith(saved), saved)
            assert "note" not in shown(app, "#message")
            await pilot.press("q")

    asyncio.run(go())
    notes = [c.final.note for c in scr.conflicts(project, TA, "sara")]
    assert notes == ["employees after all", ""], notes
