"""The screening screen shows a record's retraction, erratum or comment beside it
(reviewkit.dedup.concerns): a reviewer deciding on a retracted trial was not told."""

from __future__ import annotations

import asyncio

from conftest import add_records
from tui.helpers import TA, shown

from reviewkit import screening as scr
from reviewkit.records import Correction, Record
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen


def test_the_record_view_says_the_record_was_retracted(project_b) -> None:
    links = [Correction("RetractionIn", "Lancet. 2021;1:2", "31000009"), Correction("CommentIn")]
    article = Record(
        title="Graded activity and sick leave in workers with low back pain: a randomised trial",
        pmid="31000001",
        year=2020,
        comments_corrections=links,
    )
    (rid,) = add_records(project_b, [article])

    async def go() -> None:
        app = ReviewkitApp(ScreeningScreen(scr.ReviewerQueue(project_b, TA, "reviewer1")))
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.press("j")
            text = shown(app, "#record")
            assert "Retracted (PMID 31000009 — Retraction of Publication)" in text
            assert "Comment (PubMed's link)" in text
            assert text.index("Retracted") < text.index(f"Record {rid}")

    asyncio.run(go())
