"""Which reopened a resolved conflict, and when (screens41): the conflicts screen said "Open
again: the votes above came after it, or a merge joined records decided apart", and
`conflicts --list` only "open": the lead could not tell a reviewer's changed vote from a dedup
merge. The store knows when the final and the votes were made and when dedup merged: each
says which, with its time. The words name the cause that opened it, not any dedup link that
happens to be newer than the final (rd41d, reading screens41)."""

from __future__ import annotations

import asyncio
from datetime import datetime

from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.cli import main
from reviewkit.dedup.engine import merge_records
from reviewkit.screening.work_left import work_left
from reviewkit.store import duplicates as links
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen


def _disagree(project, study: int) -> None:  # noqa: ANN001
    scr.decide(project.db, study, TA, "maria", "include")
    scr.decide(project.db, study, TA, "tom", "exclude", "not-employees")


def _minute(stamp: str) -> str:
    """A stored time as the words give it: local, to the minute."""
    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")


def _screen_and_list(project, capsys) -> tuple[str, str]:  # noqa: ANN001
    async def go() -> str:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.pause()
            out = shown(app, "#final")
            await pilot.press("q")
        return out

    final = asyncio.run(go())
    capsys.readouterr()
    assert (
        main(["conflicts", "--project", str(project.folder), "--resolver", "sara", "--list"]) == 0
    )
    return " ".join(final.split()), capsys.readouterr().out


def test_a_vote_changed_after_the_final_is_named_with_its_time(team, capsys) -> None:
    project, ids = team
    _disagree(project, ids[0])
    scr.resolve(project, ids[0], TA, "sara", "include")
    vote = scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-employees")
    (view,) = [v for v in scr.conflicts(project, TA, "sara") if v.study_id == ids[0]]
    assert view.open
    final, listed = _screen_and_list(project, capsys)
    words = f"a vote came after the final ({_minute(vote.created_at)}"
    assert f"Open again: {words}" in final, final
    assert f"open again: {words}" in listed, listed
    assert "merge" not in final, final


def test_a_merge_after_the_final_is_named_with_its_time(team, capsys) -> None:
    project, ids = team
    _disagree(project, ids[0])
    scr.resolve(project, ids[0], TA, "sara", "include")
    for name in ("maria", "tom"):  # another record of the same study, screened apart
        scr.decide(project.db, ids[1], TA, name, "exclude", "not-employees")
    merge_records(project.db, ids[0], ids[1], "lead")
    (view,) = [v for v in scr.conflicts(project, TA, "sara") if v.final is not None]
    assert view.open
    (link,) = [lk for lk in links.current_links_of(project.db, ids[0]) if lk.verdict == "duplicate"]
    final, listed = _screen_and_list(project, capsys)
    words = f"a dedup merge joined records decided apart ({_minute(link.created_at)}"
    assert f"Open again: {words}" in final, final
    assert f"open again: {words}" in listed, listed


def test_a_conflict_open_again_is_counted_where_work_waits(team) -> None:
    """Walked in tmux: a reviewer changed a vote after sara's final, and his screen's next steps
    said "2 conflicts for a lead" while the lead's screen counted 3 open: one open again was not
    counted as work for a lead (``work_left`` counted votes that disagree only)."""
    project, ids = team
    _disagree(project, ids[0])
    _disagree(project, ids[1])
    scr.resolve(project, ids[0], TA, "sara", "include")
    before = {w.stage: w.conflicts for w in work_left(project, "sara")}[TA]
    scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-employees")  # open again
    after = {w.stage: w.conflicts for w in work_left(project, "sara")}[TA]
    assert (before, after) == (1, 2)


def _view(project, study: int):  # noqa: ANN001, ANN202
    (view,) = [v for v in scr.conflicts(project, TA, "sara") if v.study_id == study]
    return view


def test_a_changed_vote_is_named_though_an_undecided_record_was_merged_after_the_final(
    team,
) -> None:
    """A record with no vote at the stage merged into the study after the final (a later
    search's copy of it) opens nothing; the reviewer's changed vote after it does. It was called
    'a dedup merge joined records decided apart'."""
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    scr.resolve(project, ids[0], TA, "sara", "include")
    merge_records(project.db, ids[0], ids[1], "lead")  # ids[1]: no vote at the stage
    assert not _view(project, ids[0]).open  # the merge alone opens nothing
    scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-employees")
    view = _view(project, ids[0])
    assert view.open and view.reopened is not None
    assert view.reopened.words.startswith("a vote came after the final"), view.reopened.words


def test_undoing_a_final_that_replaced_another_shows_the_earlier_one_again(team) -> None:
    """sara settled a conflict, a changed vote opened it again and she gave another final on
    the screen, then pressed z: her earlier final stands again (open again, as `conflicts
    --list` says). The screen showed no final at all, and its own undo was not read again."""
    project, ids = team
    for study in ids[:2]:
        scr.decide(project.db, study, TA, "maria", "include")
        scr.decide(project.db, study, TA, "tom", "exclude", "not-employees")
    first = scr.resolve(project, ids[0], TA, "sara", "include")
    scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-employees")  # open again

    async def go() -> tuple[object, str]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.pause()
            s = app.first_screen
            assert s.views[s.pos].study_id == ids[0]
            s.commit("exclude", "not-employees")  # replaces her include
            s.pos = 0
            s.action_undo()
            s.last_key = 0.0  # no key for 3 seconds (z was one)
            s.look_for_changes()  # the timer's look
            await pilot.pause()
            out = (s.views[0].final, " ".join(shown(app, "#final").split()))
            said = shown(app, "#message")
            await pilot.press("q")
        return (*out, said)

    final, words, said = asyncio.run(go())
    assert final is not None and final.id == first.id, final
    assert "Open again: a vote came after the final" in words, words
    # the look's read put it right quietly: 'no new conflicts', asked by no one, had replaced
    # what z said
    assert said.startswith("undone: final exclude"), said


def test_a_vote_changed_twice_after_the_final_is_one_vote(team) -> None:
    """maria changed her vote after sara's final, then changed its reason: one vote came after
    the final (it said '2 votes', counting her entries)."""
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    scr.resolve(project, ids[0], TA, "sara", "include")
    scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-employees")
    last = scr.decide(project.db, ids[0], TA, "maria", "exclude", "not-burnout-covid")
    reopened = _view(project, ids[0]).reopened
    assert reopened is not None and reopened.count == 1, reopened
    assert reopened.at == last.created_at
