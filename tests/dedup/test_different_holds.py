"""A person's 'different' holds for the whole cluster (issue 14, item 5): in ``dedup review``,
through the stage functions, through ``dedup review --read-csv`` and on the review screen."""

from __future__ import annotations

import asyncio

import pytest
from conftest import add_records
from dedup.helpers import TITLE, other, rec
from dedup.review_setup import BARE, fill_verdicts

from reviewkit.cli import main
from reviewkit.dedup import engine
from reviewkit.store import duplicates as links
from reviewkit.tui.app import ReviewkitApp
from reviewkit.tui.dedup_review import DedupReviewScreen


@pytest.fixture
def walk(project_b):
    """The walk-through: three records of one article merged by their DOI, and a title-only
    grey-literature record queued against each of the three."""
    ids = add_records(
        project_b,
        [
            rec(doi="10.1000/rtw.1"),
            rec(doi="10.1000/rtw.1", source="Embase"),
            rec(doi="10.1000/rtw.1", source="Scholar", title=TITLE.upper()),
            rec(**BARE, source="RIS"),
            other(3),
        ],
    )
    engine.run_dedup(project_b.db)
    c1, c2, c3, grey, _ = ids
    assert _queue(project_b) == [(c1, grey), (c2, grey), (c3, grey)]
    return project_b, ids


def _queue(project) -> list[tuple[int, int]]:
    """The open pairs, sorted (undo appends links, so their order in the queue may change)."""
    return sorted((q.a, q.b) for q in engine.review_queue(project.db))


def test_different_on_one_member_closes_the_clusters_other_pairs_and_undo_reopens_them(walk):
    project, (c1, c2, c3, grey, _) = walk
    engine.decide_pair(project.db, c2, grey, "not_duplicate", "lead")
    assert _queue(project) == []
    closed = {
        (lk.record_a, lk.record_b): lk.reason
        for lk in links.current_links(project.db, "not_duplicate")
    }
    assert closed[(c1, grey)].startswith(f"follows from {c2}-{grey} ")
    assert closed[(c3, grey)].startswith(f"follows from {c2}-{grey} ")
    undone = engine.undo_last(project.db, "lead")
    assert (undone[0].record_a, undone[0].record_b) == (c2, grey)  # the verdict first
    assert len(undone) == 3
    assert _queue(project) == [(c1, grey), (c2, grey), (c3, grey)]
    assert engine.undo_last(project.db, "lead") == []


def test_a_split_reopens_only_the_pairs_of_the_record_taken_out(walk):
    project, (c1, c2, c3, grey, _) = walk
    engine.decide_pair(project.db, c1, grey, "not_duplicate", "lead")
    engine.split(project.db, c3, "lead")
    # c3 is no longer one record with c1: nobody judged it against grey, so it asks again;
    # ann's own 'different' on c1–grey, and c2–grey (c2 still one with c1), stay closed
    assert _queue(project) == [(c3, grey)]
    engine.decide_pair(project.db, c3, grey, "duplicate", "lead")  # no 'different' forbids it
    assert _queue(project) == []
    engine.undo_last(project.db, "lead")  # the merge
    engine.undo_last(project.db, "lead")  # the split: c3–grey closes again with c3 back
    assert _queue(project) == []
    engine.undo_last(project.db, "lead")  # the 'different'
    assert _queue(project) == [(c1, grey), (c2, grey), (c3, grey)]


def _two_dois_two_bare(project) -> list[int]:
    """Issue 14's four records, dedup run: 1 and 2 share a DOI (merged), 3 and 4 are bare
    copies of the title; the other five pairs wait for a person."""
    ids = add_records(
        project,
        [
            rec(doi="10.1000/rtw.2"),
            rec(doi="10.1000/rtw.2", source="Embase"),
            rec(**BARE, source="RIS"),
            rec(**BARE, title=TITLE.upper(), source="Scholar"),
        ],
    )
    engine.run_dedup(project.db)
    return ids


def test_a_merge_closes_the_pairs_an_earlier_different_covers(project_b):
    """Issue 14's example: 'd' on 3–4, then 's' on 1–3 must not leave 1–4 and 2–4 open (nor
    merge them): 4 differs from 3, now one record with 1 and 2."""
    r1, r2, r3, r4 = _two_dois_two_bare(project_b)
    assert len(_queue(project_b)) == 5
    engine.decide_pair(project_b.db, r3, r4, "not_duplicate", "lead")
    engine.decide_pair(project_b.db, r1, r3, "duplicate", "lead")
    assert _queue(project_b) == []
    with pytest.raises(Exception, match=f"said records {r3} and {r4} differ"):
        engine.decide_pair(project_b.db, r2, r4, "duplicate", "lead")
    engine.undo_last(project_b.db, "lead")  # the merge, and the pairs it closed
    assert _queue(project_b) == [(r1, r3), (r1, r4), (r2, r3), (r2, r4)]


def test_a_later_run_does_not_ask_again_about_a_record_merged_into_the_cluster(walk):
    project, (c1, c2, c3, grey, _) = walk
    engine.decide_pair(project.db, c1, grey, "not_duplicate", "lead")
    (late,) = add_records(project, [rec(doi="10.1000/rtw.1", source="Web of Science")])
    engine.run_dedup(project.db)  # a rule merges it with c1–c3; another queues it against grey
    assert links.canonical_map(project.db)[late] == links.canonical_map(project.db)[c1]
    assert _queue(project) == []
    engine.split(project.db, late, "lead")  # no longer one record with c1: ask about it
    assert (late, grey) in _queue(project) or (grey, late) in _queue(project)


# --- the queue sheet -------------------------------------------------------------------


def _sheet(project, capsys, tmp_path, verdicts: dict[tuple[int, int], str], other_pairs=False):
    """Write the sheet, fill ``verdicts``, read it back; ``other_pairs``: first add a row for
    every open pair the sheet left out (one pair stands for a question)."""
    folder = str(project.folder)
    sheet = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--project", folder, "--csv", str(sheet)]) == 0
    if other_pairs:
        with open(sheet, encoding="utf-8") as fh:
            written = fh.read()
        shown = {tuple(map(int, line.split(",")[:2])) for line in written.splitlines()[1:]}
        extra = [q for q in engine.review_queue(project.db) if (q.a, q.b) not in shown]
        with open(sheet, "a", encoding="utf-8", newline="") as fh:
            fh.writelines(f"{q.a},{q.b}\r\n" for q in extra)
    fill_verdicts(sheet, verdicts)
    capsys.readouterr()
    code = main(
        ["dedup", "review", "--project", folder, "--reviewer", "lead", "--read-csv", str(sheet)]
    )
    out = capsys.readouterr()
    return code, out.out, out.err, sheet


def test_read_csv_different_closes_the_clusters_other_pairs(walk, capsys, tmp_path):
    project, (c1, c2, c3, grey, _) = walk
    code, out, _, _ = _sheet(project, capsys, tmp_path, {(c1, grey): "different"})
    # one row: c1, c2 and c3 are one record, so their pairs with grey are one question
    assert code == 0 and "1 verdict written" in out and "0 rows left open" in out
    assert "2 more pairs closed as following from a 'different'" in out
    assert _queue(project) == []
    engine.undo_last(project.db, "lead")
    assert len(_queue(project)) == 3


def test_read_csv_refuses_a_different_its_own_same_rows_contradict(walk, capsys, tmp_path):
    project, (c1, c2, c3, grey, _) = walk
    before = links.current_links(project.db)
    verdicts = {(c1, grey): "different", (c3, grey): "same"}
    code, _, err, sheet = _sheet(project, capsys, tmp_path, verdicts, other_pairs=True)
    # rows: line 2 c1–grey (the sheet's one row for the question), line 3 c2–grey, line 4
    # c3–grey added by hand (or an older sheet with a row per pair)
    assert code == 2 and "Traceback" not in err
    assert f"{sheet}:2" in err and f"records {c1} and {grey} are 'different' here" in err
    assert "'same' on line 4" in err and "nothing was written" in err
    assert links.current_links(project.db) == before


def test_read_csv_refuses_same_rows_that_join_records_a_person_said_differ(
    project_b, capsys, tmp_path
):
    ids = add_records(
        project_b, [rec(**BARE, source="RIS"), rec(**BARE, title=TITLE.upper()), other(3)]
    )
    ids.append(add_records(project_b, [rec(**BARE, title=f"[{TITLE}]", source="Scholar")])[0])
    engine.run_dedup(project_b.db)
    a, b, _, c = ids
    assert {(a, b), (a, c), (b, c)} <= set(_queue(project_b))
    engine.decide_pair(project_b.db, a, b, "not_duplicate", "bob")
    before = links.current_links(project_b.db)
    # a–c same and c–b same would make a and b one record; neither row alone does
    code, _, err, _ = _sheet(project_b, capsys, tmp_path, {(a, c): "same", (b, c): "same"})
    assert code == 2 and f"bob said records {a} and {b} differ" in err
    assert "'same' on lines 2 and 3" in err and links.current_links(project_b.db) == before


def test_read_csv_merge_closes_the_pairs_an_earlier_different_covers(project_b, capsys, tmp_path):
    r1, r2, r3, r4 = _two_dois_two_bare(project_b)
    engine.decide_pair(project_b.db, r3, r4, "not_duplicate", "bob")
    code, out, _, _ = _sheet(project_b, capsys, tmp_path, {(r1, r3): "same"})
    assert code == 0 and "1 verdict written" in out and _queue(project_b) == []
    current = {(lk.record_a, lk.record_b): lk for lk in links.current_links(project_b.db)}
    for pair in ((r1, r4), (r2, r4)):  # r4 differs from r3, now one record with r1 and r2
        assert current[pair].verdict == "not_duplicate"
        assert current[pair].reason.startswith(f"follows from {r3}-{r4} ")
    engine.undo_last(project_b.db, "lead")  # those closures: one step, then the merge
    engine.undo_last(project_b.db, "lead")
    assert _queue(project_b) == [(r1, r3), (r1, r4), (r2, r3), (r2, r4)]


# --- the review screen -----------------------------------------------------------------


def test_the_screen_counts_a_clusters_pairs_with_a_record_as_one_question(walk):
    project, (c1, c2, c3, grey, _) = walk

    async def go():
        app = ReviewkitApp(DedupReviewScreen(project, "lead"), keymap={})
        async with app.run_test(size=(110, 30)) as pilot:
            screen = app.first_screen
            # c1, c2 and c3 are one record: their three pairs with grey are one question
            assert "1 in queue" in str(screen.query_one("#status").render())
            await pilot.press("d")
            assert screen.pair is None
            assert "0 in queue" in str(screen.query_one("#status").render())
            message = str(screen.query_one("#message").render())
            assert message == f"{c1}–{grey}: different records (saved)"
            await pilot.press("z")
            assert (screen.pair.a, screen.pair.b) == (c1, grey)
            assert "1 in queue" in str(screen.query_one("#status").render())
            await pilot.press("q")

    asyncio.run(go())
