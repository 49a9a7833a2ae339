"""The screens used with the keyboard at 80x24: what a person pressing keys found.

- The record pane's "… N more lines (Space / PgDn)" named the default keys under a keymap
  that moved paging down: it names the keys in force, as the help does.
- In duplicate review `k` did nothing and said nothing: it goes back to the pair skipped last
  (j on, k back, as on every screen); with none skipped it says why not (a pair judged comes
  back with undo).
- With no pair to show, the footer offered s, d, j and PgDn, which did nothing: it shows the
  keys that work there (j only while skipped pairs wait to come round again).
"""

from __future__ import annotations

import asyncio
from functools import partial

from conftest import add_records
from dedup.helpers import TITLE, other, rec
from screening.helpers import until
from tui.helpers import TA, settled_footer, settled_footer_keys, shown

from reviewkit import screening as scr
from reviewkit.dedup import engine
from reviewkit.records import AbstractSection, Record
from reviewkit.tui import dedup_review
from reviewkit.tui.app import ReviewkitApp, quit_words
from reviewkit.tui.conflicts import ConflictsScreen
from reviewkit.tui.dedup_review import DedupReviewScreen
from reviewkit.tui.screening import ScreeningScreen

SMALL = (80, 24)
BARE = dict(authors=[], journal="", volume="", pages="", year=None)


def _rows(app: ReviewkitApp) -> list[str]:
    """The terminal's rows as the reviewer sees them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_the_more_lines_line_names_the_paging_keys_in_force(team) -> None:
    project, _ = team
    long = "Sick leave and return to work after burnout in a trial of employers. " * 200
    (rid,) = add_records(
        project, [Record(title="Long", abstract_sections=[AbstractSection("", long)])]
    )

    async def go(keymap: dict[str, str]) -> str:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap=keymap)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("g", *str(rid), "enter")
            await pilot.pause()
            more = next(row for row in _rows(app) if "more lines" in row)
            await pilot.press("q")
        return more

    moved = asyncio.run(go({"screening.page_down": "f"}))
    assert moved.strip().endswith("more lines (f)"), (
        moved
    )  # was (Space / PgDn): they scroll no more
    # by default as the help names them
    assert asyncio.run(go({})).strip().endswith("more lines (PgDn / Space)")


def _two_pairs(project) -> None:
    """Two pairs a person is asked about: near copies of two titles, fields missing."""
    add_records(
        project,
        [
            rec(**BARE),
            rec(**BARE, title=TITLE.upper(), source="Embase"),
            other(
                3,
                title="A workplace intervention for neck pain: a cluster randomised trial",
                **BARE,
            ),
            other(
                4,
                title="A workplace intervention for neck pain: a cluster randomized trial",
                **BARE,
            ),
        ],
    )
    engine.run_dedup(project.db)
    assert len(engine.questions(engine.review_queue(project.db))) == 2


def test_k_in_duplicate_review_goes_back_to_the_pair_skipped_last(project_b) -> None:
    _two_pairs(project_b)
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})

    async def go() -> None:
        async with app.run_test(size=SMALL) as pilot:
            screen = app.first_screen
            first = (screen.pair.a, screen.pair.b)
            await pilot.press("k")  # nothing skipped yet: it says why it stays
            await pilot.pause()
            assert (screen.pair.a, screen.pair.b) == first
            said = shown(app, "#message")
            assert "no pair to go back to" in said and "z" in said, said  # was silent
            await pilot.press("j")
            await pilot.pause()
            second = (screen.pair.a, screen.pair.b)
            assert second != first
            await pilot.press("k")  # back to the skipped one
            await pilot.pause()
            assert (screen.pair.a, screen.pair.b) == first  # was: still on the second
            assert f"back to {first[0]}–{first[1]}" in shown(app, "#message")
            await pilot.press("d")  # judged: the other pair is next, not skipped any more
            await pilot.pause()
            assert (screen.pair.a, screen.pair.b) == second
            await pilot.press("k")  # the skipped pair was judged: nothing to go back to
            await pilot.pause()
            assert (screen.pair.a, screen.pair.b) == second
            assert "no pair to go back to" in shown(app, "#message")
            await pilot.press("q")

    asyncio.run(go())
    # the help lists k with what it does
    assert any(a.id == "dedup.previous" and a.key == "k" for a in dedup_review.ACTIONS)


def test_the_footer_of_duplicate_review_greys_the_keys_that_do_not_work(project_b) -> None:
    """Keys that do nothing with no pair shown were hidden (ux39); greyed since q40c, as on
    the screening and conflicts screens (pressed, they say why:
    test_off_keys_say_why_on_every_screen.py)."""
    _two_pairs(project_b)
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})

    async def go() -> None:
        async with app.run_test(size=SMALL) as pilot:
            footer = await settled_footer_keys(pilot)
            assert all(footer[k] for k in ("Same record", "Different", "Skip")), footer
            await pilot.press("j", "j")  # both skipped: only j (round again) still shows pairs
            footer = await settled_footer_keys(pilot)
            assert footer["See skipped"], footer  # j's word for what it does now (rd44d)
            assert not footer["Same record"] and not footer["Different"], footer
            await pilot.press("j", "d", "d")  # round again, both judged: an empty queue
            footer = await settled_footer_keys(pilot)
            assert app.first_screen.pair is None
            for off in ("Same record", "Different", "Skip", "More"):
                assert not footer[off], footer  # they do nothing here: greyed
            assert all(footer[k] for k in ("Undo", "Help", "Quit")), footer
            await pilot.press("z")  # undo works on an empty queue: its pair comes back
            footer = await settled_footer_keys(pilot)
            assert app.first_screen.pair is not None
            assert footer["Same record"], footer
            await pilot.press("q")

    asyncio.run(go())


def test_include_and_exclude_terms_are_told_apart_without_colour(project_a) -> None:
    """The protocol's include terms were marked bold on green, its exclude terms bold on red:
    told apart by colour alone, which a red-green colour-blind reviewer (and a terminal
    without colour) cannot. Rendered, their styles differ with the colour taken away."""
    (rid,) = add_records(
        project_a,
        [
            Record(
                title="Return to work after sick leave",
                abstract_sections=[AbstractSection("", "Sick leave fell; children were excluded.")],
            )
        ],
    )

    async def go() -> dict[str, object]:
        queue = scr.ReviewerQueue(project_a, TA, project_a.protocol.reviewers[0])
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        styles: dict[str, object] = {}
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("g", *str(rid), "enter")
            await pilot.pause()
            for strip in app.screen._compositor.render_strips():
                for segment in strip:
                    if segment.text.strip().lower() in ("sick leave", "children"):
                        styles[segment.text.strip().lower()] = segment.style.without_color
            await pilot.press("q")
        return styles

    styles = asyncio.run(go())
    assert set(styles) == {"sick leave", "children"}, styles
    assert styles["sick leave"] != styles["children"], styles  # was: both bold


def test_an_empty_screening_queue_greys_the_keys_that_need_a_record(project_b) -> None:
    """No record at this stage for the reviewer: the footer offered Include, Exclude…,
    Uncertain, Note, Search and Go to, which did nothing there and said nothing. They are off
    and greyed (pressed, they say why: test_keys_with_nothing_to_act_on.py); z, ? and q work.
    A record that arrives (an import while the screen is open; j looks for it) turns them on."""
    keys: dict[str, dict[str, bool]] = {}

    async def go() -> None:
        queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            keys["empty"] = await settled_footer_keys(pilot)
            add_records(project_b, [Record(title="Return to work after burnout")])
            await pilot.press("j")  # looks for records that came
            keys["one"] = await settled_footer_keys(pilot)
            await pilot.press("q")

    asyncio.run(go())
    off = ("Include", "Exclude…", "Uncertain", "Note", "Search", "Go to")
    assert not any(keys["empty"][k] for k in off), keys["empty"]  # they need a record
    assert all(keys["empty"][k] for k in ("Undo", "Help", "Quit")), keys["empty"]
    assert all(keys["one"].values()), keys["one"]


def test_the_conflicts_footer_with_no_conflict_greys_the_keys_that_need_one(team) -> None:
    """No conflict at the stage: the footer offered Final: include…, Final: exclude… and
    k Prev, which did nothing there. They are off and greyed (pressed, they say why); j, z, ?
    and q work. A conflict that arises (j looks for new ones) turns them on."""
    project, ids = team
    keys: dict[str, dict[str, bool]] = {}

    async def go() -> None:
        app = ReviewkitApp(ConflictsScreen(project, TA, "sara"), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            keys["none"] = await settled_footer_keys(pilot)
            scr.decide(project.db, ids[0], TA, "maria", "include")
            scr.decide(project.db, ids[0], TA, "tom", "exclude", "not-employees")
            await pilot.press("j")  # looks for new conflicts
            keys["one"] = await settled_footer_keys(pilot)
            await pilot.press("q")

    asyncio.run(go())
    off = ("Final: include…", "Final: exclude…", "Prev")
    assert not any(keys["none"][k] for k in off), keys["none"]  # they need a conflict
    assert all(keys["none"][k] for k in ("Next", "Undo", "Help", "Quit")), keys["none"]
    assert all(keys["one"].values()), keys["one"]


def test_quitting_mid_note_says_the_note_typed_was_not_saved(team) -> None:
    """ctrl+q while a note is half typed quits at once (the app keeps that key): the note was
    dropped, and the line printed after the screen said only "every decision is saved". It
    now says the note was not saved, and gives what was typed to type again."""
    project, _ = team

    async def go() -> str:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*"half a note")
            await pilot.press("ctrl+q")
        return quit_words(app)

    said = asyncio.run(go())
    assert "every decision is saved" in said  # still true: a note is no decision
    assert "was not saved" in said and "half a note" in said, said  # was not said
    assert scr.ReviewerQueue(project, TA, "maria").notes == {}  # and none was stored


def test_a_note_entered_or_cancelled_leaves_nothing_unsaved_to_say(team) -> None:
    project, _ = team

    async def go(*keys: str) -> str:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.press("q")
        return quit_words(app)

    for keys in (("a", "b", "enter"), ("a", "b", "escape")):
        assert "not saved" not in asyncio.run(go(*keys))


def test_dedup_footer_offers_more_only_while_more_of_the_pair_is_below(project_b) -> None:
    """At 200x50 the whole pair fits the pane, yet the footer said "PgDn More" (it did
    nothing). "More" shows while rows are below the pane's edge, as on the help screen: at
    80x24, not at 200x50, and it follows a resize in the middle of a pair."""
    team = [f"Olsen{chr(97 + i)}, Per" for i in range(14)]  # rows past the edge at 80x24
    add_records(
        project_b,
        [
            rec(**BARE | {"authors": ["Hansen, Kari", *team]}),
            rec(
                **BARE | {"authors": ["Hansen, Kari", *team]}, title=TITLE.upper(), source="Embase"
            ),
        ],
    )
    engine.run_dedup(project_b.db)
    assert len(engine.review_queue(project_b.db)) == 1
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})
    footers: list[str] = []

    async def go() -> None:
        async with app.run_test(size=SMALL) as pilot:
            for width, height in (SMALL, (200, 50), SMALL):
                await pilot.resize_terminal(width, height)
                # laid out at this size (the footer on its last row), then its keys rebuilt
                footer = app.screen.query_one("Footer")
                on_last_row = partial(lambda f, h: f.region.bottom == h, footer, height)
                await until(pilot, on_last_row, "laid out at the new size")
                await settled_footer(pilot)
                footers.append(_rows(app)[-1])
            await pilot.press("q")

    asyncio.run(go())
    small, large, small_again = footers
    assert "PgDn More" in small and "PgDn More" in small_again, footers
    assert "More" not in large and "s Same record" in large, large  # was: PgDn More
