"""The record pane keeps the reader's place across a resize: it kept the line number, and the
lines wrap anew at another width, so a reader some pages into an abstract who narrowed the
terminal from 60 columns to 40 saw other text (the abstract's start). The first word shown
before a resize is on screen after it."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import until
from tui.helpers import TA

from reviewkit import screening as scr
from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.record_view import RecordView
from reviewkit.tui.screening import ScreeningScreen

# every word its own (w17, w17x …: words of 2 to 9 letters, so each width wraps differently),
# so the word at the pane's top is found again only where the reader was
WORDS = [f"w{n}" + "x" * (n * 5 % 7) for n in range(600)]
LONG = Record(
    title="Infections in the workplace: a long abstract",
    abstract_sections=[AbstractSection("RESULTS", " ".join(WORDS))],
    year=2020,
)


def _rows(view: RecordView) -> list[str]:
    return [view.render_line(y).text.strip() for y in range(view.size.height)]


def _top_word(view: RecordView) -> str:
    """The first of the abstract's words on the pane's top row."""
    return next(w for w in _rows(view)[0].split() if w in WORDS)


def test_the_record_pane_shows_the_same_words_after_a_resize(team):
    project, ids = team
    for rid in ids:  # the record under test is the one left to screen
        scr.decide(project.db, rid, TA, "maria", "include")
    add_records(project, [LONG])
    queue = scr.ReviewerQueue(project, TA, "maria")
    app = ReviewkitApp(ScreeningScreen(queue), keymap={})
    seen: list[tuple[int, str, list[str]]] = []

    async def go() -> None:
        async with app.run_test(size=(60, 20)) as pilot:
            view = app.screen.query_one(RecordView)
            await until(pilot, lambda: any("w0" in r.split() for r in _rows(view)), "the record")
            await pilot.press("space", "space", "space")
            await until(pilot, lambda: view.line_offset > 0 and _rows(view)[0], "a page down")
            for width in (40, 80, 28, 60):
                word = _top_word(view)
                await pilot.resize_terminal(width, 20)
                await until(pilot, lambda w=width: view.content_size.width == w - 2, "resized")
                for _ in range(3):
                    await pilot.pause()
                rows = _rows(view)
                seen.append((width, word, rows))
                assert any(word in row.split() for row in rows), (width, word, rows)
            await pilot.press("q")

    asyncio.run(go())
    assert len(seen) == 4
    assert all(WORDS.index(word) > 60 for _, word, _ in seen), seen  # well into the abstract
