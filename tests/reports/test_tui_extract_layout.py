"""The extraction screen at 80x24: an open field prompt has no stale message beside it, and a
long value wraps under its field's name (a hanging indent), not under the number keys."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Footer, Input

from reviewkit import extract
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.extract import ExtractScreen
from reviewkit.tui.widgets import TextPrompt

LONG = (
    "Individual placement and support with an employment specialist in the mental health"
    " team, weekly contact with the employer and the caseworker for six months"
)


def rows(widget) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


def test_prompt_clears_the_message_and_values_hang_under_their_names(b_included):
    project, ids = b_included
    extract.prefill(project, ids)

    async def scenario() -> None:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            await pilot.press("2")  # the intervention: a long value
            app.screen.query_one(Input).value = LONG
            await pilot.press("enter")
            await pilot.pause()
            assert "saved: Intervention" in rows(screen.query_one("#message"))[0]
            await pilot.press("3")  # the population's prompt opens
            await pilot.pause()
            assert isinstance(app.screen, TextPrompt)
            assert "".join(rows(screen.query_one("#message"))).strip() == ""
            await pilot.press("escape")
            await pilot.pause()
            fields = rows(screen.query_one("#fields"))
            first = next(i for i, row in enumerate(fields) if row.startswith(" 2 Intervention"))
            after = next(i for i, row in enumerate(fields) if row.startswith(" 3 Population"))
            wrapped = fields[first + 1 : after]  # the value's later rows: under the name
            assert wrapped and all(r.startswith("   ") and r[3] != " " for r in wrapped)
            assert "for six months" in wrapped[-1]
            await pilot.press("q")

    asyncio.run(scenario())


def test_every_field_shows_at_80x24_however_long_a_value(b_included):
    """A prefilled value of ten rows (a whole METHODS section) took the field box's half of the
    screen and hid the fields under it: at 80x24 Review B's Population, Design and Effect were
    not on screen, and their keys edited fields nobody could see. A long value is cut with '…',
    keeping its source, and its key's prompt holds it whole."""
    project, ids = b_included
    whole = " ".join([LONG] * 6)  # about twelve rows at 80 columns
    extract.set_value(project, ids[0], "intervention", whole, "ann")
    extract.set_value(project, ids[0], "effect", whole, "ann")

    async def scenario() -> None:
        app = ReviewkitApp(ExtractScreen(project, [ids[0]], "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            box = app.screen.query_one("#fields")
            fields = rows(box)
            laid_out = app.screen.fields_text(ids[0]).plain.splitlines()
            assert len(laid_out) <= box.size.height  # every row laid out is in the box
            for n, name in enumerate(("Country", "Intervention", "Population", "Design"), 1):
                assert any(row.startswith(f" {n} {name}") for row in fields), (name, fields)
            assert any(row.startswith(" 5 Effect") for row in fields), fields
            cut = [row for row in fields if "…" in row]
            assert len(cut) == 2 and all(row.endswith("[by ann]") for row in cut), fields
            await pilot.press("2")
            await pilot.pause()
            assert app.screen.query_one(Input).value == whole  # the prompt has it whole
            await pilot.press("escape")
            await pilot.press("q")

    asyncio.run(scenario())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_long_values_fill_the_field_box_to_its_last_row(b_included, size):
    """The rows the field rows may take (``_field_room``) are the box's: #fields' max-height of
    50% is of the height the footer leaves, so at 80x24 the box has 11 rows (its border, the
    heading and 9 field rows), at 120x40 19. Laid out for more, a cut value's last row, its
    '…' and source, was hidden under the box's edge; for fewer, a row stood empty."""
    project, ids = b_included
    whole = " ".join([LONG] * 6)
    for field in ("intervention", "population", "design", "effect"):
        extract.set_value(project, ids[0], field, whole, "ann")

    async def scenario() -> None:
        app = ReviewkitApp(ExtractScreen(project, [ids[0]], "ann"), keymap={})
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            box = app.screen.query_one("#fields")
            free = size[1] - app.screen.query_one(Footer).outer_size.height
            assert box.outer_size.height == free // 2  # 50% of what the footer leaves
            laid_out = app.screen.fields_text(ids[0]).plain.splitlines()
            assert len(laid_out) == box.size.height  # heading and field rows: the box, full
            assert rows(box)[-1].rstrip().endswith("[by ann]")  # the last cut value's end shows
            await pilot.press("q")

    asyncio.run(scenario())
