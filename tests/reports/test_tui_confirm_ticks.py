"""Multi-label `confirm`: what the reviewer sees ticked is kept. A tick not yet saved with
Enter was dropped without a word when the reviewer quit or moved on (q, j, k, Tab), while every
key of the other screens is saved when pressed. The none answer (0) and a label cannot both be
ticked, and the footer names what 0 does."""

from __future__ import annotations

import asyncio

from textual.widgets import Static
from tui.helpers import settled_footer

from reviewkit import classify
from reviewkit.classify.studies import confirmed_rows
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen

SCHEME = "severe-mental-illness"  # Review B's multi-label scheme: one label, smi, and none


def _run(project, ids, *keys: str, size=(120, 40)) -> tuple[ConfirmScreen, str]:
    """Press ``keys`` on the screen; (the screen, its message line before the last key)."""
    screen = ConfirmScreen(project, SCHEME, ids, "ann")
    said = []

    async def go() -> None:
        async with ReviewkitApp(screen, keymap={}).run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                said.append(str(screen.query_one("#message", Static).render()))
                await pilot.press(key)
                await pilot.pause()

    asyncio.run(go())
    return screen, said[-1]


def test_a_tick_is_saved_when_the_reviewer_quits(b_included):
    project, ids = b_included
    screen, _said = _run(project, ids, "1", "q")
    assert classify.confirmed_labels(project, SCHEME) == {ids[0]: ["smi"]}
    assert screen.quit_line().startswith("ann at Severe mental illness (flag): confirmed 1 of 3;")
    assert "every label is saved" in screen.quit_line()


def test_a_tick_is_saved_when_the_reviewer_moves_on_and_the_message_says_so(b_included):
    project, ids = b_included
    screen, said = _run(project, ids, "1", "j", "k", "tab", "0", "j", "q")
    assert said == f"study 2 (id {ids[1]}): None of these confirmed"
    assert classify.confirmed_labels(project, SCHEME) == {ids[0]: ["smi"], ids[1]: ["none"]}
    _screen, said = _run(project, ids, "1", "tab", "q")  # the third study, the last one open
    assert said == (
        f"study 3 (id {ids[2]}): Severe mental illness confirmed;"
        " every study here has a confirmed label"
    )


def test_none_of_these_and_a_label_are_never_ticked_together(b_included):
    project, ids = b_included
    screen, _said = _run(project, ids, "1", "0", "enter")
    assert classify.confirmed_labels(project, SCHEME) == {ids[0]: ["none"]}
    _run(project, ids[1:], "0", "1", "enter")
    assert classify.confirmed_labels(project, SCHEME)[ids[1]] == ["smi"]
    _run(project, ids[2:], "1", "1", "q")  # ticked and unticked: nothing to keep
    assert ids[2] not in classify.confirmed_labels(project, SCHEME)


def test_quitting_without_the_screen_s_keys_says_the_ticks_were_not_saved(b_included):
    """ctrl+q, the app's own quit, leaves without the screen's keys (as it does with keys kept
    while the database is busy): the line printed after says so, not 'every label is saved'."""
    project, ids = b_included
    screen, _said = _run(project, ids, "1", "ctrl+q")
    assert classify.confirmed_labels(project, SCHEME) == {}
    assert f"the labels ticked on study 1 (id {ids[0]}) were not saved" in screen.quit_line()


def test_the_footer_says_the_number_keys_tick_and_what_0_does_at_80_columns(b_included):
    project, ids = b_included
    shown = []

    async def go(scheme: str, keymap: dict[str, str]) -> None:
        app = ReviewkitApp(ConfirmScreen(project, scheme, ids, "ann"), keymap=keymap)
        async with app.run_test(size=(80, 24)) as pilot:
            keys = await settled_footer(pilot)
            shown.append([(k.key_display, k.description) for k in keys if k.region.right <= 80])
            await pilot.press("q")

    asyncio.run(go(SCHEME, {}))
    asyncio.run(go(SCHEME, {"classify.none": "n"}))
    asyncio.run(go("model-type", {}))  # one label a study: a number key confirms
    multi, moved, single = shown
    # as many keys as labels (it said 1–9: the keys past them only said "no label")
    assert len(project.protocol.scheme(SCHEME).labels) == 1
    assert multi[0] == ("1", "Tick, 0 none")
    assert {"Accept", "Help", "Quit", "Next", "Prev"} <= {d for _, d in multi}
    assert moved[0] == ("1", "Tick, n none")
    assert single[0] == (f"1–{len(project.protocol.scheme('model-type').labels)}", "Choose a label")


def test_a_study_s_confirmed_labels_start_ticked_and_leaving_unchanged_keeps_them(b_included):
    """A study confirmed already shows its labels ticked ([x]): leaving it without a change
    keeps them (and says nothing), and a change is made on what the reviewer sees. Nothing
    started ticked before, so ticking none of these on a study confirmed as smi, then leaving,
    replaced smi with none without a word of smi on the screen."""
    project, ids = b_included
    classify.confirm(project, ids[0], SCHEME, ["smi"], "bob")
    rows = []

    async def go() -> None:
        screen = ConfirmScreen(project, SCHEME, ids, "ann")
        async with ReviewkitApp(screen, keymap={}).run_test(size=(120, 40)) as pilot:
            await pilot.press("k")  # the screen opens on study 2, the first unconfirmed
            await pilot.pause()
            rows.append(str(screen.query_one("#labels", Static).render()))
            await pilot.press("q")

    asyncio.run(go())
    assert "[x] Severe mental illness" in rows[0]
    _screen, said = _run(project, ids, "k", "j", "q")
    assert said == ""  # leaving study 1 unchanged confirmed nothing
    assert confirmed_rows(project.db, SCHEME, [ids[0]])[ids[0]] == [("smi", "bob")]  # not ann's
    assert "every label is saved" in _run(project, ids, "k", "ctrl+q")[0].quit_line()
    _screen, said = _run(project, ids, "k", "1", "j", "q")  # unticked: smi is kept, and said
    assert said == f"study 1 (id {ids[0]}): nothing ticked, Severe mental illness kept (0 is none)"
    assert classify.confirmed_labels(project, SCHEME)[ids[0]] == ["smi"]
    _run(project, ids, "k", "0", "j")  # none of these replaces the ticked label, as seen
    assert classify.confirmed_labels(project, SCHEME)[ids[0]] == ["none"]
