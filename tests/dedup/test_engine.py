"""run_dedup on a project: links, incremental runs, review decisions, undo, split, views, report."""

from __future__ import annotations

import csv
import sqlite3

import pytest
from conftest import add_records
from dedup.helpers import TITLE, other, rec

from reviewkit.dedup import engine
from reviewkit.errors import UserError
from reviewkit.store import duplicates as links


@pytest.fixture
def seeded(project_a):
    """Two copies of one article (PMID and DOI), a near copy for review, five unrelated."""
    ids = add_records(
        project_a,
        [
            rec(pmid="31000001", doi="10.5271/sjweh.3801"),
            rec(
                doi="https://doi.org/10.5271/SJWEH.3801",
                source="Embase",
                journal="Scand J Work Environ Health",
            ),
            rec(authors=[], journal="", volume="", pages="", year=None, source="Google Scholar"),
            *(other(i) for i in range(5)),
        ],
        source="mixed",
    )
    return project_a, ids


def test_run_links_duplicates_by_rule_and_queues_the_uncertain(seeded):
    project, ids = seeded
    result = engine.run_dedup(project.db)
    assert result.new_records == 8 and result.duplicates == 1 and result.uncertain >= 1
    dup = links.current_links(project.db, "duplicate")
    assert [(lk.record_a, lk.record_b, lk.made_by) for lk in dup] == [
        (ids[0], ids[1], "rule:same_doi")
    ]
    cmap = links.canonical_map(project.db)
    assert cmap[ids[1]] == ids[0] and len(links.study_ids(project.db)) == 7
    queue = engine.review_queue(project.db)
    assert {(q.a, q.b) for q in queue} & {(ids[0], ids[2]), (ids[1], ids[2])}
    assert all(lk.made_by.startswith("rule:") for lk in links.current_links(project.db))


def test_incremental_run_matches_new_records_against_old_clusters_only(seeded):
    project, ids = seeded
    first = engine.run_dedup(project.db)
    before = {lk.id for lk in links.current_links(project.db)}
    new = add_records(
        project, [rec(pmid="31000001", source="PubMed rerun"), other(50)], source="later"
    )
    second = engine.run_dedup(project.db)
    assert second.new_records == 2
    assert second.pairs_compared < first.pairs_compared
    added = [lk for lk in links.current_links(project.db) if lk.id not in before]
    assert added and all(
        lk.record_a in new or lk.record_b in new for lk in added
    )  # no old pair again
    cmap = links.canonical_map(project.db)
    assert cmap[new[0]] == ids[0] and cmap[new[1]] == new[1]
    third = engine.run_dedup(project.db)
    assert third.run_id is None and third.new_records == 0 and third.pairs_compared == 0


def test_decide_and_undo_append_and_restore(seeded):
    project, ids = seeded
    engine.run_dedup(project.db)
    pair = engine.review_queue(project.db)[0]
    n_before = len(engine.review_queue(project.db))
    engine.decide_pair(project.db, pair.a, pair.b, "duplicate", "ann")
    assert len(engine.review_queue(project.db)) < n_before
    assert links.canonical_map(project.db)[pair.b] == links.canonical_map(project.db)[pair.a]
    undone = engine.undo_last(project.db, "ann")
    assert [(u.record_a, u.record_b) for u in undone] == [(pair.a, pair.b)]
    history = links.link_history(project.db, pair.a, pair.b)
    assert [h.verdict for h in history] == ["uncertain", "duplicate", "uncertain"]
    assert history[-1].made_by == "person:ann"
    assert len(engine.review_queue(project.db)) == n_before
    # back in the queue under the rule that sent it there, not under the undo's author
    assert pair.rule and pair in engine.review_queue(project.db)
    assert engine.undo_last(project.db, "ann") == []  # nothing left to undo
    assert engine.undo_last(project.db, "bob") == []


def test_split_undoes_a_merge_and_later_runs_respect_it(seeded):
    project, ids = seeded
    engine.run_dedup(project.db)
    assert engine.split(project.db, ids[1], "ann") == 1
    cmap = links.canonical_map(project.db)
    assert cmap[ids[1]] == ids[1] and cmap[ids[0]] == ids[0]
    assert links.link_history(project.db, ids[0], ids[1])[-1].made_by == "person:ann"
    # a new copy matches both by DOI: the person's split must not be chained over
    add_records(project, [rec(doi="10.5271/sjweh.3801", source="Scopus")], source="later")
    engine.run_dedup(project.db)
    cmap = links.canonical_map(project.db)
    assert cmap[ids[0]] != cmap[ids[1]]
    # undoing the split restores the merge
    engine.undo_last(project.db, "ann")
    assert links.canonical_map(project.db)[ids[1]] == links.canonical_map(project.db)[ids[0]]


def test_bad_input_is_refused_and_nothing_is_written(seeded):
    project, ids = seeded
    engine.run_dedup(project.db)
    count = len(links.current_links(project.db))
    with pytest.raises(UserError, match="verdict"):
        engine.decide_pair(project.db, ids[0], ids[2], "maybe", "ann")
    with pytest.raises(UserError, match="no record"):
        engine.decide_pair(project.db, ids[0], 9999, "duplicate", "ann")
    with pytest.raises(UserError, match="reviewer"):
        engine.decide_pair(project.db, ids[0], ids[2], "duplicate", "  ")
    with pytest.raises(UserError, match="not merged"):
        engine.split(project.db, ids[4], "ann")
    with pytest.raises(UserError, match="no record"):
        engine.split(project.db, 9999, "ann")
    assert len(links.current_links(project.db)) == count


def test_links_are_never_deleted_or_changed(seeded):
    project, _ = seeded
    engine.run_dedup(project.db)
    with sqlite3.connect(project.database_path) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute("DELETE FROM duplicate_links")
    with sqlite3.connect(project.database_path) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute("UPDATE duplicate_links SET verdict = 'not_duplicate'")


def test_merged_view_has_best_title_all_identifiers_and_sources(project_a):
    ids = add_records(
        project_a,
        [
            rec(title=f"[{TITLE}].", pmid="31000001", source="PubMed"),
            rec(doi="10.5271/sjweh.3801", pmid="31000001", source="Embase"),
        ],
    )
    engine.run_dedup(project_a.db)
    view = engine.merged_view(project_a.db, ids[1])
    assert view.canonical_id == ids[0] and view.member_ids == ids
    assert view.title == TITLE
    assert view.pmids == ["31000001"] and view.dois == ["10.5271/sjweh.3801"]
    assert view.sources == ["PubMed", "Embase"]
    with pytest.raises(UserError):
        engine.merged_view(project_a.db, 424242)


def test_merged_view_lists_one_doi_spelled_two_ways_once(project_a):
    """Records keep a DOI as their source wrote it: two spellings of one DOI are one DOI."""
    ids = add_records(
        project_a,
        [
            rec(doi="10.5271/SJWEH.3801", pmid="31000001", source="PubMed"),
            rec(doi="10.5271/sjweh.3801", pmid="31000001", source="Embase"),
        ],
    )
    engine.run_dedup(project_a.db)
    assert engine.merged_view(project_a.db, ids[0]).dois == ["10.5271/SJWEH.3801"]


def test_report_counts_automatic_and_manual_removals_and_writes_csv(seeded, tmp_path):
    project, ids = seeded
    engine.run_dedup(project.db)
    pair = engine.review_queue(project.db)[0]
    engine.decide_pair(project.db, pair.a, pair.b, "duplicate", "ann")
    rep = engine.dedup_report(project.db)
    assert (rep.records, rep.removed_automatically, rep.removed_by_hand) == (8, 1, 1)
    assert rep.studies == 6 and rep.clusters == 1 and rep.runs == 1
    out = tmp_path / "clusters.csv"
    assert engine.write_clusters_csv(project.db, out) == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [int(r["record_id"]) for r in rows] == ids[:3]
    assert {r["cluster"] for r in rows} == {str(ids[0])}
    assert "person:ann" in rows[2]["linked_by"] and "rule:same_doi" in rows[0]["linked_by"]


def test_a_persons_different_holds_for_the_whole_cluster(project_a):
    """d on 1-4, then s on 2-4 while 1, 2 and 3 are one cluster: refused, with the reason."""
    r1, r2, r3, r4 = add_records(project_a, [other(i) for i in range(4)])
    db = project_a.db
    engine.decide_pair(db, r1, r2, "duplicate", "ann")
    engine.decide_pair(db, r2, r3, "duplicate", "ann")
    engine.decide_pair(db, r1, r4, "not_duplicate", "ann")
    with pytest.raises(UserError, match=rf"ann said records {r1} and {r4} differ") as err:
        engine.decide_pair(db, r2, r4, "duplicate", "bob")
    assert "split" in err.value.hint
    cmap = links.canonical_map(db)
    assert cmap[r4] == r4 and cmap[r1] == cmap[r2] == cmap[r3]
    # 'different' on two records already joined through another is refused too
    with pytest.raises(UserError, match="one cluster through other records") as err:
        engine.decide_pair(db, r1, r3, "not_duplicate", "bob")
    # the split's line names who was refused (its default name is the login's)
    assert err.value.hint == f"split one of them first: reviewkit dedup split {r3} --reviewer bob"
    # once the person's 'different' is undone, the merge goes through
    engine.undo_last(db, "ann")
    engine.decide_pair(db, r2, r4, "duplicate", "bob")
    assert links.canonical_map(db)[r4] == cmap[r1]


def test_the_canonical_record_of_versions_is_the_latest_version(project_a):
    old, new, other_one = add_records(
        project_a,
        [
            rec(
                doi="10.1002/14651858.CD009622.pub2",
                year=2013,
                journal="Cochrane Database Syst Rev",
            ),
            rec(
                doi="10.1002/14651858.CD009622.pub3",
                year=2019,
                journal="Cochrane Database Syst Rev",
            ),
            other(1),
        ],
    )
    engine.run_dedup(project_a.db)
    cmap = links.canonical_map(project_a.db)
    assert cmap[old] == cmap[new] == new  # the 2019 update, not the first imported
    assert cmap[other_one] == other_one
    assert engine.merged_view(project_a.db, old).canonical_id == new
