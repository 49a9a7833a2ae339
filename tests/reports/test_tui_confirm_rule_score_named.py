"""The figure after a label's name on the confirm screen is its rule score (q44f): the rows read
"Mental health 2" and nothing on the screen said what the 2 was. The heading says it (from 80
columns on since s45), and the ? help says it (with the scheme's threshold) at any width."""

from __future__ import annotations

import asyncio

from textual.widgets import Static
from tui.helpers import shown

from reviewkit import classify
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.classify import ConfirmScreen


def _confirm(project, scheme: str, ids: list[int], size: tuple[int, int]) -> dict[str, str]:
    """The labels' heading, and the whole help screen's words, on the confirm screen."""
    said: dict[str, str] = {}

    async def go() -> None:
        app = ReviewkitApp(ConfirmScreen(project, scheme, ids, "ann"), keymap={})
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            labels = app.screen.query_one("#labels")
            said["heading"] = labels.render_line(0).text.strip()
            await pilot.press("question_mark")
            await pilot.pause()
            statics = [w for w in app.screen.query(Static) if w.id]
            said["help"] = " ".join(shown(app, f"#{w.id}") for w in statics)
            await pilot.press("escape", "q")

    asyncio.run(go())
    return said


def test_the_heading_names_the_rule_score_where_it_fits(b_included) -> None:
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type", "severe-mental-illness"])
    for scheme in ("model-type", "severe-mental-illness"):  # single- and multi-label
        heading = _confirm(project, scheme, ids, (120, 40))["heading"]
        assert heading.startswith("Marks: ") and heading.endswith("rule score"), heading
        # at 80 columns too, since the keys' words went to the border's title (s45)
        heading = _confirm(project, scheme, ids, (80, 24))["heading"]
        assert heading.endswith("✓ confirmed; figure: rule score"), heading


def test_the_help_says_what_the_figure_is_at_80_columns(b_included) -> None:
    project, ids = b_included
    classify.classify_project(project, ids, ["model-type"])
    words = " ".join(_confirm(project, "model-type", ids, (80, 24))["help"].split())
    assert "The figure after a label's name is its rule score" in words, words
    threshold = project.protocol.scheme("model-type").threshold
    assert f"the scheme's threshold ({threshold:g})" in words, words
    assert "R the rules' suggestion" in words and "M the model's suggestion" in words, words
