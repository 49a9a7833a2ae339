"""A pair the chaining guard held back says why, in one wording on the review screen and in
`dedup report --rules`."""

from __future__ import annotations

from conftest import add_records
from dedup.helpers import rec

from reviewkit.dedup import engine
from reviewkit.tui.dedup_pair import rule_titles

PLACE = dict(journal="Dtsch Med Wochenschr", volume="125", issue="10", pages="559-567")


def test_a_pair_the_chaining_guard_held_back_says_why_on_screen_and_in_the_report(project_b):
    # the English record and a stray one share a PubMed id, but the stray's title differs from
    # the English one's and from its Embase translation's: same_pmid's merge is held back
    add_records(
        project_b,
        [
            rec(title="Sick leave and work: the clinic or the employer?", **PLACE),
            rec(title="Certification of sickness absence", pmid="10957911", **PLACE),
            rec(title="Incapacity certificates", pmid="10957911", journal="Other", pages="1-2"),
        ],
    )
    engine.run_dedup(project_b.db)
    rules = {q.rule for q in engine.review_queue(project_b.db)}
    assert "chain_guard:same_pmid" in rules
    top, bottom = rule_titles("chain_guard:same_pmid")
    assert top == "why: merge held back by the chaining guard: a record in a cluster differs"
    assert bottom == "rule chain_guard:same_pmid"
    row = next(r for r in engine.rule_report(project_b.db) if r.rule == "chain_guard:same_pmid")
    assert row.queued == 1 and f"why: {row.why}" == top
