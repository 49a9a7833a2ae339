"""Duplicate review showed a record exported as RIS `TY  - CONF` with `M3  - Journal Article` as
"conference paper; Journal Article": two kinds for one record. RIS's TY is the reference type
(a conference paper here); M3, the type of work, saying "Journal Article" beside it tells only
that the paper was printed in a journal (its journal row says which): the record shows its one
kind. An M3 that says something more (a review, a meeting abstract) is still shown."""

from __future__ import annotations

import asyncio
import csv

from conftest import add_records
from dedup.helpers import TITLE

from reviewkit.cli import main
from reviewkit.dedup import engine
from reviewkit.formats import ris
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen


def ris_record(ty: str, m3: str, title: str = TITLE):
    text = f"TY  - {ty}\nTI  - {title}\nAU  - Hansen, Kari\nPY  - 2019\nM3  - {m3}\nER  - \n"
    (record,) = ris.read(text, "export.ris")
    return record


def queued_pair(project, left_m3: str = "Journal Article"):
    """A conference paper (TY CONF, M3 ``left_m3``) and its copy as a journal article."""
    conference = ris_record("CONF", left_m3)
    article = ris_record("JOUR", "Journal Article", title=TITLE.upper())
    ids = add_records(project, [conference, article])
    engine.run_dedup(project.db)
    (pair,) = engine.review_queue(project.db)
    return ids, pair


def record_row(project) -> str:
    """The pair pane's first row: each record's id and its kind."""
    said: list[str] = []

    async def go() -> None:
        app = ReviewkitApp(DedupReviewScreen(project, "lead"), keymap={})
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            pane = app.screen.query_one("#records")
            rows = (" ".join(pane.render_line(y).text.split()) for y in range(pane.size.height))
            said.append(next(row for row in rows if row.startswith("record")))

    asyncio.run(go())
    return said[0]


def test_a_conference_paper_in_a_journal_shows_one_kind(project_b):
    ids, _pair = queued_pair(project_b)
    row = record_row(project_b)
    # the conference paper's cell: its kind alone; the journal copy's: its type of work
    assert row == f"record │ {ids[0]} conference paper │ {ids[1]} Journal Article", row


def test_an_m3_that_tells_more_is_kept(project_b):
    ids, _pair = queued_pair(project_b, left_m3="Review")
    row = record_row(project_b)
    assert row == f"record │ {ids[0]} conference paper; Review │ {ids[1]} Journal Article", row


def test_the_queue_sheet_gives_the_same_one_kind(project_b, tmp_path):
    queued_pair(project_b)
    sheet = tmp_path / "queue.csv"
    argv = ["dedup", "review", "--csv", str(sheet), "--project", str(project_b.folder)]
    assert main(argv) == 0
    with sheet.open(encoding="utf-8", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert {row["a_type"], row["b_type"]} == {"conference paper", "Journal Article"}, row
