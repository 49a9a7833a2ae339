"""The confirm screen on a split terminal (44-62 columns). A multi-label scheme's title on the
border over the labels was cut below 47 columns (its shortest words took 43 and the border
leaves four), and each label's name was padded to 42 columns whatever the width, which pushed
its rule score onto a row of its own below 62 columns: the title has shorter words now, and
the names are padded to the room the row has beside the score."""

from __future__ import annotations

import asyncio
import html
import re

from reviewkit import classify
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen

SCORE = re.compile(r" \d+(\.\d+)?$")  # a row's rule score, at its end
LABEL_ROW = re.compile(r"^ ?\d  ")  # a label's first row: its key, then its marks


def _labels(project, scheme: str, ids: list[int], size) -> tuple[str, list[str], str]:  # noqa: ANN001
    """The border's title over the labels, the rows under it and the screen as text."""
    said: dict[str, object] = {}

    async def go() -> None:
        app = ReviewkitApp(ConfirmScreen(project, scheme, ids, "ann"), keymap={})
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            labels = app.screen.query_one("#labels")
            said["title"] = str(labels.border_title)
            height = labels.size.height
            said["rows"] = [labels.render_line(y).text.rstrip() for y in range(height)]
            said["screen"] = html.unescape(app.export_screenshot()).replace("\xa0", " ")
            await pilot.press("q")

    asyncio.run(go())
    return said["title"], said["rows"], said["screen"]  # type: ignore[return-value]


def test_a_multi_label_title_fits_a_split_terminal_whole(b_included):
    project, ids = b_included
    classify.classify_project(project, ids, ["severe-mental-illness"])
    for width in (44, 50, 60):
        title, rows, screen = _labels(project, "severe-mental-illness", ids, (width, 30))
        assert len(title) <= width - 4 and "toggle" in title and "confirms" in title, title
        assert title in screen, (width, title)  # drawn whole on the border
        assert sum(bool(LABEL_ROW.match(row)) for row in rows) == 2, rows  # the label, none


def test_each_labels_score_stays_on_its_first_row_on_a_split_terminal(b_included):
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type", "severe-mental-illness"])
    for scheme in ("model-type", "severe-mental-illness"):
        names = [label.name for label in project.protocol.scheme(scheme).labels]
        for width in (44, 50, 60):
            _, rows, _ = _labels(project, scheme, ids, (width, 30))
            firsts = [row for row in rows if LABEL_ROW.match(row)]
            assert len(firsts) == len(names) + 1, rows  # and the none answer's
            assert all(SCORE.search(row) for row in firsts), (width, rows)
            shown = " ".join(" ".join(SCORE.sub("", row) for row in rows).split())
            # every name whole, its words in order (a long one goes on under itself)
            assert all(name in shown for name in names), (width, rows)


def test_snapshot_the_label_rows_at_50_columns(b_included, snap_compare) -> None:
    """How the rows look at 50 columns: each score on its label's first row, a long name going
    on under itself, the evidence under the name."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    app = ReviewkitApp(ConfirmScreen(project, "model-type", ids, "ann"), keymap={})

    async def model_shown(pilot) -> None:  # noqa: ANN001
        for _ in range(200):  # the model's line once its training is done and shown
            await pilot.pause(0.05)
            trainer = pilot.app.screen.trainer
            if not trainer.busy and trainer.version == pilot.app.screen._shown_version:
                break
        await pilot.pause()

    assert snap_compare(app, terminal_size=(50, 30), run_before=model_shown)


def test_the_label_rows_fit_a_screen_narrower_than_42_columns(b_included):
    """Below 42 columns the rows were laid out for 40 columns whatever the screen's width (the
    label area wider than the screen): Textual wrapped each row again, its score alone on the
    next row. They take the screen's width now, down to a multi-label row's head, shortest
    name column and score (32 columns)."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type", "severe-mental-illness"])
    for scheme in ("model-type", "severe-mental-illness"):
        names = [label.name for label in project.protocol.scheme(scheme).labels]
        for width in (32, 36, 40):  # tall enough that the screen does not scroll
            _, rows, _ = _labels(project, scheme, ids, (width, 50))
            firsts = [row for row in rows if LABEL_ROW.match(row)]
            assert len(firsts) == len(names) + 1, (width, rows)  # and the none answer's
            assert all(SCORE.search(row) for row in firsts), (width, rows)
            assert not [row for row in rows if SCORE.fullmatch(row)], (width, rows)


def test_the_marks_heading_takes_one_row_on_a_split_terminal(b_included):
    """The line under the title that names the marks had 45 columns at its shortest: below 47
    it wrapped, a row of the labels' room gone on a narrow screen. Its shortest words take 39
    (to 41 columns); ? says the marks in full."""
    project, ids = b_included
    classify.classify_project(project, ids, ["severe-mental-illness"])
    for width in (41, 44, 46):
        _, rows, _ = _labels(project, "severe-mental-illness", ids, (width, 40))
        assert "R rules" in rows[0] and "M model" in rows[0] and "✓" in rows[0], rows
        assert LABEL_ROW.match(rows[1]), (width, rows)  # the first label, right under it


def test_the_marks_heading_and_label_rows_fit_30_to_40_columns(b_included):
    """Below 41 columns the marks heading wrapped (its shortest took 39, and it was chosen for
    the rows' floor, not the room: at 40 columns with the screen's scrollbar it had 36), and
    a multi-label row was laid out for 30 columns whatever the room (its head, a name of 12
    and the score): at 30 columns each score wrapped onto a row of its own. The heading has
    words down to 22 columns now, and a row takes the room it has."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type", "severe-mental-illness"])
    for scheme in ("model-type", "severe-mental-illness"):
        names = len(project.protocol.scheme(scheme).labels)
        for width in (30, 34, 38, 40):
            for height in (24, 50):  # the screen scrolling (its scrollbar beside) and not
                _, rows, _ = _labels(project, scheme, ids, (width, height))
                assert "R" in rows[0] and "M" in rows[0] and "✓" in rows[0], rows
                assert LABEL_ROW.match(rows[1]), (scheme, width, height, rows)  # one row
                firsts = [row for row in rows if LABEL_ROW.match(row)]
                assert len(firsts) == names + 1, (scheme, width, height, rows)
                assert all(SCORE.search(row) for row in firsts), (scheme, width, rows)
                assert not [row for row in rows if SCORE.fullmatch(row)], (width, rows)


def test_long_names_and_terms_break_at_hyphens_and_places_not_mid_word(b_included):
    """A name or an evidence term longer than its column was folded at the column's edge
    ('Workplace-cen' | 'tred', 'specialist*@abstract:METH' | 'ODS'): it breaks after its
    hyphen, or at its place ('@abstract:'), now."""
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    _, rows, _ = _labels(project, "model-type", ids, (30, 50))
    words = [word for row in rows for word in SCORE.sub("", row).split()]
    assert "Workplace-" in words and "centred" in words, rows
    assert "team@abstract:" in words and "METHODS" in words, rows  # 'team' whole, its place
    _, rows, _ = _labels(project, "model-type", ids, (36, 50))
    words = [word for row in rows for word in SCORE.sub("", row).split()]
    assert 'specialist*"@abstract:' in words and "METHODS," in words, rows  # after its place
