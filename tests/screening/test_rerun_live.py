"""The screening screen while the librarian reruns a search and dedups: new records join the open
queue, a record merged meanwhile leaves it for the study it joined (walk-through: "remaining 272
… of 296" stayed until the reviewer quit and reopened)."""

from __future__ import annotations

import asyncio

from conftest import add_records
from screening.helpers import (
    INCLUDE_WORDS,
    keys_only,
    make_records,
    make_topic_records,
    screen_text,
    until_started,
    vote_until_ready,
)

from reviewkit import screening as scr
from reviewkit.dedup.engine import run_dedup
from reviewkit.dedup.review import split
from reviewkit.formats import ris
from reviewkit.importer import import_files
from reviewkit.ranking.queue import QueueRanker
from reviewkit.records import AbstractSection, Record
from reviewkit.store.decisions import list_decisions
from reviewkit.store.duplicates import canonical_map
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.screening import ScreeningScreen

TA = "title-abstract"
SIZE = (100, 34)


def rerun_records(n: int) -> list[Record]:
    """Include-like records a search rerun brings (new PMIDs and titles)."""
    return [
        Record(
            title=f"Rerun trial {i} of {INCLUDE_WORDS} for return to work in {name}",
            abstract_sections=[AbstractSection("", f"A {INCLUDE_WORDS} model in {name}.")],
            keywords=["workplace collaboration"],
            mesh_terms=["Occupational Health"],
            pmid=str(70_000 + i),
        )
        for i, name in enumerate(["Norway", "Denmark", "Sweden"][:n])
    ]


def test_a_rerun_joins_the_open_queue_and_the_ranker_orders_it(project_b, tmp_path):
    records, like_list = make_topic_records(12, 28)
    ids = add_records(project_b, records)
    run_dedup(project_b.db)
    like = dict(zip(ids, like_list, strict=True))
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    # in its own process, as on a reviewer's terminal; the seeded order before the rule (which
    # records get the 10 votes must not hang on when the protocol's order reaches the screen)
    ranking = QueueRanker(queue, cold_start=False)
    scr.decide(project_b.db, ids[0], TA, "reviewer2", "exclude", "health-only", "r2 secret")

    async def go():
        app = ReviewkitApp(keys_only(ScreeningScreen(queue, ranking=ranking)), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await until_started(pilot, ranking)
            await vote_until_ready(pilot, s, like)
            assert ranking.wait_idle()
            assert "of 40)" in screen_text(app)
            # the librarian: a rerun brings 3 new records and one already there (imported
            # here through the import stage), then dedup joins that one to its study
            rerun = tmp_path / "rerun.ris"
            with rerun.open("w", encoding="utf-8") as out:
                ris.write([*rerun_records(3), records[5]], out)
            import_files(project_b.db, [rerun], source="pubmed")
            new = [scr.find_record(project_b.db, f"pmid:{70_000 + i}") for i in range(3)]
            again = [max(new) + 1]  # stored in the file's order, after the new ones
            run_dedup(project_b.db)
            shown = s.current
            await pilot.press("j")
            assert "3 new records from a search rerun or import" in screen_text(app)
            assert "of 43)" in screen_text(app) and again[0] not in queue.index
            assert queue.study_of(again[0]) == ids[5]  # dedup joined it to the study stored before
            assert all(n in queue.index for n in new) and s.current != shown
            like.update(dict.fromkeys(new, True))
            assert ranking.wait_idle()  # the ranker read their texts and ranked the new set
            await pilot.press("j")  # the new order applies behind the record on screen
            rest = [st for st in queue.studies[s.pos + 1 :] if st not in queue.votes]
            left = [like[st] for st in rest]
            assert left == sorted(left, reverse=True)  # includes first, the new ones among them
            assert set(new) <= set(rest[: left.count(True)])
            # blinding: reviewer2's exclusion of ids[0] never shows here
            await pilot.press("g", *str(ids[0]), "enter")
            assert s.current == ids[0] and "r2 secret" not in screen_text(app)
            await pilot.press("q")

    try:
        asyncio.run(go())
    finally:
        ranking.close()


def test_the_record_on_screen_merged_meanwhile_takes_the_vote_to_its_study(project_b):
    first, copy = make_records(1)[0], make_records(1)[0]  # one study stored twice, not deduped
    keep = add_records(project_b, [first, *make_records(4, prefix="Other")[1:]])[0]
    (dup,) = add_records(project_b, [copy], source="pubmed")
    scr.decide(project_b.db, keep, TA, "reviewer2", "exclude", "health-only", "r2 secret")
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    assert keep in queue.index and dup in queue.index

    async def go():
        app = ReviewkitApp(keys_only(ScreeningScreen(queue)), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await pilot.press("g", *str(dup), "enter")
            assert s.current == dup
            total = len(queue.studies)
            run_dedup(project_b.db)  # the librarian's dedup joins the record on screen to keep
            await pilot.press("i")
            text = screen_text(app)
            assert f"saved: include on record {keep}" in text
            assert f"record {dup} was merged into record {keep} by dedup" in text
            assert dup not in queue.index and len(queue.studies) == total - 1
            assert queue.votes[keep].label == "include"
            mine = list_decisions(project_b.db, stage=TA, reviewer="reviewer1")
            assert [(d.record_id, d.label) for d in mine] == [(keep, "include")]
            # the study is not offered again, and reviewer2's vote never shows
            await pilot.press("g", *str(keep), "enter")
            text = screen_text(app)
            assert s.current == keep and "r2 secret" not in text
            assert "My decision" in text and "Not decided yet" not in text
            await pilot.press("q")
        outcome = scr.stage_outcomes(project_b, TA)
        assert dup not in outcome and outcome[keep].status == "conflict"

    asyncio.run(go())


def test_an_empty_or_finished_queue_shows_the_rerun_records(project_b):
    async def go():
        queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
        app = ReviewkitApp(keys_only(ScreeningScreen(queue)), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            assert s.current is None and "Nothing to screen" in screen_text(app)
            first = add_records(project_b, rerun_records(2), source="pubmed")
            await pilot.press("j")
            assert s.current in first and "2 new records from a search rerun" in screen_text(app)
            await pilot.press("i", "i")
            assert "all done at this stage" in screen_text(app)
            (last,) = add_records(project_b, rerun_records(3)[2:], source="pubmed")
            await pilot.press("tab")
            assert s.current == last and "1 new record from a search rerun" in screen_text(app)
            assert "remaining 1" in screen_text(app)
            await pilot.press("q")

    asyncio.run(go())


def test_a_voted_study_merged_away_keeps_its_vote_on_the_study_it_joined(project_b):
    ids = add_records(project_b, make_records(3))
    (copy,) = add_records(project_b, make_records(1), source="pubmed")  # record ids[0] again
    queue = scr.ReviewerQueue(project_b, TA, "reviewer1")
    queue.decide(copy, "exclude", "health-only")
    assert queue.refresh() is None  # nothing new: one cheap look
    run_dedup(project_b.db)
    change = queue.refresh()
    assert change is not None and change.merged == {copy: ids[0]} and not change.added
    assert copy not in queue.index and queue.votes[ids[0]].label == "exclude"
    assert (queue.done, queue.remaining) == (1, 2)
    assert queue.canon == canonical_map(project_b.db)  # worked out again only where it changed
    split(project_b.db, copy, "librarian")  # the merge undone: back as a study of its own
    change = queue.refresh()
    assert change is not None and change.added == [copy] and change.stored == 0
    assert change.describe(None) == "1 more record for you at this stage"
    assert queue.votes[copy].label == "exclude" and ids[0] not in queue.votes
    assert queue.canon == canonical_map(project_b.db)


def test_a_vote_on_a_record_merged_into_a_study_decided_by_another_is_refused(project_a):
    """One reviewer per record: the study the record on screen joined already has its vote, so
    the key is refused as for any study decided meanwhile (not a second decision on the study
    for the lead to untangle), and the screen moves on."""
    keep = add_records(project_a, [make_records(1)[0], *make_records(3, prefix="Other")[1:]])[0]
    (dup,) = add_records(project_a, make_records(1), source="pubmed")
    scr.decide(project_a.db, keep, TA, "reviewer2", "include")
    queue = scr.ReviewerQueue(project_a, TA, "reviewer1")
    assert keep not in queue.index and dup in queue.index

    async def go():
        app = ReviewkitApp(keys_only(ScreeningScreen(queue)), keymap={})
        async with app.run_test(size=SIZE) as pilot:
            s = app.first_screen
            await pilot.press("g", *str(dup), "enter")
            run_dedup(project_a.db)
            await pilot.press("i")
            text = screen_text(app)
            assert f"not saved: record {keep} was decided by another reviewer" in text
            assert f"record {dup} was merged into record {keep}" in s.message  # past 100 columns
            assert s.current not in (dup, keep) and dup not in queue.index
            await pilot.press("q")
        assert list_decisions(project_a.db, stage=TA, reviewer="reviewer1") == []
        assert scr.stage_outcomes(project_a, TA)[keep].status == "include"

    asyncio.run(go())
