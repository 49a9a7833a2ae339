"""Another team's review (burnout and long COVID, return to work) screened by keys: the words on
the screen name the keys in force, as a team's keymap has them, and the search prompt says what
it searches. Found walking the README as a team that is not NAV's (task 28)."""

from __future__ import annotations

import asyncio

from conftest import add_records
from tui.helpers import FT, TA, shown, to_full_text

from reviewkit import screening as scr
from reviewkit.project import Project
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.help import HelpScreen
from reviewkit.tui.screening import ScreeningScreen
from reviewkit.tui.widgets import TextPrompt


def test_a_remapped_exclude_key_is_the_one_the_reasons_name(team) -> None:
    """The team maps exclude to x: the reasons under the record said '(e, then the number)' and
    a number pressed first said 'press e first', naming a key that now does nothing."""
    project, _ = team
    keymap = {"screening.exclude": "x"}

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap=keymap)
        async with app.run_test(size=(120, 34)) as pilot:
            s = app.first_screen
            await pilot.press("j")  # start at once (no wait for the protocol's order)
            assert "Exclusion reasons (x, then the number)" in shown(app, "#reasons")
            await pilot.press("1")
            assert "press x first" in s.message
            first = s.current
            await pilot.press("x", "1")
            assert scr.ReviewerQueue(project, TA, "maria").votes[first].label == "exclude"

    asyncio.run(go())


def test_the_help_heads_the_reason_keys_with_the_remapped_exclude_key(team) -> None:
    """The help lists 'x  Exclude…'; the heading over the reason keys said '(e, then the
    number)' all the same."""
    project, _ = team

    async def go() -> None:
        queue = scr.ReviewerQueue(project, TA, "maria")
        app = ReviewkitApp(ScreeningScreen(queue), keymap={"screening.exclude": "x"})
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("j", "question_mark")
            assert isinstance(app.screen, HelpScreen)
            text = shown(app, "#help-table")
            assert "Exclusion reasons (x, then the number)" in text
            assert "(e, then" not in text

    asyncio.run(go())


def test_the_short_terminal_hint_names_the_remapped_exclude_key(team) -> None:
    """On a short terminal the six full-text reasons fold into one line that says which key
    shows them."""
    project, ids = team
    to_full_text(project, ids[0])
    keymap = {"screening.exclude": "x"}

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, FT, "tom")), keymap=keymap)
        async with app.run_test(size=(80, 16)) as pilot:
            await pilot.press("j")
            assert "Exclusion reasons 1–6: press x to see them" in shown(app, "#reasons")

    asyncio.run(go())


def test_the_conflicts_line_names_the_keys_in_force(team) -> None:
    """The lead's 'Not resolved' line tells how to resolve: with the lead's own keys."""
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
    keymap = {"conflicts.include": "y", "conflicts.exclude": "x"}

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap=keymap)
        async with app.run_test(size=(120, 34)):
            assert "Not resolved: y to include, x then a reason number" in shown(app, "#final")

    asyncio.run(go())


def test_the_search_prompt_says_it_searches_titles(team: tuple[Project, list[int]]) -> None:
    """The README's `/` searches titles (the next match after the record shown); the prompt
    said only 'Search', and a reviewer typing an author's name found nothing."""
    project, _ = team

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.press("j", "slash")
            assert isinstance(app.screen, TextPrompt)
            assert app.screen.title_text.startswith("Search titles")

    asyncio.run(go())


def test_ctrl_c_while_ordering_says_to_press_q(project_b, monkeypatch) -> None:
    """The README: in a terminal screen Ctrl-C does not quit, it says to press q. While the
    first order was worked out it said 'Copy selected text: no record yet …' instead, as if
    copying were a key that decides."""
    from screening.helpers import hold_engine, make_topic_records, until, until_started

    from reviewkit.ranking.queue import QueueRanker

    records, _ = make_topic_records(6, 10)
    add_records(project_b, records)
    opened = hold_engine(monkeypatch)
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    ranking = QueueRanker(queue, isolate=False)
    notified: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue, ranking=ranking), keymap={})
        app.notify = lambda message, **kw: notified.append(str(message))  # type: ignore[method-assign]
        async with app.run_test(size=(100, 34)) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            assert s.ordering
            await pilot.press("ctrl+c")
            assert "Copy selected text" not in s.message
            assert any("to quit" in n for n in notified), notified  # Textual: "Press q to quit"
            opened.set()
            await until(pilot, lambda: not s.ordering, "the first order")

    try:
        asyncio.run(go())
    finally:
        opened.set()
        ranking.close()


def test_the_why_include_prompt_says_it_may_be_left_empty(team) -> None:
    """The lead's 'Why include?' takes Enter alone (no note); the prompt now says so."""
    project, ids = team
    scr.decide(project.db, ids[0], TA, "maria", "include")
    scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.press("i")
            assert isinstance(app.screen, TextPrompt)
            assert "optional" in app.screen.title_text
            await pilot.press("enter")
            assert "saved: final include" in app.screen.message

    asyncio.run(go())


def test_the_help_names_the_keymap_file_in_force(team, tmp_path, monkeypatch) -> None:
    """The help said 'remap them in the keymap file' and left a person to find which file in
    the README (round 4's walk): it names the file in force."""
    project, _ = team
    keys = tmp_path / "team-keys.toml"
    monkeypatch.setenv("REVIEWKIT_KEYS", str(keys))

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=(200, 40)) as pilot:
            await pilot.press("j", "question_mark")
            assert isinstance(app.screen, HelpScreen)
            heading = "".join(shown(app, "#help-heading").split())  # a long path wraps
            assert f"remapthemin{keys})" in heading

    asyncio.run(go())


def test_the_last_conflict_resolved_says_where_work_waits(team) -> None:
    """The lead resolving a stage's last conflict was told 'no new conflicts' and nothing of
    the full-text records it sent on (round 4's walk); the screening screen names them."""
    project, ids = team
    for study in ids[:2]:
        to_full_text(project, study)
    scr.decide(project.db, ids[2], TA, "maria", "include")
    scr.decide(project.db, ids[2], TA, "tom", "exclude", "not-employees")

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=(200, 40)) as pilot:
            s = app.first_screen
            await pilot.press("e", "1")
            assert "no new conflicts · next: full-text: 2 records for the reviewers" in (
                s.message
            ), s.message
            assert "waits for you" not in s.message and "wait for you" not in s.message

    asyncio.run(go())
