"""The confirm screen at 80x24: the message names the label as the protocol does, and the
"…" after four evidence terms stays on the row of the last term shown."""

from __future__ import annotations

import asyncio

from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen

# 5 evidence terms, each in the title and the abstract: the row shows four, each once
WORDS = "depression and anxiety and stress and burnout and distress"


def rows(widget) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


def test_confirmed_label_is_named_and_the_ellipsis_keeps_to_its_terms(
    project_b, store, include_all
):
    record = Record(
        title=f"Sick leave with {WORDS}",
        abstract_sections=[AbstractSection("", f"Workers with {WORDS}.")],
        year=2020,
    )
    ids = store(project_b, [record], "snowballing")
    include_all(project_b, ids)
    app = ReviewkitApp(ConfirmScreen(project_b, "diagnosis", ids, "ann"), keymap={})

    async def go():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            labels = rows(app.screen.query_one("#labels"))
            mental = next(i for i, row in enumerate(labels) if "Mental disorders" in row)
            why = labels[mental + 1 :]
            assert why[0].strip().startswith("why: depress*@title, anxiety@title")
            assert all(row.strip() != "…" for row in labels)  # never a row of its own
            assert any(row.endswith("@title …") for row in why)
            assert "@abstract" not in " ".join(why)  # each term once, at its strongest place
            await pilot.press("1")
            await pilot.pause()
            message = " ".join(rows(app.screen.query_one("#message")))
            assert f"(id {ids[0]}): Mental disorders confirmed" in message
            await pilot.press("q")

    asyncio.run(go())
