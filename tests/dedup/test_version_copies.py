"""copies_of: the copies of a record are the records of its cluster that are the same
publication; a Cochrane review's earlier version, linked to it by doi_versions, is another
version of the study (its own year, issue and abstract), not a copy to fill fields from."""

from __future__ import annotations

from conftest import add_records
from dedup.helpers import other, rec

from reviewkit.dedup import engine
from reviewkit.dedup.merged_fields import copies_of
from reviewkit.store import duplicates as links

_STEM = "10.1002/14651858.CD009622"
_JOURNAL = "Cochrane Database Syst Rev"


def test_an_earlier_version_of_a_cochrane_review_is_no_copy_of_the_update(project_a):
    pub2, pub3, embase, unrelated = add_records(
        project_a,
        [
            rec(doi=f"{_STEM}.pub2", year=2013, journal=_JOURNAL, volume="2013", issue="6"),
            # the update as PubMed gave it, without issue and pages
            rec(
                doi=f"{_STEM}.pub3", year=2019, journal=_JOURNAL, volume="2019", issue="", pages=""
            ),
            # the update again from Embase, with its own issue and article number
            rec(
                doi=f"{_STEM}.pub3",
                year=2019,
                journal=_JOURNAL,
                volume="2019",
                issue="3",
                pages="CD009622",
                source="Embase",
            ),
            other(1),
        ],
    )
    engine.run_dedup(project_a.db)
    cmap = links.canonical_map(project_a.db)
    kept = cmap[pub3]
    assert cmap[pub2] == cmap[embase] == kept in (pub3, embase)  # one study, the 2019 update
    assert cmap[unrelated] == unrelated

    copy = embase if kept == pub3 else pub3
    assert copies_of(project_a.db, kept) == [copy]  # the update's other record, not 2013's
