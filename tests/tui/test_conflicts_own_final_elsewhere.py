"""A final the same lead gives from another terminal (or a sheet) while the conflicts screen
is open (screens41): the screen's look left out every entry of the resolver's, so it showed
the conflict open until a key was refused ("resolved meanwhile"). The look now counts every
entry at the stage but the ones the screen itself wrote."""

from __future__ import annotations

import asyncio

from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen

SMALL = (80, 24)


def _disagree(project, study: int) -> None:  # noqa: ANN001
    scr.decide(project.db, study, TA, "maria", "include")
    scr.decide(project.db, study, TA, "tom", "exclude", "not-employees")


def test_the_same_leads_final_from_another_terminal_is_seen_by_the_look(team) -> None:
    project, ids = team
    _disagree(project, ids[0])
    _disagree(project, ids[1])

    async def go() -> tuple[bool, str, str]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            s = app.first_screen
            scr.resolve(project, ids[0], TA, "sara", "include")  # sara's other terminal
            s.look_for_changes()  # the timer's look: no key pressed
            await pilot.pause()
            out = (s.views[0].open, shown(app, "#message"), shown(app, "#status"))
            await pilot.press("q")
        return out

    still_open, said, status = asyncio.run(go())
    assert not still_open
    assert f"record {ids[0]} was resolved by sara" in said, said
    assert status.startswith("open 1 · resolved 1"), status


def test_the_screens_own_final_reads_no_conflicts_again(team, monkeypatch) -> None:
    """Cheap still: a final the screen wrote itself is not a change to read again for; its
    undo is read once (an earlier final may stand again: rd41d)."""
    project, ids = team
    _disagree(project, ids[0])
    _disagree(project, ids[1])  # one left open: the final does not look for new ones itself
    reads: list[str] = []
    real = scr.conflicts

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        reads.append("read")
        return real(*args, **kwargs)

    async def go() -> list[str]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            s = app.first_screen
            monkeypatch.setattr(scr, "conflicts", counted)
            s.commit("include")
            s.look_for_changes()
            s.look_for_changes()
            before_undo = list(reads)
            s.action_undo()  # read again once: an earlier final may stand again (rd41d)
            for _ in range(2):
                s.last_key = 0.0  # no key for 3 seconds (z was one: the look had waited)
                s.look_for_changes()
            await pilot.pause()
            await pilot.press("q")
            return before_undo

    assert asyncio.run(go()) == []
    assert reads == ["read"]
