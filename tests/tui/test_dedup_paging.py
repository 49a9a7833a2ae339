"""The duplicate review at 80x24: the pair's lower rows (source, file, abstract) are below the
pane's edge, and PgDn / PgUp page to them, named in the footer and the help. The pane scrolled
on them only while it had the focus, and no key in the footer or the help said so."""

from __future__ import annotations

import asyncio

from conftest import add_records
from dedup.helpers import TITLE, rec

from reviewkit.dedup import engine
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen
from reviewkit.tui.help import HelpScreen


def test_pgdn_pages_the_pair_and_the_footer_and_help_name_it(project_b):
    long = f"{TITLE}: the Norwegian multicentre return to work study with a process evaluation"
    bare = dict(journal="", volume="", pages="", issue="")  # a pair dedup asks a person about
    team = [f"Olsen{chr(97 + i)}, Per" for i in range(14)]  # rows enough to pass the pane's edge
    add_records(
        project_b,
        [
            rec(**bare, title=long, authors=["Hansen, Kari", *team], year=2019),
            rec(**bare, authors=["Hansen, Kari", "Berg, Anne", *team], year=2020, source="Embase"),
        ],
    )
    engine.run_dedup(project_b.db)
    assert len(engine.review_queue(project_b.db)) == 1
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})

    def lines() -> list[str]:  # the terminal's rows as the reviewer sees them
        return [strip.text for strip in app.screen._compositor.render_strips()]

    async def go() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "PgDn More" in lines()[-1]  # the footer
            assert not any("abstract" in line for line in lines())  # below the pane's edge
            await pilot.press("pagedown")
            await pilot.pause()
            assert any("abstract" in line for line in lines())
            await pilot.press("pageup")
            await pilot.pause()
            assert not any("abstract" in line for line in lines())
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = "\n".join(lines())
            assert "PgDn" in shown and "Scroll the pair down" in shown
            await pilot.press("escape")
            await pilot.press("q")

    asyncio.run(go())


def test_the_next_pair_shows_from_its_top_after_paging_down(project_b):
    """A reviewer pages down to the abstracts, then presses `s`: the next pair was shown at the
    same scroll place, its ids and titles above the pane's edge, so it could be judged on its
    lower rows alone. Each pair now opens at its top, as the other screens' records do."""
    bare = dict(journal="", volume="", pages="", issue="")
    team = [f"Olsen{chr(97 + i)}, Per" for i in range(14)]
    pairs = []
    for title, first in (
        (TITLE, "Hansen, Kari"),
        (TITLE.replace("mental", "physical"), "Dahl, Ola"),
    ):
        long = f"{title}: the Norwegian multicentre return to work study with a process evaluation"
        pairs += [
            rec(**bare, title=long, authors=[first, *team], year=2019),
            rec(
                **bare,
                authors=[first, "Berg, Anne", *team],
                year=2020,
                source="Embase",
                title=title,
            ),
        ]
    add_records(project_b, pairs)
    engine.run_dedup(project_b.db)
    assert len(engine.review_queue(project_b.db)) >= 2
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})

    def titles_shown() -> bool:  # the pair's title row (the table's first column) in view
        return any("│  title" in strip.text for strip in app.screen._compositor.render_strips())

    async def go() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            first = app.screen.pair
            assert titles_shown()
            await pilot.press("pagedown")
            await pilot.pause()
            assert not titles_shown()  # paged past the titles
            await pilot.press("s")
            await pilot.pause()
            assert app.screen.pair is not None and app.screen.pair != first
            assert titles_shown()  # the next pair from its top
            await pilot.press("q")

    asyncio.run(go())
