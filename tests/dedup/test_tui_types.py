"""The review screen says what kind each record is (its publication types, beside its id) and
why the pair waits for a person in words, with the rule's name as the README gives it (on the
pane's borders; Pilot, 80x24)."""

from __future__ import annotations

import asyncio

import pytest
from conftest import add_records
from dedup.helpers import rec

from reviewkit.dedup import engine
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen

MEETING = "Scandinavian Journal of Work, Environment and Health. Conference: 12th Nordic Meeting"


@pytest.fixture
def abstract_and_article(project_b):
    """A journal article (PubMed's types, a funding type among them) and the meeting abstract
    of the same title and authors a year later (Embase's type)."""
    article = ["Journal Article", "Research Support, Non-U.S. Gov't"]
    add_records(
        project_b,
        [
            rec(publication_types=article, pmid="31234567"),
            rec(
                journal=MEETING,
                volume="",
                issue="",
                pages="56",
                year=2020,
                source="Embase",
                publication_types=["Conference Abstract"],
            ),
        ],
    )
    engine.run_dedup(project_b.db)
    (pair,) = engine.review_queue(project_b.db)
    assert pair.rule == "meeting_abstract_and_article"
    return project_b


def screen_lines(app) -> list[str]:
    """The terminal's lines as the reviewer sees them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_each_record_s_type_and_the_rule_in_words(abstract_and_article):
    app = ReviewkitApp(DedupReviewScreen(abstract_and_article, "ann"), keymap={})

    async def go():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            lines = screen_lines(app)
            (row,) = [line for line in lines if "│  record " in line]  # beside each id
            assert "1  Journal Article" in row and "2  Conference Abstract" in row
            assert not any("Research Support" in line for line in lines)  # who paid: no kind
            # the rule on the pane's borders: in words, and by the name the README gives it
            assert "why: a meeting's abstract and the paper a year apart" in lines[1]
            assert "rule meeting_abstract_and_article" in lines[-3]
            assert "…" not in lines[0] + lines[1]  # nothing cut at 80 columns
            assert any(" pmid " in line for line in lines)  # the fields keep their rows
            await pilot.press("q")

    asyncio.run(go())
