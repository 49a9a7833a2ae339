"""Undo in ``dedup review`` leaves the project exactly as before the action it undoes: the
queue, the clusters, the screening outcomes and the lead's merge conflicts (issue 14, items
4-5: an undo reopens every pair the action closed and takes back what it did to screening)."""

from __future__ import annotations

import asyncio

import pytest
from dedup.review_setup import six_records, snapshot

from reviewkit.dedup import engine
from reviewkit.dedup.effects import open_conflicts
from reviewkit.store import duplicates as links
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen


@pytest.fixture
def six(project_b):
    return project_b, six_records(project_b)


def test_undo_of_same_restores_queue_clusters_and_screening(six):
    """'s' on 1-3 merges a screened pair (decisions disagree: a conflict for the lead) and
    makes the pairs between the clusters moot; 'z' takes all of it back."""
    project, (r1, _r2, r3, *_rest) = six
    before = snapshot(project)
    engine.decide_pair(project.db, r1, r3, "duplicate", "ann")
    assert [c.study_id for c in open_conflicts(project)] == [links.canonical_map(project.db)[r1]]
    assert snapshot(project) != before
    engine.undo_last(project.db, "ann")
    assert snapshot(project) == before


def test_undo_of_same_reopens_the_pairs_an_earlier_different_closed_with_it(six):
    project, (r1, r2, r3, r4, r5, r6, _) = six
    engine.decide_pair(project.db, r3, r4, "not_duplicate", "bob")
    before = snapshot(project)
    engine.decide_pair(project.db, r1, r3, "duplicate", "ann")  # closes 1-4, 2-4, 6-4
    closed = [lk for lk in links.current_links(project.db) if lk.made_by == "person:ann"]
    assert len(closed) == 4
    engine.undo_last(project.db, "ann")
    assert snapshot(project) == before


def test_undo_of_different_and_of_split_restore_everything(six):
    project, (r1, r2, r3, r4, *_rest) = six
    before = snapshot(project)
    engine.decide_pair(project.db, r2, r3, "not_duplicate", "ann")  # closes 1-3, 6-3
    engine.undo_last(project.db, "ann")
    assert snapshot(project) == before
    engine.decide_pair(project.db, r1, r4, "not_duplicate", "ann")
    engine.decide_pair(project.db, r1, r3, "duplicate", "ann")
    before = snapshot(project)
    engine.split(project.db, r3, "ann")  # r3's conflict goes; 3-4 asks again
    assert snapshot(project) != before
    engine.undo_last(project.db, "ann")
    assert snapshot(project) == before


def test_z_on_the_screen_after_s_restores_everything(six):
    project, (r1, *_rest) = six
    before = snapshot(project)

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={})
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.first_screen
            assert (screen.pair.a, screen.pair.b) == (r1, r1 + 2)
            await pilot.press("s")  # the pair was screened apart: the change is shown first
            assert screen.confirming is not None
            await pilot.press("s")
            merged = snapshot(project)
            assert merged != before
            await pilot.press("z")  # the undo splits a screened study: the change is shown first
            said = str(screen.query_one("#message").render())
            assert said.startswith("undoing your last action changes screening: title-abstract:")
            assert said.endswith("press z again to undo")
            assert snapshot(project) == merged
            await pilot.press("z")
            assert snapshot(project) == before
            assert (screen.pair.a, screen.pair.b) == (r1, r1 + 2)
            # 12 open pairs between the clusters, 6 questions
            assert "6 in queue" in str(screen.query_one("#status").render())
            await pilot.press("q")

    asyncio.run(go())


def test_a_merge_confirmation_does_not_outlive_the_next_key(six):
    """s on a screened pair shows the change and asks; after another key (z, k) the next s
    asks again instead of merging at once."""
    project, (r1, _r2, r3, *_rest) = six

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={})
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.first_screen
            await pilot.press("s")
            assert screen.confirming == (r1, r3)
            await pilot.press("z")  # nothing to undo
            await pilot.press("s")
            assert "press s again" in str(screen.query_one("#message").render())
            assert links.link_history(project.db, r1, r3)[-1].verdict == "uncertain"
            await pilot.press("q")

    asyncio.run(go())


def test_z_that_changes_no_screening_undoes_at_once_and_a_key_between_asks_again(six):
    """z undoes at once when the undo leaves screening as it is (a 'different' on records
    screened apart changes nothing there); a confirmation, like a merge's, does not outlive
    the next key."""
    project, (r1, _r2, r3, *_rest) = six

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={})
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.first_screen
            before = snapshot(project)
            await pilot.press("d")  # 1-3 different: nothing changes in screening
            await pilot.press("z")
            assert str(screen.query_one("#message").render()).startswith("undone:")
            assert snapshot(project) == before
            await pilot.press("s", "s")  # merged, asked first
            merged = snapshot(project)
            await pilot.press("z", "j", "z")  # asked, another key, asked again: nothing undone
            assert "press z again" in str(screen.query_one("#message").render())
            assert snapshot(project) == merged
            await pilot.press("q")

    asyncio.run(go())


def test_a_second_z_asks_again_when_the_last_action_changed_meanwhile(six):
    """z showed what undoing the merge 1-3 changes; before the second z, ann's other process
    (``dedup split``) split 1-3. The second z undid that split at once, joining what the
    message said it would split; it shows the new change and asks again."""
    project, (r1, _r2, r3, *_rest) = six

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap={})
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.first_screen
            await pilot.press("s", "s")  # 1-3 merged (screened apart: shown, then made)
            await pilot.press("z")
            first = str(screen.query_one("#message").render())
            assert first.endswith("press z again to undo")
            engine.split(project.db, r3, "ann")  # ann's other process, meanwhile
            split = snapshot(project)
            await pilot.press("z")
            said = str(screen.query_one("#message").render())
            assert said.endswith("press z again to undo") and said != first
            assert snapshot(project) == split  # nothing undone yet
            await pilot.press("q")

    asyncio.run(go())


def test_the_confirmations_name_the_keys_in_force(six):
    """walk9: the second press was asked for as 'the same-record key' and 'the undo key', where
    the other screens' words name the key ("press e first", "(o to open)"): with a keymap that
    moves them, the words name the keys that merge and undo."""
    project, _ = six

    async def go() -> tuple[str, str]:
        keymap = {"dedup.same": "y", "dedup.undo": "u"}
        app = ReviewkitApp(DedupReviewScreen(project, "ann"), keymap=keymap)
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.first_screen
            await pilot.press("y")
            merge = str(screen.query_one("#message").render())
            await pilot.press("y", "u")
            undo = str(screen.query_one("#message").render())
            await pilot.press("q")
        return merge, undo

    merge, undo = asyncio.run(go())
    assert merge.endswith("press y again to merge"), merge
    assert undo.endswith("press u again to undo"), undo
