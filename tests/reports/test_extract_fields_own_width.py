"""The extraction screen's field rows are laid out for the ``#fields`` box's own width, as the
confirm screen's label rows are for ``#labels``' (:mod:`reviewkit.tui.sized_view`). Laid out for
the terminal's width less the padding, and never narrower than 40 columns, the rows were wider
than the box of a split terminal and Textual wrapped them again: a cut value's source went on a
row of its own; and the heading, one row in the room counted, took two below 64 columns, so the
last field's row went under the box's edge."""

from __future__ import annotations

import asyncio

import pytest
from rich.cells import cell_len

from reviewkit import extract
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.extract import ExtractScreen

LONG = (
    "Individual placement and support with an employment specialist in the mental health"
    " team, weekly contact with the employer and the caseworker for six months"
)


def rows(widget) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


@pytest.mark.parametrize("size", [(40, 16), (44, 20), (56, 20)])
def test_field_rows_fit_the_box_of_a_narrow_terminal(b_included, size):
    project, ids = b_included
    extract.prefill(project, ids)
    extract.set_value(project, ids[0], "intervention", " ".join([LONG] * 3), "ann")

    async def scenario() -> None:
        app = ReviewkitApp(ExtractScreen(project, [ids[0]], "ann"), keymap={})
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            box = app.screen.query_one("#fields")
            laid_out = app.screen.fields_text(ids[0]).plain.splitlines()
            assert max(cell_len(row) for row in laid_out) <= box.content_size.width
            shown = rows(box)
            assert shown == [row.rstrip() for row in laid_out][: len(shown)]  # not wrapped again
            assert shown[0].startswith("Fields (")  # the heading: one row
            cut = next(row for row in shown if "…" in row)
            assert cut.endswith("[by ann]")  # a cut value keeps its source on its row
            if len(laid_out) <= box.size.height:  # the room for every field: all on screen
                assert any(row.startswith(" 5 Effect") for row in shown), shown
            await pilot.press("q")

    asyncio.run(scenario())
