"""Keys on a screen with nothing to act on (screens40): on an empty screening queue i, e, u
and n, and on a conflicts screen with no conflict i and e, were dropped without a word. They
were off and hidden (check_action returned False), and Textual leaves a hidden binding out of
the screen's active bindings, which the screen reads to tell its keys from others'. Off and
shown (None, greyed in the footer) they stay there: the message line says why nothing
happened, and nothing is written."""

from __future__ import annotations

import asyncio

import pytest
from tui.helpers import TA, settled_footer_keys, shown

from reviewkit import screening as scr
from reviewkit.store.decisions import list_decisions
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.screening import ScreeningScreen

SMALL = (80, 24)


@pytest.mark.parametrize(
    ("key", "words"), [("i", "Include"), ("e", "Exclude"), ("u", "Uncertain"), ("n", "Note")]
)
def test_a_deciding_key_on_an_empty_queue_says_there_is_nothing_to_screen(
    team, key: str, words: str
) -> None:
    project, ids = team
    for study in ids:  # both reviewers excluded every record: none waits for maria
        scr.decide(project.db, study, TA, "tom", "exclude", "not-employees")
        scr.decide(project.db, study, TA, "maria", "exclude", "not-employees")
    before = len(list_decisions(project.db))

    async def go() -> tuple[str, str, bool]:
        app = ReviewkitApp(
            ScreeningScreen(scr.ReviewerQueue(project, "full-text", "maria")), keymap={}
        )
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            said = shown(app, "#message")
            footer = await settled_footer_keys(pilot)
            prompt = app.screen is not app.first_screen  # n had opened no prompt either
            await pilot.press("q")
        return said, footer, prompt

    said, footer, prompt = asyncio.run(go())
    assert said.startswith(f"{words}"), said
    assert "nothing to screen at this stage for you" in said, said
    assert not prompt
    assert len(list_decisions(project.db)) == before
    assert not footer[words.replace("Exclude", "Exclude…")], footer  # greyed there, not gone
    assert footer["Undo"] and footer["Quit"], footer


def test_j_on_an_empty_queue_says_nothing_came(team) -> None:
    """j looks for records that came meanwhile; when none had, it said nothing either."""
    project, _ = team

    async def go() -> str:
        app = ReviewkitApp(
            ScreeningScreen(scr.ReviewerQueue(project, "full-text", "maria")), keymap={}
        )
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            app.first_screen.say("")
            await pilot.press("j")
            await pilot.pause()
            said = shown(app, "#message")
            await pilot.press("q")
        return said

    said = asyncio.run(go())
    assert "nothing to screen at this stage for you" in said, said


@pytest.mark.parametrize(("key", "words"), [("i", "Final: include"), ("e", "Final: exclude")])
def test_a_deciding_key_with_no_conflict_says_there_is_none(team, key: str, words: str) -> None:
    project, _ = team

    async def go() -> tuple[str, bool]:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            app.first_screen.say("")
            await pilot.press(key)
            await pilot.pause()
            said = shown(app, "#message")
            prompt = app.screen is not app.first_screen
            await pilot.press("q")
        return said, prompt

    said, prompt = asyncio.run(go())
    assert said.startswith(words), said
    assert "no conflict open here (j looks for new ones)" in said, said
    assert not prompt
