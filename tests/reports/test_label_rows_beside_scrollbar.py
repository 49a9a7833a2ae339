"""The confirm screen's label rows are laid out for the ``#labels`` widget's own width. When
the screen is taller than the terminal it scrolls, and its scrollbar takes 2 columns: the rows,
laid out for the terminal's width less the padding, were 2 columns too wide, and Textual wrapped
them again (at 32x30 each score alone on a row under its label; at 80 columns a row of evidence
beside a name or under it wrapped its last word, with a scheme of nine labels)."""

from __future__ import annotations

import asyncio

from reports.conftest import TEST_PROTOCOL, store_records
from rich.cells import cell_len

from reviewkit import classify, screening
from reviewkit.project import init_project
from reviewkit.records import AbstractSection, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen
from reviewkit.tui.record_view import RecordView

# nine labels (the most the number keys hold) and the none answer: the rows and their evidence
# take more than 24 rows, so at 80x24 the screen scrolls
NINE = """
[schemes.focus]
name = "Focus"
threshold = 1.0
""" + "".join(
    f'\n[[schemes.focus.labels]]\nid = "{lab}"\nname = "{name}"\nterms = {terms}\n'
    for lab, name, terms in (
        ("dep", "Depression and other common mental disorders", '["depress*", "common mental"]'),
        ("anx", "Anxiety", '["anxiety", "stress"]'),
        ("back", "Back pain", '["back pain"]'),
        ("msk", "Musculoskeletal pain", '["musculoskeletal"]'),
        ("emp", "The employer", '["employer*", "dialogue meeting*"]'),
        ("work", "The workplace", '["workplace", "sick leave", "return to work"]'),
        ("coord", "A return-to-work coordinator", '["coordinator*", "return-to-work"]'),
        ("ips", "Individual placement and support", '["employment specialist*", "IPS"]'),
        ("team", "The mental health team", '["mental health team", "randomised trial"]'),
    )
)
STUDIES = [
    Record(
        title="Individual placement and support for sick-listed people with depression",
        abstract_sections=[
            AbstractSection("OBJECTIVE", "To test IPS for common mental disorders and stress."),
            AbstractSection(
                "METHODS",
                "A randomised trial. An employment specialist joined the mental health team,"
                " with dialogue meetings at the workplace and a return-to-work coordinator.",
            ),
            AbstractSection("RESULTS", "More returned to work; sick leave was shorter."),
        ],
        year=2017,
    ),
    Record(
        title="Dialogue meetings with the employer for workers with back pain and anxiety",
        abstract_sections=[
            AbstractSection("", "Meetings at the workplace for musculoskeletal pain and stress.")
        ],
        year=2020,
    ),
]


def _rows(project, scheme: str, ids: list[int], size) -> list[tuple[list[str], list[str], int]]:  # noqa: ANN001
    """Each study's label rows as the widget draws them, as the screen laid them out (a row
    wrapped again is two drawn rows), and the widget's content width when the screen scrolls
    (0 when it does not)."""
    said: list[tuple[list[str], list[str], int]] = []

    async def go() -> None:
        app = ReviewkitApp(ConfirmScreen(project, scheme, ids, "ann"), keymap={})
        async with app.run_test(size=size) as pilot:
            for _ in ids:
                await pilot.pause()
                labels = app.screen.query_one("#labels")
                drawn = [labels.render_line(y).text.rstrip() for y in range(labels.size.height)]
                scrolls = app.screen.max_scroll_y > 0
                width = labels.content_size.width if scrolls else 0
                said.append((drawn, str(labels.content).splitlines(), width))
                await pilot.press("j")

    asyncio.run(go())
    return said


def _assert_unwrapped(rows: list[tuple[list[str], list[str], int]], size, skip: int = 0) -> None:  # noqa: ANN001
    """The screen scrolled for some study, and for each that it did, the widget is the screen's
    width less its padding and the scrollbar, and no row is wider or drawn on two rows (the
    first ``skip`` rows aside)."""
    assert any(width for *_, width in rows), (size, rows)
    for drawn, laid_out, width in rows:
        if width:
            assert width == size[0] - 4, (size, width)
            assert max(cell_len(line) for line in laid_out[skip:]) <= width, (size, laid_out)
            # each row drawn whole: none wrapped again
            assert [line for line in laid_out[skip:] if line.rstrip() not in drawn] == [], drawn


def test_the_label_rows_leave_room_for_the_screens_scrollbar(b_included):
    """Five labels at 32 and 40 columns: the screen scrolls; each row fits beside the bar."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    # 40x22: at 40x24 the screen no longer scrolls since the heading takes one row (s47)
    for size in ((32, 30), (40, 22)):
        rows = _rows(project, "model-type", ids, size)
        _assert_unwrapped(rows, size)  # the heading too: it has words for 28 columns
        firsts = [row for drawn, *_ in rows for row in drawn if row.startswith((" 1 ", " 2 "))]
        assert firsts and all(row[-1].isdigit() for row in firsts), (size, firsts)


def test_nine_labels_at_80_columns_fit_beside_the_scrollbar(tmp_path):
    path = tmp_path / "protocol.toml"
    path.write_text(TEST_PROTOCOL + NINE, encoding="utf-8")
    project = init_project(tmp_path / "project", path)
    try:
        ids = store_records(project, STUDIES, "PubMed")
        for rid in ids:
            screening.decide(
                project.db, rid, "title-abstract", "ann", "include", protocol=project.protocol
            )
        classify.classify_project(project, ids, ["focus"])
        for size in ((80, 24), (76, 24), (70, 24), (64, 24)):
            _assert_unwrapped(_rows(project, "focus", ids, size), size)
    finally:
        project.close()


def test_a_move_that_toggles_the_scrollbar_draws_the_study_once(b_included, monkeypatch):
    """A move to a study whose rows bring the screen's scrollbar (or take it away) laid the
    rows out again for the new width by drawing the whole study again, its record pane too
    (2-5 ms CPU each at 32x30): only the label rows are laid out again now."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    shown: list[int] = []
    show = RecordView.show
    monkeypatch.setattr(
        RecordView, "show", lambda view, *a, **k: (shown.append(1), show(view, *a, **k))
    )
    said: list[tuple[bool, bool, int, list[str]]] = []  # per move: scrollbar before, after

    async def go() -> None:
        app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap={})
        async with app.run_test(size=(32, 30)) as pilot:
            screen = app.screen
            for _ in range(200):  # the model trained and shown: its redraw is not a move's
                await pilot.pause(0.05)
                if not screen.trainer.busy and screen.trainer.version == screen._shown_version:
                    break
            for key in "jjkkj":
                before = app.screen.show_vertical_scrollbar
                shown.clear()
                await pilot.press(key)
                await pilot.pause()
                labels = app.screen.query_one("#labels")
                drawn = [labels.render_line(y).text.rstrip() for y in range(labels.size.height)]
                said.append((before, app.screen.show_vertical_scrollbar, len(shown), drawn))

    asyncio.run(go())
    assert any(before != after for before, after, *_ in said), said  # some move toggled it
    assert [n for *_, n, _ in said] == [1] * len(said), said
    for *_, drawn in said:  # and the rows were laid out for the new width: scores in place
        assert all(row[-1].isdigit() for row in drawn if row.startswith((" 1 ", " 2 "))), drawn
