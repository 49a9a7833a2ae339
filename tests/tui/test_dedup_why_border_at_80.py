"""Duplicate review at 80x24, walked in tmux (walk9): why a pair waits is the pane's top border,
and at 80 columns a long one was cut with "…": a pair the chaining guard held back read "why:
biblio_match would merge them, but the chaining gua…", its reason (different PMIDs) gone, and
same_doi_no_page's ended "a supplement's DO…"."""

from __future__ import annotations

import asyncio

from conftest import add_records
from dedup.helpers import rec

from reviewkit.dedup import engine
from reviewkit.dedup.rules import RULES
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_pair import rule_titles
from reviewkit.tui.dedup_review import DedupReviewScreen

# the pane's top border at 80 columns: '╭─ ' and ' ─╮' around the title
BORDER_ROOM = 80 - 6
# the guard's reasons (dedup.cluster): the longest, and none stored with an older pair
GUARDS = ("a person said these differ", "very different titles", "")


def test_a_held_back_pair_shows_the_guards_reason_whole_at_80_columns(project_b) -> None:
    # two records share a DOI; the third is the second's by its fields, but the first's PMID
    # differs from its own: the chaining guard holds the merge back
    add_records(
        project_b,
        [rec(pmid="111", doi="10.1/x"), rec(doi="10.1/x", source="Embase"), rec(pmid="222")],
    )
    engine.run_dedup(project_b.db)
    assert [q.guard for q in engine.review_queue(project_b.db)] == ["different PMIDs"]

    async def go() -> str:
        app = ReviewkitApp(DedupReviewScreen(project_b, "ann"), keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            top = app.screen._compositor.render_strips()[1].text  # the pane's top border
            await pilot.press("q")
        return top

    top = asyncio.run(go())
    assert "why: merge held back by the chaining guard: different PMIDs ─" in top, top


def test_every_rules_why_fits_the_border_at_80_columns() -> None:
    """A rule added later with a longer reason fails here, not on a reviewer's screen."""
    titles = [rule_titles(rule.name)[0] for rule in RULES]
    titles += [rule_titles(f"chain_guard:{rule.name}", g)[0] for rule in RULES for g in GUARDS]
    too_long = [t for t in titles if len(t) > BORDER_ROOM]
    assert not too_long, too_long
