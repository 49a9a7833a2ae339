"""The conflicts screen finds new conflicts while it is open (screens40): the reviewers still
screen, and a conflict that arose only joined the list when the lead pressed j at its end (or
resolved the last one): the header said "open 0" meanwhile. The screen now looks every few
seconds, as the screening screen does for others' votes: two lookups when nothing changed."""

from __future__ import annotations

import asyncio

import pytest
from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen

SMALL = (80, 24)


def _disagree(project, study: int) -> None:  # noqa: ANN001
    scr.decide(project.db, study, TA, "maria", "include")
    scr.decide(project.db, study, TA, "tom", "exclude", "not-employees")


def test_a_conflict_made_meanwhile_joins_the_list_without_a_key(team) -> None:
    project, ids = team
    _disagree(project, ids[0])

    async def go() -> tuple[list[int], int | None, str, str]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            s = app.first_screen
            _disagree(project, ids[1])  # the reviewers, in their terminals
            s.look_for_changes()  # the timer's look: no key pressed
            await pilot.pause()
            said = (s.views, s.pos, shown(app, "#message"), shown(app, "#status"))
            await pilot.press("q")
        return [v.study_id for v in said[0]], said[1], said[2], said[3]

    studies, pos, said, status = asyncio.run(go())
    assert studies == [ids[0], ids[1]]
    assert pos == 0  # the lead stays on the conflict being read
    assert "1 new conflict at the end of the list" in said, said
    assert status.startswith("open 2 · resolved 0"), status


def test_the_first_conflict_shows_on_a_screen_opened_with_none(team) -> None:
    project, ids = team

    async def go() -> tuple[int | None, str, bool]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            s = app.first_screen
            _disagree(project, ids[2])
            s.look_for_changes()
            await pilot.pause()
            include_on = s.check_action("final", ("include",))
            out = (s.pos, shown(app, "#record"), bool(include_on))
            await pilot.press("q")
        return out

    pos, record, include_on = asyncio.run(go())
    assert pos == 0 and f"Record {ids[2]}" in record, record
    assert include_on  # i works again


@pytest.mark.parametrize("meanwhile", ["nothing", "my own final"])
def test_a_look_reads_no_conflicts_when_no_one_else_wrote(team, monkeypatch, meanwhile) -> None:
    """Cheap: with no entry of another person's at the stage and no dedup merge since the
    last look, the conflicts are not read again (0.3 CPU-s on 50,000 records with 4,000
    votes, against 11 µs for the look)."""
    project, ids = team
    _disagree(project, ids[0])
    _disagree(project, ids[1])  # one left open: the final does not look for new ones itself
    reads: list[str] = []
    real = scr.conflicts

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        reads.append("read")
        return real(*args, **kwargs)

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            s = app.first_screen
            monkeypatch.setattr(scr, "conflicts", counted)
            if meanwhile == "my own final":  # the screen's (screens41: another terminal's is seen)
                s.commit("include")
            for _ in range(3):
                s.look_for_changes()
            await pilot.pause()
            await pilot.press("q")

    asyncio.run(go())
    assert reads == []
