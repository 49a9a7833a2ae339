"""A part of the status line dropped for want of room leaves a '…' where it was, at every
width: at some widths a part had gone bare ('remaining 10 · decided 0 · title-abstract · you'
at 47-50 columns, the place gone; 'remaining 10 · title-a… · you', 'title-abstract · you'),
and the line read as the whole of it (reviewkit.tui.status_line)."""

from __future__ import annotations

import asyncio

from tui.helpers import TA

from reviewkit import screening as scr
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen
from reviewkit.tui.status_line import SEP, Part, fitted

# each screen's parts (most important first; a place as its forms, whole first), short and long
LINES: dict[str, tuple[Part, ...]] = {
    "screening": ("remaining 10", "decided 0", ("record 49 (1 of 10)", "record 49"), TA, "you"),
    "screening, large": (
        "remaining 12345",
        "decided 6789",
        ("record 104521 (6790 of 19134)", "record 104521"),
        "full-text",
        "Maria Fernández-López",
    ),
    "conflicts": (
        "open 3",
        "resolved 1234",
        ("conflict 17 of 120 (record 4521)", "conflict 17 (record 4521)", "conflict 17"),
        TA,
        "sara",
    ),
    "extraction": (
        "filled in 0 of 2",
        ("study 1 of 2 (id 1)", "study 1 of 2"),
        "extraction",
        "ann",
    ),
    "confirm": (
        "confirmed 3 of 6",
        ("study 2 (id 44)", "study 2"),
        "Severe mental illness (SMI) scheme",
        "ann",
    ),
    "dedup": ("12 in queue", "3 decided", "pair 41–97", "score 0.93", "dedup review", "maria"),
}


def _unmarked(parts: tuple[Part, ...], line: str) -> list[str]:
    """The parts left out of ``line`` with no '…' where they were (a mark standing for no
    part is one too), the line read piece by piece in the parts' order."""
    pieces = line.split(SEP)
    wrong: list[str] = []
    i, marked = 0, 0  # the piece read next; the parts under the mark just read
    for part in parts:
        forms = (part,) if isinstance(part, str) else part
        if i < len(pieces) and pieces[i] == "…":
            i, marked = i + 1, 0
        elif i and pieces[i - 1] != "…":
            marked = -1  # no mark before this part
        piece = pieces[i] if i < len(pieces) else ""
        cut = piece.endswith("…") and piece != "…" and forms[0].startswith(piece[:-1])
        if piece in forms or cut:  # shown, in one of its forms (the stage or reviewer cut)
            if i and pieces[i - 1] == "…" and marked == 0:
                wrong.append(f"a '…' before {piece!r} for nothing")
            i, marked = i + 1, -1
        elif marked >= 0:
            marked += 1  # dropped, under the mark
        else:
            wrong.append(forms[0])
    return wrong + [f"{p!r} unread" for p in pieces[i:]]


def test_a_dropped_part_leaves_a_mark_at_every_width():
    for name, parts in LINES.items():
        for columns in range(30, 121):
            line = fitted(parts, columns)
            assert len(line) <= columns, (name, columns, line)
            assert _unmarked(parts, line) == [], (name, columns, line)


def test_the_screening_status_line_marks_what_it_leaves_out_at_every_width(team):
    """Through the app: the screening screen's line drawn at each terminal width from 30 to 120
    columns."""
    project, _ = team
    queue = scr.ReviewerQueue(project, TA, "maria")
    app = ReviewkitApp(ScreeningScreen(queue), keymap={})
    drawn: dict[int, str] = {}

    async def go() -> None:
        async with app.run_test(size=(120, 20)) as pilot:
            for columns in range(30, 121):
                await pilot.resize_terminal(columns, 20)
                for _ in range(3):
                    await pilot.pause()
                drawn[columns] = app.screen.query_one("#status").render_line(0).text.strip()
            await pilot.press("q")

    asyncio.run(go())
    record = queue.studies[0]
    parts = ("remaining 3", "decided 0", (f"record {record} (1 of 3)", f"record {record}"))
    wrong = {c: line for c, line in drawn.items() if _unmarked((*parts, TA, "maria"), line)}
    assert wrong == {}, wrong
    assert drawn[120] == f"remaining 3 · decided 0 · record {record} (1 of 3) · {TA} · maria"
