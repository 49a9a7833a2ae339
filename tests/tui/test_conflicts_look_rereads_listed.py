"""The conflicts screen's looks (screens40) took only conflicts of studies it did not list: a
conflict the lead had resolved that a reviewer's changed vote opened again stayed "resolved"
on the screen ("open 0", and j said "no new conflicts") while ``conflicts --list`` called it
open; one another lead resolved meanwhile stayed open. A look now takes the listed ones as
they are too (rd40g, reader of screens40)."""

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


def _run(project, meanwhile, keys=()) -> tuple[str, str, list[bool]]:  # noqa: ANN001
    """The header and message line after ``meanwhile`` (others' entries) and a look (or
    ``keys``), and whether each listed conflict is open."""

    async def go() -> tuple[str, str, list[bool]]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            s = app.first_screen
            meanwhile()
            if keys:
                await pilot.press(*keys)
            else:
                s.look_for_changes()
            await pilot.pause()
            out = (shown(app, "#status"), shown(app, "#message"), [v.open for v in s.views])
            await pilot.press("q")
        return out

    return asyncio.run(go())


def test_a_resolved_conflict_opened_again_by_a_changed_vote_shows_open(team) -> None:
    project, ids = team
    _disagree(project, ids[0])
    scr.resolve(project, ids[0], TA, "sara", "include")

    status, said, opened = _run(
        project, lambda: scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-rtw")
    )
    assert opened == [True]
    assert status.startswith("open 1 · resolved 0"), status
    assert f"record {ids[0]} is open again" in said, said


def test_j_at_the_end_finds_it_too(team) -> None:
    project, ids = team
    _disagree(project, ids[0])
    scr.resolve(project, ids[0], TA, "sara", "include")

    status, said, opened = _run(
        project,
        lambda: scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-rtw"),
        keys=("j",),
    )
    assert opened == [True]
    assert "no new conflicts" not in said, said
    assert f"record {ids[0]} is open again" in said, said


def test_a_conflict_another_lead_resolved_meanwhile_shows_resolved(team) -> None:
    project, ids = team
    _disagree(project, ids[0])
    _disagree(project, ids[1])

    status, said, opened = _run(
        project, lambda: scr.resolve(project, ids[1], TA, "lena", "exclude", "not-employees")
    )
    assert opened == [True, False]
    assert status.startswith("open 1 · resolved 1 · conflict 1 of 2"), status
    assert f"record {ids[1]} was resolved by lena meanwhile" in said, said


def test_a_look_with_nothing_changed_for_the_screen_says_nothing(team) -> None:
    """Guard: another's vote that makes no conflict and changes none listed."""
    project, ids = team
    _disagree(project, ids[0])

    status, said, opened = _run(
        project, lambda: scr.decide(project.db, ids[2], TA, "maria", "include")
    )
    assert opened == [True]
    assert "meanwhile" not in said and "open again" not in said, said


def test_a_look_the_database_refused_is_taken_again_at_the_next(team, monkeypatch) -> None:
    """The mark was taken before the read: a read refused as busy (a long write elsewhere)
    left the new conflict unseen until another person wrote again."""
    from reviewkit.errors import DatabaseBusy

    project, ids = team
    _disagree(project, ids[0])
    real = scr.conflicts
    calls: list[int] = []

    def busy_once(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseBusy("the database is busy")
        return real(*args, **kwargs)

    async def go() -> tuple[str, list[int]]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            s = app.first_screen
            _disagree(project, ids[1])
            monkeypatch.setattr(scr, "conflicts", busy_once)
            s.look_for_changes()  # refused
            s.look_for_changes()  # the next look
            await pilot.pause()
            out = (shown(app, "#status"), [v.study_id for v in s.views])
            await pilot.press("q")
        return out

    status, studies = asyncio.run(go())
    assert studies == [ids[0], ids[1]]
    assert status.startswith("open 2"), status


def test_the_final_line_of_a_conflict_open_again_says_so(team) -> None:
    """The header counted it open, yet the line under the votes said only "Final decision:
    include by sara": nothing told the lead why a settled conflict asked for a final again."""
    project, ids = team
    _disagree(project, ids[0])
    scr.resolve(project, ids[0], TA, "sara", "include")
    scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-employees")

    async def go() -> str:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            final = shown(app, "#final")
            await pilot.press("q")
        return final

    final = asyncio.run(go())
    assert final.startswith("Final decision: include by sara"), final
    assert "Open again: a vote came after the final (" in final, final  # which (screens41)


def test_a_conflict_a_reviewer_took_back_leaves_the_list(team) -> None:
    """A reviewer undoes the vote that made a conflict (z, pressed at once, is common): the
    screen kept it, "open 2" in the header, and i on it was refused as "not in conflict"
    until the screen was opened again."""
    project, ids = team
    _disagree(project, ids[0])
    _disagree(project, ids[1])

    status, said, opened = _run(project, lambda: scr.undo(project.db, TA, "tom"))
    assert opened == [True]  # ids[1] left: tom's last vote was on it
    assert status.startswith("open 1 · resolved 0 · conflict 1 of 1"), status
    assert f"record {ids[1]} is no longer in conflict" in said, said


def test_the_conflict_shown_taken_back_leaves_the_screen_with_none(team) -> None:
    project, ids = team
    _disagree(project, ids[0])

    async def go() -> tuple[str, str, object]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            s = app.first_screen
            scr.undo(project.db, TA, "tom")
            s.look_for_changes()
            await pilot.pause()
            out = (shown(app, "#record"), shown(app, "#message"), s.check_action("final", ()))
            await pilot.press("q")
        return out

    record, said, include_on = asyncio.run(go())
    assert "No conflicts at the title-abstract stage." in record, record
    assert f"record {ids[0]} is no longer in conflict" in said, said
    assert include_on is None  # i greyed: it would say there is none


def test_the_lead_stays_on_the_conflict_shown_when_one_before_it_leaves(team) -> None:
    project, ids = team
    _disagree(project, ids[1])
    _disagree(project, ids[0])  # tom's last vote: the one z takes back

    async def go() -> tuple[str, str]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await pilot.press("j")  # to the second
            await pilot.pause()
            s = app.first_screen
            scr.undo(project.db, TA, "tom")
            s.last_key = 0.0  # no key for a while
            s.look_for_changes()
            await pilot.pause()
            out = (shown(app, "#status"), shown(app, "#record"))
            await pilot.press("q")
        return out

    status, record = asyncio.run(go())
    assert status.startswith(f"open 1 · resolved 0 · conflict 1 of 1 (record {ids[1]})"), status
    assert f"Record {ids[1]}" in record, record
