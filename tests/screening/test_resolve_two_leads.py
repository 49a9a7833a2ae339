"""Two leads resolving one conflict at once, on two connections: the conflict is read and its
final decision written in one transaction, so one writes and the other is refused."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit import screening as scr
from reviewkit.errors import DatabaseBusy
from reviewkit.project import open_project
from reviewkit.screening import conflict_views
from reviewkit.store import db as store_db
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen

TA = "title-abstract"


def _finals(project) -> list[tuple[int, str, str]]:
    with sqlite3.connect(project.database_path) as conn:
        return conn.execute(
            "SELECT record_id, reviewer, label FROM decisions"
            " WHERE label LIKE 'final-%' ORDER BY rowid"
        ).fetchall()


def test_a_second_lead_cannot_write_between_the_check_and_the_write(project_b, monkeypatch):
    """(``resolve`` reads the conflict where the sheet and ``conflicts resolve`` do,
    ``conflict_views``: it read them its own way, and this patch would not have reached it.)"""
    (study,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [study])
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)  # the second lead's wait fails fast
    real = conflict_views.conflicts
    outcome = []

    def read_then_second_lead_writes(project, *args, **kwargs):
        views = real(project, *args, **kwargs)
        if project is project_b and not outcome:  # between kari's check and kari's write
            with open_project(project_b.folder) as other:
                try:
                    scr.resolve(other, study, TA, "lead", "include")
                    outcome.append("written")
                except DatabaseBusy:
                    outcome.append("busy")
        return views

    monkeypatch.setattr(conflict_views, "conflicts", read_then_second_lead_writes)
    scr.resolve(project_b, study, TA, "kari", "exclude", reason="health-only")
    assert outcome == ["busy"]  # kari's check holds the write lock until kari's final is in
    assert _finals(project_b) == [(study, "kari", "final-exclude")]


def test_a_final_made_meanwhile_is_refused_until_the_lead_has_seen_it(project_b):
    (study,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [study])
    (shown,) = scr.conflicts(project_b, TA, "kari")  # kari's screen shows it unresolved
    assert shown.final is None
    with open_project(project_b.folder) as other:
        theirs = scr.resolve(other, study, TA, "lead", "include")
    with pytest.raises(scr.ResolvedMeanwhile) as caught:
        scr.resolve(project_b, study, TA, "kari", "exclude", reason="health-only", seen=shown.final)
    assert f"record {study} was resolved by lead meanwhile" in caught.value.message
    assert "final include" in caught.value.message and caught.value.final.id == theirs.id
    assert _finals(project_b) == [(study, "lead", "final-include")]
    # shown theirs, kari may replace it; and a lead may always change their own
    scr.resolve(project_b, study, TA, "kari", "exclude", reason="health-only", seen=theirs)
    scr.resolve(project_b, study, TA, "kari", "include")
    assert [f[1:] for f in _finals(project_b)] == [
        ("lead", "final-include"),
        ("kari", "final-exclude"),
        ("kari", "final-include"),
    ]


def test_the_conflicts_screen_shows_a_final_made_meanwhile_and_then_replaces_it(project_b):
    (study,) = add_records(project_b, make_records(1))
    conflict_on(project_b, [study])

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "kari"), keymap={})
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.pause()
            with open_project(
                project_b.folder
            ) as other:  # another lead, after kari's screen opened
                scr.resolve(other, study, TA, "lead", "exclude", reason="health-only")
            s = app.first_screen
            await pilot.press("i", "enter")  # include, its note left empty
            await pilot.pause()
            assert f"not saved: record {study} was resolved by lead meanwhile" in s.message
            assert _finals(project_b) == [(study, "lead", "final-exclude")]
            await pilot.press("i", "enter")  # theirs is shown now: kari replaces it
            await pilot.pause()
            assert (
                "replacing the final exclude (Work focus inside health care only) by lead"
                in s.message
            )
            assert _finals(project_b)[-1] == (study, "kari", "final-include")
            await pilot.press("q")

    asyncio.run(go())
