"""Walked in tmux (tui43): on the confirm screen the footer named `m Accept model` as a key that
works while no model suggestion (M) was shown, and pressed it said "it needs more confirmed
studies and must beat the rules" also to a lead with 45 confirmed studies whose model tied the
rules at 100%. The key is greyed while the study shown has no M, and says the reason that holds."""

from __future__ import annotations

import asyncio

from tui.helpers import settled_footer_keys, settled_message

from reviewkit import classify
from reviewkit.records import Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen


def test_m_is_greyed_and_says_why_with_no_model_yet(b_included) -> None:
    project, ids = b_included

    async def go() -> None:
        app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.screen.trainer.wait(timeout=60)  # nothing confirmed: no model
            await pilot.press("j", "k")  # redraw now rather than at the next poll
            footer = await settled_footer_keys(pilot)
            assert footer["Accept model"] is False
            assert footer["Accept"] is True
            await pilot.press("m")
            expected = "Accept model: no model yet: it needs more confirmed studies"
            assert await settled_message(pilot, expected) == expected
            await pilot.press("q")

    asyncio.run(go())
    assert classify.confirmed_labels(project, "model-type") == {}


def test_a_model_that_ties_the_rules_is_named_so(project_b, store, include_all) -> None:
    # the rules name these two models from their titles; confirmed as the rules say, the model
    # learns them as well and ties the rules, which no more confirmed studies change
    recs = [
        Record(title=f"{name}: a trial at site {i}")
        for i in range(4)
        for name in ("Individual placement and support", "A multidisciplinary team assessment")
    ]
    ids = store(project_b, recs, "test")
    include_all(project_b, ids)
    labels = ["job-specialist", "multidisciplinary-team"] * 4
    for rid, lab in zip(ids[:6], labels, strict=False):
        classify.confirm(project_b, rid, "model-type", [lab], "ann")

    async def go() -> None:
        app = ReviewkitApp(ConfirmScreen(project_b, "model-type", ids, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert screen.trainer.wait(timeout=60)
            await pilot.press("j", "k")
            footer = await settled_footer_keys(pilot)
            model = screen.trainer.latest
            assert model is not None and not model.beats_rules
            assert footer["Accept model"] is False
            await pilot.press("m")
            expected = (
                "Accept model: no M: the model (100% cross-validated) does not beat the rules"
                " (100%) on the confirmed studies"
            )
            assert await settled_message(pilot, expected) == expected
            await pilot.press("q")

    asyncio.run(go())
    assert ids[6] not in classify.confirmed_labels(project_b, "model-type")
