"""A person's own merge replaces their own 'different': pressing `d` on one pair
also closes the pairs of the same two clusters; a later `dedup merge` of that very pair by the
same person replaces the verdict and those pairs with it, and says so. Another person's
'different', and the person's own on another pair, still hold (issue 14 item 5)."""

from __future__ import annotations

import pytest
from conftest import add_records
from dedup.helpers import rec
from dedup.review_setup import BARE

from reviewkit.cli import main
from reviewkit.dedup import engine
from reviewkit.store import duplicates as links


@pytest.fixture
def walk(project_b):
    """Three copies of one article merged by their DOI, and a title-only record queued
    against each of them."""
    ids = add_records(
        project_b,
        [
            rec(doi="10.1000/rtw.1"),
            rec(doi="10.1000/rtw.1", source="Scopus"),
            rec(doi="10.1000/rtw.1", source="Scholar"),
            rec(**BARE, source="RIS"),
        ],
    )
    engine.run_dedup(project_b.db)
    return project_b, ids


def merge(capsys, project, reviewer, a, b):
    args = ["dedup", "merge", "--project", str(project.folder), "--reviewer", reviewer]
    code = main([*args, "--yes", str(a), str(b)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_own_merge_replaces_own_different_and_the_pairs_closed_with_it(walk, capsys):
    project, (c1, c2, c3, grey) = walk
    engine.decide_pair(project.db, c1, grey, "not_duplicate", "reviewer1")  # `d`: 2 more close
    # another person's merge, and reviewer1's own of another pair, are still refused
    code, _out, err = merge(capsys, project, "reviewer2", c1, grey)
    assert code == 2 and "reviewer1 said they differ" in err and "Traceback" not in err
    code, _out, err = merge(capsys, project, "reviewer1", c2, grey)  # not the pair judged
    assert code == 2 and f"reviewer1 said records {c1} and {grey} differ" in err
    assert links.members_of(project.db, (grey,)) == {grey}
    code, out, err = merge(capsys, project, "reviewer1", c1, grey)
    assert code == 0, err
    assert f"replaces reviewer1's own 'different' on records {c1} and {grey}" in out
    assert f"the 2 pairs closed with it ({c2}\u2013{grey}, {c3}\u2013{grey})" in out
    assert links.members_of(project.db, (grey,)) == {c1, c2, c3, grey}
    # the closed pairs went back to what they were: no 'different' left inside the cluster
    assert [lk for lk in links.current_links(project.db, "not_duplicate") if lk.person] == []
    # undo takes the merge back with them: apart again, the pairs closed again
    assert main(["dedup", "undo", "--project", str(project.folder), "--reviewer", "reviewer1"]) == 0
    assert links.members_of(project.db, (grey,)) == {grey}
    assert engine.review_queue(project.db) == []
