"""What a first review found in the screens, driven as a person would: an 80x24 terminal, names
written 'Last, First', the protocol's words for a reason, and the lead's undo."""

from __future__ import annotations

import asyncio
import io

from conftest import add_records
from rich.console import Console
from screening.helpers import conflict_on, make_records, screening_app
from textual.containers import VerticalScroll

from reviewkit import screening as scr
from reviewkit.records import Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.help import HelpScreen, help_table

TA = "title-abstract"


def _text(renderable, width: int = 200) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def test_help_fits_an_80_column_terminal(project_b):
    """The help box was 84 columns wide: at 80x24 its right border and line ends were cut off."""
    add_records(project_b, make_records(2))

    async def go():
        app = screening_app(project_b)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            box = app.screen.query_one(VerticalScroll).region
            assert box.x >= 0 and box.right <= 80

    asyncio.run(go())


def test_authors_are_told_apart_when_names_are_last_comma_first(project_b):
    """'Petit, Audrey, Le Borgne, Margaux' reads as four people; '; ' between them reads as two."""
    (rec,) = make_records(1)
    rec = Record(**{**rec.__dict__, "authors": ["Petit, Audrey", "Le Borgne, Margaux"]})
    add_records(project_b, [rec])

    async def go():
        app = screening_app(project_b)
        async with app.run_test(size=(100, 34)):
            shown = _text(app.first_screen.query_one("#record").record_renderable)
            assert "Petit, Audrey; Le Borgne, Margaux" in shown

    asyncio.run(go())


def test_a_saved_exclusion_is_named_in_the_protocols_words(project_b):
    """The picker offers 'Severe mental illness'; the message and 'My decision' said the code."""
    ids = add_records(project_b, make_records(2))
    n = 1 + [r.code for r in project_b.protocol.stages[TA].exclusion_reasons].index(
        "severe-mental-illness"
    )

    async def go():
        app = screening_app(project_b)
        async with app.run_test(size=(100, 34)) as pilot:
            s = app.first_screen
            first = s.current
            await pilot.press("e", str(n))
            assert s.message == f"saved: exclude (Severe mental illness) on record {first}"
            await pilot.press("k")
            mine = _text(s.query_one("#mine").render())
            assert "My decision: exclude (Severe mental illness)" in mine
            assert first in ids

    asyncio.run(go())


def test_the_leads_undo_says_final_exclude_in_words(project_b):
    """'undone: final-exclude on record 11' showed the log's label; the screen says 'Final: exclude'."""
    (study,) = add_records(project_b, make_records(1))
    proto = project_b.protocol
    scr.decide(project_b.db, study, TA, "reviewer1", "include", protocol=proto)
    scr.decide(project_b.db, study, TA, "reviewer2", "exclude", "wrong-design", protocol=proto)

    async def go():
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(100, 34)) as pilot:
            s = app.first_screen
            await pilot.press("e", "1")
            await pilot.press("z")
            assert s.message == f"undone: final exclude on record {study}"

    asyncio.run(go())


def test_help_says_a_reason_number_comes_after_e(project_b):
    """The help listed '1  Exclude: …' under 'Exclusion reasons'; pressing 1 alone only says
    'press e first'. The heading now says how, in the picker's own words."""
    add_records(project_b, make_records(2))

    async def go():
        app = screening_app(project_b)
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.press("question_mark")
            shown = _text(help_table(app.screen.actions, app.screen.keymap))
            assert "Exclusion reasons (e, then the number)" in shown

    asyncio.run(go())


def test_help_keeps_each_action_on_one_line_at_80_columns(project_b):
    """The group headings sat in the key column: "Exclusion reasons (e, then the number)" made
    it 40 columns wide, and at 80x24 a reason of Review B wrapped in the rest."""
    add_records(project_b, make_records(2))

    async def go():
        app = screening_app(project_b)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            shown = _text(help_table(app.screen.actions, app.screen.keymap), width=76)
            lines = [line.strip() for line in shown.splitlines()]
            assert "Exclusion reasons (e, then the number)" in lines
            reason = next(line for line in lines if line.startswith("1 "))
            assert reason.split(None, 1)[1] == (
                "Exclude: No collaboration between health and work side"
            )

    asyncio.run(go())


def test_a_record_without_a_title_shows_its_citation(project_b):
    """A reference-list entry is imported by its citation alone (journal, volume, pages): the
    screen showed '(no title)', the year and the journal, and nothing to find the article by."""
    (rec,) = make_records(1)
    rec = Record(
        **{**rec.__dict__, "title": "", "journal": "Scand J Work Environ Health"}
        | {"volume": "40", "issue": "2", "pages": "123-130", "year": 2014}
    )
    add_records(project_b, [rec])

    async def go():
        app = screening_app(project_b)
        async with app.run_test(size=(100, 34)):
            shown = _text(app.first_screen.query_one("#record").record_renderable)
            assert "(no title)" in shown
            assert "2014 · Scand J Work Environ Health 40(2):123-130" in shown

    asyncio.run(go())


def _two_conflicts(project) -> list[int]:
    """Two studies reviewer1 includes and reviewer2 excludes: two conflicts for the lead."""
    ids = add_records(project, make_records(2))
    conflict_on(project, ids)
    return ids


def test_a_lead_changing_a_final_decision_is_told_what_it_replaced(project_b):
    """`i` or `e` on a conflict resolved before replaces its final decision: the message said
    only "saved: final exclude on record 1 by kari", as for a first decision, and without the
    reason the exclusion gave."""
    ids = _two_conflicts(project_b)
    scr.resolve(project_b, ids[0], TA, "lead", "include")

    async def go():
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await pilot.press("k")  # back to the resolved one (it opened on the open one)
            assert s.views[s.pos].study_id == ids[0]
            await pilot.press("e", "2")
            assert s.message == (
                f"saved: final exclude (Work focus inside health care only) on record {ids[0]}"
                " by lead, replacing the final include by lead"
            )
            await pilot.press("k", "e", "2")  # the same decision again: nothing replaced
            assert s.message.endswith(f"on record {ids[0]} by lead")

    asyncio.run(go())


def test_the_lead_pressing_exclude_is_asked_for_the_reason(project_b):
    """The reasons opened under the next conflict beside the message of the one before
    ("saved: final include on record 1 by lead"), as if it were about this one."""
    ids = _two_conflicts(project_b)

    async def go():
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await pilot.press("i", "enter")
            assert s.message.startswith(f"saved: final include on record {ids[0]}")
            await pilot.press("e")
            assert s.message == "exclude: which reason?"

    asyncio.run(go())


def test_k_on_the_first_conflict_says_so(project_b):
    """`k` on the first conflict did nothing, without a word (the screening screen says "this
    is the first of your records"); `j` on the last says whether new conflicts came."""
    _two_conflicts(project_b)

    async def go():
        app = ReviewkitApp(ConflictsScreen(project_b, TA, "lead"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            s = app.first_screen
            await pilot.press("k")
            assert s.pos == 0 and s.message == "this is the first conflict"
            await pilot.press("j")
            assert s.pos == 1 and s.message == ""
            await pilot.press("j")
            assert s.pos == 1 and s.message == "no new conflicts"

    asyncio.run(go())
