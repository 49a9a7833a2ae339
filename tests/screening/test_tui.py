"""Pilot tests for every key of the screening, conflicts and help screens, and snapshots."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from conftest import Caught, add_records
from screening.helpers import make_records, prompt
from textual.widgets import Static
from tui.helpers import settled_footer

from reviewkit import screening as scr
from reviewkit.store.decisions import list_decisions
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.help import HelpScreen
from reviewkit.tui.messages import Decided, Resolved, Undone
from reviewkit.tui.screening import ScreeningScreen
from reviewkit.tui.widgets import TextPrompt, compile_terms, highlight

TA, FT = "title-abstract", "full-text"
SIZE = (100, 34)


def app_for(project, reviewer="reviewer1", stage=TA, **kw):
    opened: list[str] = []
    app = ReviewkitApp(
        ScreeningScreen(scr.ReviewerQueue(project, stage, reviewer), opener=opened.append),
        keymap=kw.pop("keymap", {}),
    )
    app.opened = opened
    return app


def committed(project) -> list[tuple[int, str, str, str]]:
    """The log as another connection sees it (proves the commit happened)."""
    with sqlite3.connect(project.database_path) as conn:
        return conn.execute(
            "SELECT record_id, reviewer, label, reason FROM decisions ORDER BY rowid"
        ).fetchall()


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def five(project_b):
    ids = add_records(project_b, make_records(5))
    return project_b, ids


def test_decision_keys_commit_before_the_next_record(five):
    project, _ = five

    async def go():
        app = app_for(project)
        decided = Caught(Decided)
        async with app.run_test(size=SIZE, message_hook=decided) as pilot:
            s = app.first_screen
            first = s.current
            await pilot.press("i")
            assert committed(project) == [(first, "reviewer1", "include", "")]
            second = s.current
            assert second != first and s.last_committed == list_decisions(project.db)[-1].id
            await pilot.press("u")
            third = s.current
            await pilot.press("e")
            assert s.excluding and s.current == third
            await pilot.press("escape")
            assert not s.excluding and s.current == third
            await pilot.press("e", "3")
            fourth = s.current
            await pilot.press("e", "0")  # no reason allowed at title-abstract in Review B
            await pilot.press("7")  # a reason key without e does nothing
            assert "press e first" in s.message
            assert [r[2:] for r in committed(project)] == [
                ("include", ""),
                ("uncertain", ""),
                ("exclude", "wrong-population"),
                ("exclude", ""),
            ]
            assert [r[0] for r in committed(project)] == [first, second, third, fourth]
            assert s.queue.remaining == 1
            await pilot.press("e", "9")  # only 7 reasons
            assert "no reason 9" in s.message and len(committed(project)) == 4
            await pilot.pause()
            # a message per written decision, none for the refused keys
            assert [(d.study, d.label, d.reason) for d in decided] == [
                (r[0], r[2], r[3]) for r in committed(project)
            ]

    run(go())


def test_undo_note_and_moving(five):
    project, ids = five

    async def go():
        app = app_for(project)
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            first = s.current
            await pilot.press("i")
            await pilot.press("z")
            assert s.current == first and first not in s.queue.votes
            assert [r[2] for r in committed(project)] == ["include", "undo"]
            await pilot.press("n")
            assert isinstance(app.screen, TextPrompt)
            await pilot.press(*"needs team", "enter")
            assert s.queue.notes[first] == ["needs team"]
            await pilot.press("n", "escape")  # cancelled: nothing written
            assert len(committed(project)) == 3
            await pilot.press("j")
            assert s.pos == 1
            await pilot.press("down", "down")
            assert s.pos == 3
            await pilot.press("k", "up")
            assert s.pos == 1
            await pilot.press("k", "k", "k")
            assert s.pos == 0  # stays at the first
            await pilot.press("tab")
            assert s.pos == 1  # next undecided (the first has no vote after the undo... but a note)
            await pilot.press("pagedown", "pageup", "space")
            await pilot.press("q")
        assert app.return_code == 0

    run(go())


def test_search_and_goto(five):
    project, ids = five

    async def go():
        app = app_for(project)
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await prompt(pilot, app, "slash", "Study 4:")
            assert s.current == ids[3] and "found" in s.message
            # a search goes by title, but the place shown stays the record's place in the
            # queue's order (the ranking's), not a place among titles or matches
            place = s.queue.studies.index(ids[3]) + 1
            status = str(s.query_one("#status", Static).render())
            assert f"record {ids[3]} ({place} of 5)" in status
            await prompt(pilot, app, "slash", "nothing like this")
            assert "no title" in s.message and s.current == ids[3]
            await prompt(pilot, app, "g", "pmid:1002")
            # the message says where g went: it kept the search's "found 'Study 4:'"
            assert s.current == ids[1] and s.message == f"went to record {ids[1]} (pmid:1002)"
            await prompt(pilot, app, "g", str(ids[2]))  # it said "went to record 7 (7)"
            assert s.current == ids[2] and s.message == f"went to record {ids[2]}"
            await prompt(pilot, app, "g", "pmid:999")
            assert "no record matches" in s.message and s.current == ids[2]

    run(go())


def test_help_screen_lists_the_stage_reasons_and_closes(five):
    project, _ = five

    async def go():
        app = app_for(project)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            labels = [a.description for a in app.screen.actions]
            assert "Exclude: Severe mental illness" in labels and "Attach" not in labels
            await pilot.press("escape")
            assert isinstance(app.screen, ScreeningScreen)
            await pilot.press("question_mark", "q")
            assert isinstance(app.screen, ScreeningScreen)

    run(go())


def test_keymap_remaps_a_key(five):
    project, _ = five

    async def go():
        app = app_for(project, keymap={"screening.include": "y"})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("i")
            assert committed(project) == []
            await pilot.press("y")
            assert [r[2] for r in committed(project)] == ["include"]
            await pilot.press("question_mark")
            rows = {a.id: a for a in app.screen.actions}
            assert app.screen.keymap["screening.include"] == "y" and "screening.include" in rows

    run(go())


def test_full_text_attach_open_and_reason_required(project_a, tmp_path):
    ids = add_records(project_a, make_records(2))
    for study in ids:
        scr.decide(project_a.db, study, TA, "reviewer1", "include", protocol=project_a.protocol)
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")

    async def go():
        app = app_for(project_a, stage=FT)
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await pilot.press("o")
            assert "no full text attached" in s.message and app.opened == []
            await prompt(pilot, app, "a", str(tmp_path / "missing.pdf"))
            assert "not attached" in s.message
            await prompt(pilot, app, "a", str(pdf))
            await pilot.press("o")
            assert app.opened == [pdf.resolve().as_uri()]
            await pilot.press("e", "0")
            assert "reason is required" in s.message and committed(project_a)[-1][2] == "include"
            await pilot.press("2")
            assert committed(project_a)[-1][1:] == ("reviewer1", "exclude", "wrong-question")

    run(go())


def test_title_abstract_has_no_attach_keys(five):
    project, _ = five

    async def go():
        app = app_for(project)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a", "o")
            assert isinstance(app.screen, ScreeningScreen) and app.opened == []

    run(go())


def test_screen_never_shows_another_reviewers_labels_or_notes(five):
    project, ids = five
    for study in ids:
        scr.decide(project.db, study, TA, "reviewer1", "exclude", "long-term", note="zebranote")

    async def go():
        app = app_for(project, reviewer="reviewer2")
        async with app.run_test(size=SIZE) as pilot:
            for _ in ids:
                svg = app.export_screenshot()
                assert (
                    "zebranote" not in svg
                    and "Out&#160;of&#160;work" not in svg.split("Exclusion")[0]
                )
                assert "My decision" not in svg
                await pilot.press("j")

    run(go())


def test_empty_queue_says_so(project_b):
    async def go():
        app = app_for(project_b)
        async with app.run_test(size=SIZE) as pilot:
            assert "Nothing to screen" in app.export_screenshot().replace("&#160;", " ")
            await pilot.press("i", "j", "z")
            assert "nothing to undo" in app.first_screen.message

    run(go())


def conflict_project(project):
    ids = add_records(project, make_records(3))
    for i, study in enumerate(ids):
        scr.decide(
            project.db, study, TA, "reviewer1", "include", note="team model" if i == 0 else ""
        )
        scr.decide(
            project.db,
            study,
            TA,
            "reviewer2",
            "exclude",
            "health-only",
            note="CBT only" if i == 0 else "",
        )
    return ids


def test_conflicts_keys(project_b):
    ids = conflict_project(project_b)

    async def go():
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        caught = Caught(Resolved, Undone)
        async with app.run_test(size=SIZE, message_hook=caught) as pilot:
            s = app.first_screen
            await prompt(pilot, app, "i", "agreed at meeting")
            final = list_decisions(project_b.db)[-1]
            assert (final.record_id, final.label, final.reviewer, final.note) == (
                ids[0],
                "final-include",
                "lead",
                "agreed at meeting",
            )
            assert s.pos == 1
            await pilot.press("e", "5")
            assert committed(project_b)[-1][1:] == ("lead", "final-exclude", "long-term")
            await pilot.press("z")
            assert s.pos == 1 and s.views[1].final is None
            await pilot.pause()
            assert [(type(m).__name__, m.study, m.label) for m in caught] == [
                ("Resolved", ids[0], "include"),
                ("Resolved", ids[1], "exclude"),
                ("Undone", ids[1], "final-exclude"),
            ]
            await pilot.press("e", "escape", "k")
            assert s.pos == 0 and not s.excluding
            await pilot.press("j", "down", "up")
            assert s.pos == 1
            await pilot.press("5")
            assert "press e first" in s.message
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            assert isinstance(app.screen, ConflictsScreen)
            await pilot.press("q")
        outcomes = scr.stage_outcomes(project_b, TA)
        assert outcomes[ids[0]] == scr.Outcome("include", "", "lead")
        assert outcomes[ids[1]].status == "conflict"

    run(go())


def test_conflicts_open_on_first_unresolved(project_b):
    """A lead reopening the screen lands on a conflict still open, not on one already settled."""
    ids = conflict_project(project_b)
    scr.resolve(project_b, ids[0], TA, "lead", "include")

    async def go():
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            assert s.views[s.pos].study_id == ids[1] and s.views[s.pos].final is None
            shown = app.export_screenshot().replace("&#160;", " ")
            assert "open 2 · resolved 1 · conflict 2 of 3" in shown
            await pilot.press("k")
            assert s.views[s.pos].study_id == ids[0]
            await pilot.press("q")

    run(go())


def test_conflicts_help_lists_each_group_once(project_b):
    """Undo sits with the other deciding keys: the help had a second "Decide" heading after the
    exclusion reasons."""
    conflict_project(project_b)

    async def go():
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(100, 50)) as pilot:
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            shown = app.export_screenshot().replace("&#160;", " ")
            assert shown.count(">Decide<") == 1 and "Undo my final decision" in shown
            await pilot.press("escape", "q")

    run(go())


def test_conflicts_footer_keeps_help_and_quit_at_80_columns(project_b):
    """? and q come before the moving keys, as in screening: the conflicts footer was cut at
    80 columns after "k P", hiding the keys that show help and quit."""
    conflict_project(project_b)

    async def go():
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            shown = app.export_screenshot().replace("&#160;", " ")
            assert "Help" in shown and "Quit" in shown
            await pilot.press("q")

    run(go())


def test_conflicts_footer_shows_every_key_at_80x24_and_help_keeps_the_full_words(project_b):
    """The footer ran to 95 columns ("Undo my final decision"): 80 cut j Next and k Prev. The
    footer says "Undo"; the help screen keeps the full words."""
    conflict_project(project_b)

    async def go():
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            keys = await settled_footer(pilot)
            fits = {k.description for k in keys if k.region.width and k.region.right <= 80}
            assert {"Final: include…", "Final: exclude…", "Undo", "Help", "Quit"} <= fits
            assert {"Next", "Prev"} <= fits and len(fits) == len(keys)
            await pilot.press("question_mark")
            assert "Undo my final decision" in app.export_screenshot().replace("&#160;", " ")
            await pilot.press("escape", "q")

    run(go())


def test_conflicts_i_says_it_asks_and_the_keys_typed_then_are_the_note(project_b):
    """`i` opens the "Why include?" prompt (README: it asks why), so a lead's next keys are the
    note, not moves: the footer and the help said "Final: include", with no "…" as beside
    "Final: exclude…", whose key asks too. `i j Enter` saves the note "j" and stays put."""
    ids = conflict_project(project_b)

    async def go():
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            said = {k.description for k in await settled_footer(pilot)}
            assert "Final: include…" in said and "Final: exclude…" in said
            await pilot.press("question_mark")
            assert "Final: include…" in app.export_screenshot().replace("&#160;", " ")
            await pilot.press("escape", "i", "j", "enter")
            await pilot.pause()
            final = list_decisions(project_b.db)[-1]
            assert (final.record_id, final.label, final.note) == (ids[0], "final-include", "j")
            await pilot.press("q")

    run(go())


def test_remapped_keys_keep_their_place_in_the_footer(five):
    """A key the keymap moves keeps its place in the footer: Textual put rebound keys last,
    so at 80 columns a reviewer's remapped exclude key was cut off the footer."""
    project, _ = five
    keymap = {"screening.include": "y", "screening.exclude": "x"}

    async def go():
        app = app_for(project, keymap=keymap)
        async with app.run_test(size=(80, 34)) as pilot:
            shown = [b.description for _, b, _, _ in app.screen.active_bindings.values() if b.show]
            assert shown[:2] == ["Include", "Exclude…"]
            await pilot.press("x", "1")
            assert committed(project)[-1][2:] == ("exclude", "no-collaboration")
            await pilot.press("q")

    run(go())


def test_highlight_terms_with_truncation():
    text = highlight(
        "Sickness certification and sick leave in children",
        ["sick* certification", "sick leave"],
        ["children"],
    )
    styles = {text.plain[s.start : s.end]: str(s.style) for s in text.spans}
    assert set(styles) == {"Sickness certification", "sick leave", "children"}
    assert styles["sick leave"] != styles["children"]
    assert compile_terms(()) is None
    assert not compile_terms(("retire*",)).search("tired")


def test_snapshot_screening(five, snap_compare):
    project, _ = five
    assert snap_compare(app_for(project), terminal_size=SIZE, press=["i", "e"])


def test_snapshot_help(five, snap_compare):
    project, _ = five
    assert snap_compare(app_for(project), terminal_size=SIZE, press=["question_mark"])


def test_snapshot_conflicts(project_b, snap_compare):
    conflict_project(project_b)
    assert snap_compare(
        ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={}), terminal_size=SIZE
    )
