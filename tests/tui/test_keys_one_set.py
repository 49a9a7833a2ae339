"""One set of keys across the screens: `j` goes on (Next; Skip in duplicate review, which
leaves the pair unjudged), `k` goes back (Prev), Space and PgDn page down. `k` was skip in
`dedup review` and previous everywhere else, and Space skip there and a page elsewhere: a
reviewer going back for the pair before skipped this one instead."""

from __future__ import annotations

import asyncio

from conftest import add_records
from dedup.helpers import TITLE, rec

from reviewkit.dedup import engine
from reviewkit.tui import classify, conflicts, dedup_review, extract, screening
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen

# what a key means, by the action's name after the screen's id; next and skip both go on
_MEANING = {"skip": "next"}
# the keys that move, undo, help and quit: one meaning wherever they are (the numbers choose
# a screen's own reasons, labels or fields, and a screen's letters its own decisions)
_SHARED = {"next", "skip", "previous", "page_down", "page_up", "undo", "help", "quit"}


def test_a_key_means_one_thing_on_every_screen():
    meaning: dict[str, set[str]] = {}
    for module in (screening, conflicts, dedup_review, extract, classify):
        for action in module.ACTIONS:
            name = action.id.split(".", 1)[1]
            for key in action.key.split(","):
                meaning.setdefault(key, set()).add(_MEANING.get(name, name))
    mixed = {k: names for k, names in meaning.items() if len(names) > 1 and names & _SHARED}
    assert mixed == {}  # was k: previous and skip; space: page_down and skip


def _a_long_pair(project):
    """One pair for a person, its abstracts below the pane's edge at 80x24."""
    long = f"{TITLE}: the Norwegian multicentre return to work study with a process evaluation"
    bare = dict(journal="", volume="", pages="", issue="")
    team = [f"Olsen{chr(97 + i)}, Per" for i in range(14)]
    add_records(
        project,
        [
            rec(**bare, title=long, authors=["Hansen, Kari", *team], year=2019),
            rec(**bare, authors=["Hansen, Kari", "Berg, Anne", *team], year=2020, source="Embase"),
        ],
    )
    engine.run_dedup(project.db)
    assert len(engine.review_queue(project.db)) == 1


def test_duplicate_review_pages_on_space_skips_on_j_and_k_leaves_the_pair(project_b):
    _a_long_pair(project_b)
    app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})

    def lines() -> list[str]:
        return [strip.text for strip in app.screen._compositor.render_strips()]

    async def go() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.first_screen
            await pilot.pause()
            pair = (screen.pair.a, screen.pair.b)
            assert "j Skip" in lines()[-1]  # the footer names the key in force
            await pilot.press("k")  # nothing skipped to go back to: it stays (and says so)
            await pilot.pause()
            assert screen.pair is not None and (screen.pair.a, screen.pair.b) == pair
            await pilot.press("space")  # a page, as on the other screens
            await pilot.pause()
            assert screen.pair is not None and (screen.pair.a, screen.pair.b) == pair
            assert any("abstract" in line for line in lines())
            await pilot.press("j")  # skip
            await pilot.pause()
            assert screen.pair is None
            await pilot.press("j")  # the skipped pair round again
            await pilot.pause()
            assert screen.pair is not None and (screen.pair.a, screen.pair.b) == pair
            await pilot.press("q")

    asyncio.run(go())
    assert len(engine.review_queue(project_b.db)) == 1  # nothing judged


def test_dedup_review_help_names_the_keys_of_its_screen(capsys):
    """`dedup review --help` said 'k skip' after k stopped skipping: each key it names is the
    one the screen's action table gives that action."""
    from reviewkit.cli import main

    assert main(["dedup", "review", "--help"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    keys = {a.id.split(".", 1)[1]: a.key.split(",")[0] for a in dedup_review.ACTIONS}
    named = said.split("side by side (", 1)[1].split(")", 1)[0]
    for part in named.split(", "):
        key, action = part.split(" ", 1)
        assert keys[action] == ("question_mark" if key == "?" else key), part  # was k skip
