"""Lines of a split terminal's narrow panes, in words that fit: the confirm screen's title over
a single-label scheme's rows (30 characters, cut below 34 columns) and the record pane's last
line, "… N more lines (PgDn / Space)" (30 characters, cut in a pane of 28 columns)."""

from __future__ import annotations

import asyncio
import html
import re

import pytest
from rich.cells import cell_len

from reviewkit import classify
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen
from reviewkit.tui.extract import ExtractScreen
from reviewkit.tui.record_view import RecordView


def _screen_text(app: ReviewkitApp) -> str:
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


@pytest.mark.parametrize(
    ("width", "said"), [(34, "Labels (a number key confirms)"), (30, "Labels (a key confirms)")]
)
def test_a_single_label_title_fits_a_narrow_screen(b_included, width, said):
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    shown: dict[str, str] = {}

    async def go() -> None:
        app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap={})
        async with app.run_test(size=(width, 40)) as pilot:
            await pilot.pause()
            shown["title"] = str(app.screen.query_one("#labels").border_title)
            shown["screen"] = _screen_text(app)
            await pilot.press("q")

    asyncio.run(go())
    assert shown["title"] == said
    assert said in shown["screen"]  # drawn whole on the border, not cut


@pytest.mark.parametrize(
    ("width", "said"), [(32, r"more lines \(PgDn / Space\)"), (30, r"more \(PgDn\)")]
)
def test_the_record_pane_says_what_is_left_in_words_that_fit(b_included, width, said):
    project, ids = b_included
    last: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(ExtractScreen(project, ids, "ann"), keymap={})
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            pane = app.screen.query_one(RecordView)
            rows = [pane.render_line(y).text.rstrip() for y in range(pane.size.height)]
            last.append(rows[-1].strip())
            last.append(str(pane.content_size.width))
            await pilot.press("q")

    asyncio.run(go())
    line, room = last
    assert re.fullmatch(rf"… \d+ {said}", line), line
    assert cell_len(line) <= int(room)
