"""Duplicate review with no pair shown (rd39g, a reader of ux39 using the screens): pairs queued
meanwhile come without a key, k finds a skipped pair a merge took away and undo brought back,
a judging key says why it does nothing, and the footer offers More for a pair that comes back."""

from __future__ import annotations

import asyncio

from conftest import add_records
from dedup.helpers import TITLE, other, rec
from screening.helpers import until
from tui.helpers import settled_footer_keys, shown

from reviewkit.dedup import engine
from reviewkit.dedup.review import judge_pair
from reviewkit.dedup.undo import take_back
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen

SMALL = (80, 24)
BARE = dict(authors=[], journal="", volume="", pages="", year=None)


def _rows(app: ReviewkitApp) -> list[str]:
    """The terminal's rows as the reviewer sees them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


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
    """Two pairs a person is asked about (as tests/tui/test_keyboard_use_at_80x24.py's)."""
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
