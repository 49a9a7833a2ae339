"""The clusters a review screen keeps are the project's clusters after every kind of write:
verdicts, splits, undo, another reviewer's links, a cluster of versions (issue 14)."""

from __future__ import annotations

from dedup.review_setup import six_records

from reviewkit.dedup import engine
from reviewkit.dedup.live_clusters import clusters_now
from reviewkit.project import open_project
from reviewkit.store import duplicates as links


def test_kept_clusters_follow_every_write(project_b):
    r1, r2, r3, r4, r5, r6, r7 = six_records(project_b)
    bob = open_project(project_b.folder)  # another reviewer's connection
    known = clusters_now(project_b.db)
    steps = [
        lambda: engine.decide_pair(project_b.db, r1, r3, "duplicate", "ann"),
        lambda: engine.decide_pair(bob.db, r4, r5, "duplicate", "bob"),
        lambda: engine.split(bob.db, r1, "bob"),
        lambda: engine.undo_last(project_b.db, "ann"),
        lambda: engine.decide_pair(bob.db, r3, r4, "duplicate", "bob"),
        lambda: engine.undo_last(bob.db, "bob"),
        # a cluster of versions: its canonical record is the latest version, not the lowest id
        lambda: links.add_link(bob.db, r7, r4, "duplicate", made_by="rule:doi_versions"),
        lambda: engine.split(bob.db, r2, "bob"),
    ]
    try:
        for step in steps:
            step()
            known = clusters_now(project_b.db, known)
            assert known.map == links.canonical_map(project_b.db)
            assert clusters_now(project_b.db, known) is known  # nothing written since
    finally:
        bob.close()
