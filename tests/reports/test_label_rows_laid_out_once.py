"""A move on the confirm screen lays its label rows out once. A move to a study whose rows
bring the screen's scrollbar (or take it away) laid them out for the width the ``#labels`` box
had, then, the scrollbar come or gone, again for its new width (two layouts a move, the first
drawn for a frame at the wrong width): the rows are laid out for the width the box will have."""

from __future__ import annotations

import asyncio

from screening.helpers import until

from reviewkit import classify
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen
from reviewkit.tui.sized_view import SizedView


def test_a_move_that_toggles_the_scrollbar_lays_the_label_rows_out_once(b_included, monkeypatch):
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    laid_out: list[int] = []
    update = SizedView.update

    def counted(box: SizedView, *a, **k) -> None:  # noqa: ANN002, ANN003
        laid_out.append(1)
        update(box, *a, **k)

    monkeypatch.setattr(SizedView, "update", counted)  # #labels: the confirm screen's only one
    said: list[tuple[bool, bool, int, list[str]]] = []  # per move: scrollbar before, after

    async def go() -> None:
        app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap={})
        async with app.run_test(size=(32, 30)) as pilot:
            screen, trainer = app.screen, app.screen.trainer
            # the model trained and shown before the first move, so that its redraw is not
            # counted as a move's layout: the trainer's own finish is waited for (a loaded
            # machine's fit may take any time), then the screen's redraw of its model
            assert await asyncio.to_thread(trainer.wait, 600), "the trainer never finished"
            await until(pilot, lambda: screen._shown_version == trainer.version, "the model shown")
            for key in "jjkkj":
                before = screen.show_vertical_scrollbar
                laid_out.clear()
                await pilot.press(key)
                for _ in range(3):  # a second layout, for a new width, comes a refresh later
                    await pilot.pause()
                labels = screen.query_one("#labels")
                drawn = [labels.render_line(y).text.rstrip() for y in range(labels.size.height)]
                said.append((before, screen.show_vertical_scrollbar, len(laid_out), drawn))

    asyncio.run(go())
    assert any(before != after for before, after, *_ in said), said  # some move toggled it
    assert [n for *_, n, _ in said] == [1] * len(said), said
    for *_, drawn in said:  # laid out for the width the box has: each score on its row
        assert all(row[-1].isdigit() for row in drawn if row.startswith((" 1 ", " 2 "))), drawn
