"""What a reader of ux39 found using the screens (rd39g): the line printed after ctrl+q from a
prompt, k in duplicate review after a merge took the skipped pair away and undo brought it
back, an empty screening queue's lines, include terms in a bold title without colour."""

from __future__ import annotations

import asyncio

from conftest import add_records
from dedup.helpers import TITLE, other, rec
from screening.helpers import until
from tui.helpers import TA, settled_footer_keys, shown

from reviewkit import screening as scr
from reviewkit.dedup import engine
from reviewkit.dedup.review import judge_pair
from reviewkit.dedup.undo import take_back
from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp, quit_words
from reviewkit.tui.dedup_review import DedupReviewScreen
from reviewkit.tui.screening import ScreeningScreen

SMALL = (80, 24)
BARE = dict(authors=[], journal="", volume="", pages="", year=None)


def _rows(app: ReviewkitApp) -> list[str]:
    """The terminal's rows as the reviewer sees them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_what_ctrl_q_left_in_a_note_comes_before_the_next_step(team) -> None:
    """With nothing left to screen the line ends with where work waits ('; next: …'); the
    note dropped by ctrl+q was said after it, as if it were part of the next step."""
    project, ids = team
    for rid in ids:
        scr.decide(project.db, rid, TA, "maria", "include")

    async def go() -> str:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project, TA, "maria")), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*"ask the lead", "ctrl+q")
        return quit_words(app)

    said = asyncio.run(go())
    assert "; next: " in said and "'ask the lead'" in said, said
    head, _, then = said.partition("; next: ")
    assert "was not saved" in head and "'ask the lead'" in head, said  # was: after next
    assert "every decision is saved" in head, said  # a note is no decision
    assert "not saved" not in then, said


def test_an_empty_queue_shows_no_order_line_nor_reasons_until_a_record_comes(project_b) -> None:
    """No record at this stage for the reviewer: the screen still said "Includes left: after
    your first decision · Order: random until 5 includes …" and listed the exclusion reasons
    (e, then the number), of a queue there is not, with e off. They come with a record."""
    rows: dict[str, str] = {}

    async def go() -> None:
        queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            rows["empty"] = "\n".join(_rows(app))
            add_records(project_b, [Record(title="Return to work after burnout")])
            app.first_screen.look_for_changes()  # the timer's look: no key pressed
            await pilot.pause()
            rows["one"] = "\n".join(_rows(app))
            await pilot.press("q")

    asyncio.run(go())
    assert "Nothing to screen" in rows["empty"]
    for gone in ("Order:", "Exclusion reasons"):  # "Includes left" too, with a ranker
        assert gone not in rows["empty"], rows["empty"]  # was shown with no record
        assert gone in rows["one"], rows["one"]


def test_include_terms_in_the_bold_title_are_told_without_colour(project_a) -> None:
    """The title is bold, and include terms were bold on green: without colour (a monochrome
    terminal keeps bold, underline and reverse, not colour) an include term in the title looked
    as the words round it. ux39's test compared include with exclude terms, not with the text
    they sit in. Each of the three, in the title and in the abstract, is told apart."""
    (rid,) = add_records(
        project_a,
        [
            Record(
                title="Sick leave of teachers and children",
                abstract_sections=[AbstractSection("", "Sick leave of teachers and children.")],
            )
        ],
    )

    async def go() -> list[list[tuple[str, object]]]:
        queue = scr.ReviewerQueue(project_a, TA, project_a.protocol.reviewers[0])
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("g", *str(rid), "enter")
            await pilot.pause()
            rows = [
                [(seg.text.strip().lower(), seg.style.without_color) for seg in strip]
                for strip in app.screen._compositor.render_strips()
                if "teachers" in strip.text
            ]
            await pilot.press("q")
        return rows

    title, abstract = asyncio.run(go())
    for row in (title, abstract):
        style = {text: style for text, style in row if text}
        plain = next(s for t, s in style.items() if "teachers" in t)
        assert len({style["sick leave"], style["children"], plain}) == 3, row  # title: 2


def test_pairs_queued_while_duplicate_review_shows_none_come_without_a_key(
    project_b, monkeypatch
) -> None:
    """With no pair left only z, ? and q work (ux39; the others greyed), and no key read the queue again:
    pairs a dedup run queued meanwhile (after an import; or another reviewer's undo) never
    showed until the screen was closed and opened. The screen looks, as screening's does."""
    monkeypatch.setattr(DedupReviewScreen, "LOOK_S", 0.05)  # 3 s in use
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})
    footers: list[dict[str, bool]] = []

    async def go() -> None:
        async with app.run_test(size=SMALL) as pilot:
            footers.append(await settled_footer_keys(pilot))
            assert app.first_screen.pair is None
            add_records(project_b, [rec(**BARE), rec(**BARE, title=TITLE.upper())])
            engine.run_dedup(project_b.db)  # another command, while the screen is open
            screen = app.first_screen  # its timer's look shows the pair
            await until(pilot, lambda: screen.pair is not None, "the pair shown by its look")
            footers.append(await settled_footer_keys(pilot))
            said = shown(app, "#message")
            await pilot.press("q")
        assert "1 pair to review came" in said, said

    asyncio.run(go())
    assert not footers[0]["Same record"] and not footers[0]["Different"], footers  # greyed
    assert footers[1]["Same record"] and footers[1]["Different"], footers  # was: still off


def _two_pairs(project) -> None:
    """Two pairs a person is asked about (as tests/tui/test_ux39_walk.py's)."""
    neck = "A workplace intervention for neck pain: a cluster randomi{}ed trial"
    add_records(
        project,
        [
            rec(**BARE),
            rec(**BARE, title=TITLE.upper(), source="Embase"),
            other(3, title=neck.format("s"), **BARE),
            other(4, title=neck.format("z"), **BARE),
        ],
    )
    engine.run_dedup(project.db)


def test_k_finds_a_skipped_pair_that_left_the_queue_and_came_back(project_b) -> None:
    """k went back through the skipped pairs dropping each one not in the queue just then: a
    pair another reviewer settled after I skipped it, and then undid, was open again (the
    pane said 'Only skipped pairs are left (1)'), yet k said 'no pair to go back to'."""
    _two_pairs(project_b)
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})

    async def go() -> None:
        async with app.run_test(size=SMALL) as pilot:
            screen = app.first_screen
            first = (screen.pair.a, screen.pair.b)
            await pilot.press("j")  # skipped
            judge_pair(project_b.db, *first, "not_duplicate", "bob")  # bob settles it
            await pilot.press("d")  # the other pair: the queue, read again, is empty
            await pilot.pause()
            assert screen.pair is None
            await pilot.press("k")  # nothing open to go back to: said so
            await pilot.pause()
            assert "no pair to go back to" in shown(app, "#message")
            take_back(project_b.db, "bob")  # bob undoes: the skipped pair is open again
            screen.look_for_pairs()  # the timer's look
            await pilot.pause()
            assert "Only skipped pairs are left (1)" in "\n".join(_rows(app))
            await pilot.press("k")
            await pilot.pause()
            assert screen.pair is not None and (screen.pair.a, screen.pair.b) == first
            await pilot.press("q")

    asyncio.run(go())


def test_a_judging_key_with_no_pair_shown_says_why(project_b) -> None:
    """ux39 took s, d and PgDn out of the footer with no pair shown, and with them the words
    s said there ('nothing to decide', left in the code, never reached): the key said nothing.
    It says why, and how to go on (greyed since q40c, as on the other screens)."""
    _two_pairs(project_b)
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={"dedup.same": "x"})
    said: list[str] = []

    async def go() -> None:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("j", "j")  # both skipped: no pair shown
            await pilot.pause()
            for key in ("x", "d", "pagedown"):
                await pilot.press(key)
                await pilot.pause()
                said.append(shown(app, "#message"))
            await pilot.press("q")

    asyncio.run(go())
    for words in said:
        assert "no pair shown" in words and "press j" in words, said  # was: skipped 3–4


def test_dedup_footer_offers_more_when_a_pair_comes_back_to_an_empty_queue(project_b) -> None:
    """'PgDn More' is worked out once the pair is laid out; a pair shown after none was (z
    from an empty queue, or pairs queued meanwhile) was measured before its rows were laid
    out, and the footer left out 'More' while rows were below the pane's edge at 80x24."""
    team = [f"Olsen{chr(97 + i)}, Per" for i in range(14)]  # rows past the edge at 80x24
    authors = {"authors": ["Hansen, Kari", *team]}
    add_records(
        project_b,
        [rec(**BARE | authors), rec(**BARE | authors, title=TITLE.upper(), source="Embase")],
    )
    engine.run_dedup(project_b.db)
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})
    footers: list[dict[str, bool]] = []

    async def go() -> None:
        async with app.run_test(size=SMALL) as pilot:
            for keys in ((), ("d",), ("z",)):
                await pilot.press(*keys)
                footers.append(await settled_footer_keys(pilot))
            await pilot.press("q")

    asyncio.run(go())
    opened, judged, undone = footers
    assert opened["More"] and not judged["More"], footers  # no pair: greyed (q40c)
    assert undone["Same record"] and undone.get("More"), footers  # was: no More
