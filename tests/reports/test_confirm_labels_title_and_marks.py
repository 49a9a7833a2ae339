"""At 80 columns the confirm screen's heading could not name the rule score (s45): in one line
of 78 columns what a label's key does, the marks and the figure took 95 at the least, so only
? said what the figure after a label's name was. What the key does is now the title on the
border over the labels (a row that held nothing), and the line under it names the marks and
the figure at 80 columns and wider."""

from __future__ import annotations

import asyncio
import html

from reviewkit import classify
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen


def _heading(project, scheme: str, ids: list[int], size, keymap=None) -> tuple[str, list[str]]:  # noqa: ANN001
    """The border's title over the labels and the first two rows under it."""
    said: dict[str, object] = {}

    async def go() -> None:
        app = ReviewkitApp(ConfirmScreen(project, scheme, ids, "ann"), keymap=keymap or {})
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            labels = app.screen.query_one("#labels")
            said["title"] = str(labels.border_title)
            said["rows"] = [labels.render_line(y).text.strip() for y in range(2)]
            said["screen"] = html.unescape(app.export_screenshot()).replace("\xa0", " ")
            await pilot.press("q")

    asyncio.run(go())
    assert said["title"] in said["screen"]  # drawn on the border
    return said["title"], said["rows"]  # type: ignore[return-value]


def test_the_heading_names_the_rule_score_at_80_columns(b_included):
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type", "severe-mental-illness"])
    for scheme, keys in (
        ("model-type", "Labels (a number key confirms)"),
        ("severe-mental-illness", "Labels (toggle with the number keys, Enter confirms)"),
    ):
        title, rows = _heading(project, scheme, ids, (80, 24))
        assert title == keys, title
        assert rows[0] == (
            "Marks: R rules, S another report, M model, ✓ confirmed; figure: rule score"
        ), rows
        assert rows[1].startswith("1 "), rows  # the first label's row, right under it
        title, rows = _heading(project, scheme, ids, (120, 40))
        assert title == keys, title
        assert rows[0].endswith("the figure after a label is its rule score"), rows


def test_the_title_names_the_keys_a_keymap_put_in_force(b_included):
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type", "severe-mental-illness"])
    moved = {"classify.label1": "x", "classify.accept": "ctrl+s"}
    title, _ = _heading(project, "model-type", ids, (80, 24), moved)
    assert title == "Labels (a label's key confirms)", title
    title, _ = _heading(project, "severe-mental-illness", ids, (80, 24), moved)
    assert "the labels' keys" in title and "Enter" not in title, title
