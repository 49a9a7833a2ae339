"""The record pane breaks its lines at word ends: Rich folded a word longer than the pane at
the row's edge, whatever its letters ('vocational-rehabilitation-pr' | 'ogrammes', a DOI's
link cut anywhere), on a split terminal. A long word breaks after its hyphens and slashes first
(reviewkit.tui.word_breaks), mid-word only where no piece of it fits a row; a word that fits a
row alone is never broken."""

from __future__ import annotations

import asyncio
import re

from conftest import add_records
from tui.helpers import TA

from reviewkit import screening as scr
from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.record_view import RecordView
from reviewkit.tui.screening import ScreeningScreen

LONG = Record(
    title="Workplace-centred vocational-rehabilitation-programmes for sick-listed employees",
    abstract_sections=[
        AbstractSection(
            "METHODS",
            "Protocol at https://doi.org/10.1016/j.jpsychores.2019.109784 (registered);"
            " rehabilitation of pneumonoultramicroscopicsilicovolcanoconiosis and"
            " return-to-work-focused care.",
        )
    ],
    year=2021,
)
BREAKS = "-/"  # where the words above may break (the break points word_breaks knows)


def _pane_rows(project, widths: list[int]) -> dict[int, tuple[int, list[str]]]:  # noqa: ANN001
    """The record pane's rows at each terminal width (a tall terminal: the whole record in
    view), with the pane's content width."""
    queue = scr.ReviewerQueue(project, TA, "maria")
    app = ReviewkitApp(ScreeningScreen(queue), keymap={})
    rows: dict[int, tuple[int, list[str]]] = {}

    async def go() -> None:
        async with app.run_test(size=(widths[0], 60)) as pilot:
            for width in widths:
                await pilot.resize_terminal(width, 60)
                for _ in range(3):
                    await pilot.pause()
                view = app.screen.query_one(RecordView)
                drawn = [view.render_line(y).text.strip() for y in range(view.size.height)]
                rows[width] = (view.content_size.width, [row for row in drawn if row])
            await pilot.press("q")

    asyncio.run(go())
    return rows


def _broken_words(rows: list[str], words: set[str]) -> list[tuple[str, int, str]]:
    """Each word of ``words`` drawn across two rows: its piece that ends a row, where in the
    word that piece starts, and the word."""
    broken = []
    for row, below in zip(rows, rows[1:], strict=False):
        end, start = row.split()[-1], below.split()[0]
        for word in words:
            at = word.find(end + start)
            if at >= 0 and (at or end not in words):  # not two words that a space divides
                broken.append((end, at, word))
    return broken


def test_the_record_pane_breaks_a_long_word_at_its_hyphens_and_slashes(team):
    project, ids = team
    for rid in ids:  # the record under test is the one left to screen
        scr.decide(project.db, rid, TA, "maria", "include")
    add_records(project, [LONG])
    words = set(f"{LONG.title} {LONG.abstract_sections[0].text}".split())
    for width, (pane, rows) in _pane_rows(project, list(range(24, 64, 4))).items():
        assert pane == width - 2 and max(len(row) for row in rows) <= pane, (width, rows)
        for word in words:  # a word that fits a row is drawn whole on one
            assert len(word) > pane or any(word in row for row in rows), (width, word, rows)
        for end, at, word in _broken_words(rows, words):
            # broken after a hyphen or a slash, or (none in the row's reach) at the row's edge
            points = [m.end() for m in re.finditer(f"[{re.escape(BREAKS)}]", word)]
            reach = [p for p in points if at < p <= at + pane and p < len(word)]
            assert end[-1] in BREAKS or not reach, (width, end, word, rows)
            assert len(word) > pane, (width, word, rows)  # broken only when it cannot fit
