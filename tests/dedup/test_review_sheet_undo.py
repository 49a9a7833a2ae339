"""A read queue sheet is one action: ``z`` in ``dedup review`` takes its verdicts back
together, leaving those another reviewer settled since (named once); and the first ``s`` on a
screened pair reads the merges once (issue 14, dd24)."""

from __future__ import annotations

import asyncio

import pytest
from dedup.review_setup import fill_verdicts, six_records, snapshot

from reviewkit.dedup import engine
from reviewkit.dedup.queue_csv import read_queue_csv, write_queue_csv
from reviewkit.dedup.undo import take_back
from reviewkit.project import open_project
from reviewkit.store import duplicates as links
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen


@pytest.fixture
def six(project_b):
    return project_b, six_records(project_b)


def _read_sheet(project, tmp_path, said) -> None:
    sheet = tmp_path / "queue.csv"
    write_queue_csv(project.db, sheet, project.folder)
    assert read_queue_csv(project.db, fill_verdicts(sheet, said), "ann").applied == len(said)


def test_one_z_after_a_sheet_takes_all_its_verdicts_back(six, tmp_path):
    project, (r1, r2, r3, r4, r5, r6, _) = six
    engine.decide_pair(project.db, r3, r4, "not_duplicate", "bob")
    before = snapshot(project)
    # 5 joins the cluster; 4 differs from 5 (closing the pairs between the clusters)
    _read_sheet(project, tmp_path, {(r1, r5): "same", (r4, r5): "different"})
    assert snapshot(project) != before

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={})
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.first_screen
            await pilot.press("z")  # the sheet's merge changed screening: shown, asked first
            assert "changes screening" in str(screen.query_one("#message").render())
            await pilot.press("z")
            message = str(screen.query_one("#message").render())
            assert "undone together (one sheet): 2 verdicts" in message
            assert f"{r1}–{r5}" in message and f"{r4}–{r5}" in message
            assert snapshot(project) == before
            await pilot.press("z")  # the sheet was one action: nothing of ann's is left
            assert str(screen.query_one("#message").render()) == "nothing to undo"
            await pilot.press("q")

    asyncio.run(go())


def test_a_sheets_undo_leaves_a_pair_another_settled_since_and_names_it_once(six, tmp_path):
    project, (r1, r2, r3, r4, r5, r6, _) = six
    _read_sheet(project, tmp_path, {(r1, r5): "same", (r3, r4): "different"})
    bob = open_project(project.folder)
    try:
        engine.split(bob.db, r5, "bob")  # bob takes back one of the sheet's rows his way
    finally:
        bob.close()
    undone = take_back(project.db, "ann")
    assert {(lk.record_a, lk.record_b) for lk in undone.links if "csv" in lk.reason} == {(r3, r4)}
    assert [(lk.record_a, lk.record_b) for lk in undone.kept] == [(r1, r5)]
    assert links.link_history(project.db, r1, r5)[-1].made_by == "person:bob"
    assert links.link_history(project.db, r3, r4)[-1].verdict == "uncertain"
    again = take_back(project.db, "ann")
    assert again.links == [] and again.kept == []  # named once


def test_the_first_s_on_a_screened_pair_reads_the_merges_once(six, monkeypatch):
    project, (r1, _r2, r3, *_rest) = six
    reads = []
    current_links = links.current_links

    def counting(db, verdicts=None):
        if verdicts == "duplicate":
            reads.append(verdicts)
        return current_links(db, verdicts) if verdicts is not None else current_links(db)

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={})
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.first_screen
            assert (screen.pair.a, screen.pair.b) == (r1, r3)
            monkeypatch.setattr(links, "current_links", counting)
            await pilot.press("s")  # screened apart: the change is shown, nothing merged
            assert screen.confirming == (r1, r3)
            monkeypatch.undo()
            await pilot.press("q")

    asyncio.run(go())
    assert reads == ["duplicate"]
