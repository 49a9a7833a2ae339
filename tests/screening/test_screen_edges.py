"""What a reviewer met at the screening screen's edges: on a short terminal the exclusion
reasons take one line until e is pressed (at 80x24 the full-text stage's eight reasons, one per
row at 80 columns, took ten rows and left the record its title; after e the whole list shows,
and a taller terminal shows it always); k on the first record and j on the last say so; notes
past the box under the record are counted, not hidden; the newest one always shows, cut with
"…" when it is longer than the room left, and the line says where to read the notes whole."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import make_records
from textual.widgets import Input

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA, FT = "title-abstract", "full-text"
HINT = "Exclusion reasons 1–8: press e to see them"


def reasons_in_view(app: ReviewkitApp) -> tuple[int, str]:
    """The reasons area's height (under its border) and the text it shows."""
    widget = app.screen.query_one("#reasons")
    rows = (widget.render_line(y).text.strip() for y in range(widget.size.height))
    return widget.size.height, " ".join(row for row in rows if row and set(row) != {"─"})


def test_the_reasons_take_one_line_on_a_short_terminal_until_e(project_b):
    ids = add_records(project_b, make_records(2))
    for reviewer in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, ids[0], TA, reviewer, "include")
    queue = scr.ReviewerQueue(project_b, FT, "reviewer1")
    seen: dict[str, tuple[int, str]] = {}

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            seen["short"] = reasons_in_view(app)
            await pilot.press("e")
            await pilot.pause()
            seen["picking"] = reasons_in_view(app)
            await pilot.press("escape")
            await pilot.pause()
            seen["cancelled"] = reasons_in_view(app)
            await pilot.resize_terminal(120, 40)
            await pilot.pause()
            seen["tall"] = reasons_in_view(app)
            await pilot.resize_terminal(80, 24)
            await pilot.press("e", "3")  # the keys are those of the whole list
            await pilot.pause()
            await pilot.press("q")

    asyncio.run(go())
    assert seen["short"] == (1, HINT)
    assert seen["cancelled"] == seen["short"]
    for whole in (seen["picking"][1], seen["tall"][1]):
        assert "1 No collaboration between health and work side" in whole
        assert "8 Full text not available" in whole
    assert seen["picking"][0] == 9  # a heading and one reason per row at 80 columns
    assert seen["tall"][0] < 9  # in two columns
    assert queue.votes[ids[0]].reason == "wrong-population"


def test_k_on_the_first_record_and_j_on_the_last_say_so(project_b):
    """They moved nowhere and cleared the message line, so a key seemed lost."""
    add_records(project_b, make_records(3))
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    said: list[tuple[int | None, str]] = []

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            await pilot.press("k")
            said.append((screen.pos, screen.message))
            await pilot.press("j", "j")
            said.append((screen.pos, screen.message))
            await pilot.press("j")
            said.append((screen.pos, screen.message))
            await pilot.press("q")

    asyncio.run(go())
    assert said == [
        (0, "this is the first of your records"),
        (2, ""),
        (2, "this is the last record of your queue"),
    ]


LONG_NOTE = "on sick leave, but the employer's part is unclear: check the methods and the outcomes in the full text"  # two rows at 80 columns


def test_notes_past_the_box_are_said_not_hidden(project_b):
    """The box under the record stops at six rows: with two long notes a third one was saved
    but not shown, and nothing said so. The newest notes show, with a count of the others."""
    add_records(project_b, make_records(1))
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    boxes: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            for note in ("first " + LONG_NOTE, "second " + LONG_NOTE, "third " + LONG_NOTE):
                await pilot.press("n")
                app.screen.query_one(Input).value = note  # typed (key by key takes seconds)
                await pilot.press("enter")
                await pilot.pause()
                box = app.screen.query_one("#mine")
                rows = (box.render_line(y).text.strip() for y in range(box.size.height))
                boxes.append(" ".join(r for r in rows if r))
            await pilot.press("q")

    asyncio.run(go())
    assert boxes[1] == f"Not decided yet My note: first {LONG_NOTE} My note: second {LONG_NOTE}"
    assert boxes[2] == (  # the note just added is in view, and the one hidden is counted
        f"Not decided yet … 1 earlier note not shown (in full: reviewkit decisions export)"
        f" My note: second {LONG_NOTE}"
        f" My note: third {LONG_NOTE}"
    )


def box_after_a_note(queue: scr.ReviewerQueue, note: str) -> list[str]:
    """The rows of the box under the record after ``note`` is added with n, at 80x24."""
    rows: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(queue), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n")
            app.screen.query_one(Input).value = note
            await pilot.press("enter")
            await pilot.pause()
            box = app.screen.query_one("#mine")
            rows.extend(box.render_line(y).text.strip() for y in range(box.size.height))
            await pilot.press("q")

    asyncio.run(go())
    return [row for row in rows if row]


def test_a_note_longer_than_the_box_shows_cut_and_says_where_it_is_whole(project_b):
    """A single note longer than the six rows was not shown at all, with nothing said."""
    add_records(project_b, make_records(1))
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    rows = box_after_a_note(queue, " ".join([LONG_NOTE] * 4))  # eight rows at 80 columns
    assert rows[0] == "Not decided yet"
    assert rows[1] == "… note cut (in full: reviewkit decisions export)"
    assert rows[2].startswith("My note: on sick leave") and rows[-1].endswith("…")
    assert len(rows) == 6


def test_the_newest_note_is_not_called_earlier_under_a_long_url(project_b):
    """At full text a long URL (three rows with "Full text:") left two: the only note, the newest, was hidden and
    the box said "… 1 earlier note not shown"."""
    ids = add_records(project_b, make_records(1))
    for reviewer in ("reviewer1", "reviewer2"):
        scr.decide(project_b.db, ids[0], TA, reviewer, "include")
    scr.attach(project_b.db, ids[0], "https://example.org/" + "a" * 120 + ".pdf")
    queue = scr.ReviewerQueue(project_b, FT, "reviewer1")
    rows = box_after_a_note(queue, f"{LONG_NOTE}; again: {LONG_NOTE}")  # four rows at 80 columns
    assert "earlier" not in " ".join(rows)
    assert rows[-2] == "… note cut (in full: reviewkit decisions export)"
    assert rows[-1].startswith("My note: on sick leave") and rows[-1].endswith("…")
    assert len(rows) == 6
