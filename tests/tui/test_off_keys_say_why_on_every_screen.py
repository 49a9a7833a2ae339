"""Keys that cannot act now, one way on every screen (q40c): duplicate review greys the keys
that need a pair and says why when one is pressed, as screening and conflicts do; a and o
(full texts) at the title-abstract stage say why they do nothing; a timer look of the
screening screen refused as busy is taken again at the next, and never ends the screen."""

from __future__ import annotations

import asyncio

import pytest
from conftest import add_records
from tui.helpers import TA, settled_footer_keys, shown

from reviewkit import screening as scr
from reviewkit.errors import DatabaseBusy
from reviewkit.records import Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.dedup_review import DedupReviewScreen
from reviewkit.tui.screening import ScreeningScreen

SMALL = (80, 24)
FULL_TEXTS_LATER = "full texts are for the full-text stage"


def test_duplicate_review_with_no_pair_greys_its_keys_and_says_why(project_b) -> None:
    """No pair to review: s, d, j and PgDn were hidden (check_action False), and the screen
    worked out by itself which key had been pressed to say why; now they are greyed in the
    footer, and the shared key handler says why, naming the key's words."""

    async def go() -> tuple[dict[str, bool], list[str]]:
        app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={"dedup.same": "x"})
        said: list[str] = []
        async with app.run_test(size=SMALL) as pilot:
            footer = await settled_footer_keys(pilot)
            assert app.first_screen.pair is None
            for key in ("x", "d", "j", "pagedown"):
                app.first_screen.say("")
                await pilot.press(key)
                await pilot.pause()
                said.append(shown(app, "#message"))
            await pilot.press("q")
        return footer, said

    footer, said = asyncio.run(go())
    for off in ("Same record", "Different", "Skip", "More"):
        assert footer[off] is False, footer  # greyed: was left out of the footer
    assert all(footer[k] for k in ("Undo", "Help", "Quit")), footer
    words = ("Same record", "Different", "Skip", "More")
    for start, line in zip(words, said, strict=True):
        # no verdict in this project: z is not offered
        # (tests/tui/test_dedup_busy_look_and_undo_hint.py)
        assert line == f"{start}: no pair left to review", said


@pytest.mark.parametrize(("key", "words"), [("a", "Attach"), ("o", "Open")])
def test_full_text_keys_at_title_abstract_say_what_they_are_for(team, key, words) -> None:
    """a and o were off and hidden at the title-abstract stage: pressed, they said nothing."""
    project, _ = team

    async def go() -> tuple[str, bool]:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            app.first_screen.say("")
            await pilot.press(key)
            await pilot.pause()
            out = shown(app, "#message"), app.screen is not app.first_screen
            await pilot.press("q")
        return out

    said, prompt = asyncio.run(go())
    assert said.startswith(f"{words}: {FULL_TEXTS_LATER}"), said
    assert not prompt  # no attach prompt opened


def test_open_on_the_conflicts_screen_at_title_abstract_says_what_it_is_for(team) -> None:
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")

    async def go() -> str:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            app.first_screen.say("")
            await pilot.press("o")
            await pilot.pause()
            said = shown(app, "#message")
            await pilot.press("q")
        return said

    said = asyncio.run(go())
    assert said.startswith(f"Open the full text: {FULL_TEXTS_LATER}"), said


def test_a_screening_look_refused_as_busy_is_taken_again_at_the_next(team, monkeypatch) -> None:
    """The conflicts screen's look let a busy database pass (the next look reads it); the
    screening screen's did not: a look refused while another process wrote raised out of the
    timer and ended the screen."""
    project, _ = team

    async def go() -> tuple[int, int]:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            s = app.first_screen
            before = len(s.queue.studies)
            real, calls = s.queue.refresh, []

            def busy_once(**kwargs: bool) -> object:
                calls.append(1)
                if len(calls) == 1:
                    raise DatabaseBusy("the database is busy")
                return real(**kwargs)

            monkeypatch.setattr(s.queue, "refresh", busy_once)
            add_records(project, [Record(title="Return to work after burnout")])
            s.look_for_changes()  # refused: nothing changes, nothing raised
            assert len(s.queue.studies) == before
            s.look_for_changes()  # the next look takes the new record
            await pilot.pause()
            after = len(s.queue.studies)
            await pilot.press("q")
        return before, after

    before, after = asyncio.run(go())
    assert after == before + 1
