"""The screening screen at 80x24 and 200x60 with the records that stretch it: a 5,000-word
abstract, right-to-left (Arabic) and CJK abstracts, a 600-character title, no abstract. The
record stays readable and whole (paged, not cut), and the keys that decide stay in the footer.
At 200 columns an abstract ran 198 columns a line; its lines now stop at the reading measure
(100 columns)."""

from __future__ import annotations

import asyncio
import random

from conftest import add_records

from reviewkit import screening as scr
from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

WORDS = [
    "sick",
    "leave",
    "return",
    "to",
    "work",
    "depression",
    "back",
    "pain",
    "employer",
    "coordinator",
    "trial",
]
ARABIC = "تهدف هذه الدراسة إلى تقييم العودة إلى العمل بعد الإجازة المرضية لدى العاملين. " * 5
CJK = "本研究旨在评估患有抑郁症的病假员工重返工作岗位的情况。我们进行了随机对照试验。" * 5
TITLE = ("Coordination of return to work between health and welfare services, " * 9)[:600]
KEYS = ("i Include", "e Exclude", "u Uncertain", "? Help", "q Quit")


def _records() -> list[Record]:
    pick = random.Random(0).choice
    long = " ".join(pick(WORDS) for _ in range(5000))
    return [
        Record(title="Five thousand words", abstract_sections=[AbstractSection("", long)]),
        Record(title="العودة إلى العمل", abstract_sections=[AbstractSection("", ARABIC)]),
        Record(title="重返工作的研究", abstract_sections=[AbstractSection("", CJK)]),
        Record(title=TITLE, abstract_sections=[AbstractSection("", "Short abstract.")]),
        Record(title="No abstract at all"),
    ]


def _screens(project, ids, size) -> list[list[str]]:
    """The screen's rows on each record, reached with g."""
    shown: list[list[str]] = []

    async def go() -> None:
        queue = scr.ReviewerQueue(project, "title-abstract", "reviewer1")
        app = ReviewkitApp(ScreeningScreen(queue, ranking=None), keymap={})
        async with app.run_test(size=size) as pilot:
            for rid in ids:
                await pilot.press("g", *str(rid), "enter")
                await pilot.pause()
                shown.append([s.text for s in app.screen._compositor.render_strips()])
            await pilot.press("q")

    asyncio.run(go())
    return shown


def _body(rows: list[str]) -> str:
    """The record pane's words, its lines joined (the rows under the two status lines)."""
    return " ".join(row.strip() for row in rows[2:]).replace(" ", "")


def test_the_edge_records_stay_whole_and_the_keys_in_view_at_80x24_and_200x60(project_b):
    ids = add_records(project_b, _records())
    for size in ((80, 24), (200, 60)):
        long, arabic, cjk, title, empty = _screens(project_b, ids, size)
        for rows in (long, arabic, cjk, title, empty):
            assert all(key in rows[-1] for key in KEYS), (size, rows[-1])
        assert any("more lines (PgDn / Space)" in row for row in long)  # paged, not cut
        assert ARABIC.replace(" ", "") in _body(arabic)  # logical order, whole
        assert CJK.replace(" ", "") in _body(cjk)
        assert TITLE.replace(" ", "") in _body(title)  # 600 characters over 8 rows, whole
        assert "Short abstract." in " ".join(title)
        assert any(row.strip() == "(no abstract)" for row in empty)


def test_a_record_s_lines_stop_at_the_reading_measure_on_a_wide_terminal(project_b):
    ids = add_records(project_b, _records()[:1])
    (rows,) = _screens(project_b, ids, (200, 60))
    text_rows = rows[6:40]  # the abstract's rows (under status, order, title, year, blank)
    assert all(len(row.rstrip()) <= 101 for row in text_rows)  # 100 and the padding
    assert max(len(row.rstrip()) for row in text_rows) > 85  # filled to it
    assert len(rows[0].rstrip()) > 0 and len(rows[-1]) == 200  # the rest spans the screen


def test_snapshot_a_600_character_title_and_a_long_abstract_at_80x24(project_b, snap_compare):
    """The title whole over eight rows, the abstract paged under it, every deciding key."""
    long = _records()[0].abstract_sections
    add_records(project_b, [Record(title=TITLE, abstract_sections=long, year=2021)])
    queue = scr.ReviewerQueue(project_b, "title-abstract", "reviewer1")
    app = ReviewkitApp(ScreeningScreen(queue, ranking=None), keymap={})
    assert snap_compare(app, terminal_size=(80, 24))
