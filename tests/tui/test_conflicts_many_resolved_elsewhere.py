"""A sheet of finals imported while the conflicts screen is open (rd41d, reading screens41):
the look now sees the lead's own finals from elsewhere, and told each on its own ("record 4 was
resolved by sara elsewhere meanwhile; record 5 was …"): twelve rows filled the message line's
eight rows and were cut without a sign. One phrase per resolver names the records."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records
from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen


def test_finals_from_a_sheet_are_told_in_one_phrase(team) -> None:
    project, ids = team
    ids = ids + add_records(project, make_records(12, prefix="More"))
    for study in ids:
        scr.decide(project.db, study, TA, "maria", "include")
        scr.decide(project.db, study, TA, "tom", "exclude", "not-employees")

    async def go() -> tuple[str, int]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            s = app.first_screen
            for study in ids[1:]:  # sara's sheet, imported in another terminal
                scr.resolve(project, study, TA, "sara", "include")
            s.look_for_changes()
            await pilot.pause()
            out = (shown(app, "#message"), len(s.views))
            await pilot.press("q")
        return out

    said, listed = asyncio.run(go())
    assert listed == 15
    said = " ".join(said.split())
    assert said.count("resolved by sara elsewhere meanwhile") == 1, said
    assert said.startswith(
        f"14 conflicts were resolved by sara elsewhere meanwhile (records {ids[1]}, "
    ), said
    assert said.endswith("and 9 more)"), said
