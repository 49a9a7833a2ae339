"""`confirm` on a study another reviewer confirmed: a confirmation is one reviewer's word (the
newest replaces the one before; README, "Confirming labels"). The screen says whose it holds and
that Enter keeps it; Enter stores nothing. Before, a second reviewer's Enter stored the ticked
labels again under their own name without their having changed anything (a multi-label study
opens ticked with the confirmed labels), and in a single-label scheme put the rules' suggestion
in place of the confirmed label."""

from __future__ import annotations

import asyncio

from textual.widgets import Static

from reviewkit import classify
from reviewkit.classify.studies import confirmed_rows
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen


def _press(project, scheme, ids, *keys, size=(120, 40)) -> tuple[str, str]:
    """Open the screen on the first study (k: it opens on the first unconfirmed one), press
    ``keys``; (the label rows before the keys, the message line after them)."""
    screen = ConfirmScreen(project, scheme, ids, "ann")
    seen = []

    async def go() -> None:
        async with ReviewkitApp(screen, keymap={}).run_test(size=size) as pilot:
            await pilot.press("k", "k")
            await pilot.pause()
            seen.append(str(screen.query_one("#labels", Static).render()))
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            seen.append(str(screen.query_one("#message", Static).render()))
            await pilot.press("q")

    asyncio.run(go())
    return seen[0], seen[1]


def test_enter_keeps_another_reviewer_s_ticked_labels_and_names_them(b_included):
    project, ids = b_included
    scheme = "severe-mental-illness"  # multi-label
    classify.confirm(project, ids[0], scheme, ["smi"], "bob")
    rows, said = _press(project, scheme, ids, "enter")
    assert "✓ confirmed by bob: Enter keeps it and goes on, storing nothing" in rows
    assert said == f"study 1 (id {ids[0]}): Severe mental illness kept, confirmed by bob"
    assert confirmed_rows(project.db, scheme, [ids[0]])[ids[0]] == [("smi", "bob")]


def test_a_changed_tick_then_enter_is_the_second_reviewer_s_own_answer(b_included):
    project, ids = b_included
    scheme = "severe-mental-illness"
    classify.confirm(project, ids[0], scheme, ["smi"], "bob")
    _rows, said = _press(project, scheme, ids, "0", "enter")
    assert said.startswith(f"study 1 (id {ids[0]}): None of these confirmed")
    assert confirmed_rows(project.db, scheme, [ids[0]])[ids[0]] == [("none", "ann")]


def test_enter_in_a_single_label_scheme_keeps_the_confirmed_label_not_the_rules(b_included):
    project, ids = b_included
    scheme = "model-type"
    rules = classify.StudyRules(project, project.protocol.scheme(scheme)).of(ids[0])[1]
    other = next(
        lab.id
        for lab in project.protocol.scheme(scheme).labels
        if lab.id not in {s.label for s in rules}
    )
    classify.confirm(project, ids[0], scheme, [other], "bob")
    rows, said = _press(project, scheme, ids, "enter", "j")  # on, then past the next study
    assert "✓ confirmed by bob" in rows and "a label's key" in rows
    assert said.endswith("kept, confirmed by bob")
    assert classify.confirmed_labels(project, scheme) == {ids[0]: [other]}  # nothing else


def test_the_line_names_you_and_fits_80_columns(b_included):
    project, ids = b_included
    scheme = "severe-mental-illness"
    classify.confirm(project, ids[0], scheme, ["smi"], "ann")
    rows, _said = _press(project, scheme, ids, size=(80, 24))
    line = next(r for r in rows.splitlines() if r.startswith("✓"))
    assert line == "✓ confirmed by you (ann): Enter keeps it; change the ticks to give yours"


def test_the_line_says_what_enter_does_once_the_ticks_changed(b_included):
    """After the reviewer changed the ticks Enter stores them in the confirmation's place: the
    line went on saying 'Enter keeps it and goes on, storing nothing'."""
    project, ids = b_included
    scheme = "severe-mental-illness"
    classify.confirm(project, ids[0], scheme, ["smi"], "bob")
    screen = ConfirmScreen(project, scheme, ids, "ann")
    seen = []

    async def go() -> None:
        async with ReviewkitApp(screen, keymap={}).run_test(size=(120, 40)) as pilot:
            await pilot.press("k", "k", "0")
            await pilot.pause()
            seen.append(str(screen.query_one("#labels", Static).render()))
            await pilot.press("0")  # unticked again: as confirmed, Enter keeps it
            await pilot.pause()
            seen.append(str(screen.query_one("#labels", Static).render()))
            await pilot.press("ctrl+q")

    asyncio.run(go())
    changed = next(r for r in seen[0].splitlines() if r.startswith("✓"))
    assert changed == "✓ confirmed by bob: Enter stores your ticks in its place, as your own answer"
    assert "Enter keeps it and goes on, storing nothing" in seen[1]
